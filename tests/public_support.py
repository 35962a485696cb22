"""Reading the 公开版 as a reader's tools do: an HTML parser (lxml) for its structure and
text, python-docx and pdfplumber for the Word file and the PDF it must agree with."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import lxml.html
import pdfplumber
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from tests.layout import BLOCK_BOTTOM, MM

# what a reader sees of the report, in order: every paragraph, heading and table cell
TEXT_ELEMENTS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "th", "td")


def page(path: Path) -> Any:
    """The parsed page (lxml.html)."""
    return lxml.html.document_fromstring(path.read_bytes())


def disclosure(root: Any) -> dict[str, str]:
    """The disclosure block as label → value."""
    (block,) = root.xpath("//section[@class='disclosure']")
    return {
        dt.text_content(): dd.text_content()
        for dt, dd in zip(block.xpath(".//dt"), block.xpath(".//dd"), strict=True)
    }


def metas(root: Any) -> dict[str, str]:
    """<meta name=… content=…> as a dict."""
    return {m.get("name"): m.get("content") for m in root.xpath("//meta[@name]")}


def report_texts(root: Any, tables: bool = True) -> list[str]:
    """The report's paragraphs, headings and cells in document order (the disclosure block,
    which the Word file and the PDF do not print, left out; the table's cells too when not
    `tables`)."""
    (article,) = root.xpath("//article")
    skip = set(article.xpath(".//section[@class='disclosure']//*"))
    if not tables:
        skip |= set(article.xpath(".//table//*"))
    return [
        e.text_content()
        for e in article.iter(*TEXT_ELEMENTS)
        if e not in skip and e.text_content().strip()
    ]


def docx_texts(path: Path) -> list[str]:
    """Every non-empty paragraph of the Word body in order, table cells included."""
    document = docx.Document(str(path))
    out = []
    for p in document.element.body.iter(qn("w:p")):
        text = Paragraph(p, document).text
        if text.strip():
            out.append(text)
    return out


def squeezed(texts: list[str]) -> str:
    """The texts joined with all whitespace removed (line breaks differ between outputs)."""
    return re.sub(r"\s", "", "".join(texts))


def pdf_text_and_cells(path: Path) -> tuple[str, list[str]]:
    """The PDF's text inside the text block outside its tables (no page numbers),
    whitespace removed; and the table's cells row by row, the header repeated on a
    following page counted once."""
    text, cells = "", []
    header: list[str] | None = None
    with pdfplumber.open(path) as pdf:
        for pdf_page in pdf.pages:
            boxes = [t.bbox for t in pdf_page.find_tables()]
            for table in pdf_page.find_tables():
                rows = [[re.sub(r"\s", "", c or "") for c in row] for row in table.extract()]
                if header is not None and rows and rows[0] == header:
                    rows = rows[1:]
                header = header or rows[0]
                cells += [c for row in rows for c in row]
            outside = [
                c
                for c in pdf_page.chars
                if c["top"] / MM < BLOCK_BOTTOM
                and not any(
                    x0 <= c["x0"] < x1 and top <= c["top"] < bottom for x0, top, x1, bottom in boxes
                )
            ]
            text += "".join(c["text"] for row in _rows(outside) for c in row)
    return re.sub(r"\s", "", text), cells


def _rows(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    by_top: dict[int, list[dict[str, Any]]] = {}
    for c in chars:
        by_top.setdefault(round(c["top"]), []).append(c)
    return [sorted(by_top[k], key=lambda c: c["x0"]) for k in sorted(by_top)]


def html_text_and_cells(root: Any) -> tuple[str, list[str]]:
    """The page's report text outside its table, whitespace removed; and its cells."""
    cells = [
        re.sub(r"\s", "", c.text_content()) for c in root.xpath("//table//*[self::th or self::td]")
    ]
    texts = [t for t in report_texts(root, tables=False)]
    return squeezed(texts), cells
