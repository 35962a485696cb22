"""A saved web page: the article body found by its content, the disclosure metadata read.

No CMS class names are used: the body is the smallest element that still holds most of the
page's Chinese sentence punctuation; furniture inside it is dropped line by line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import lxml.html
from lxml import etree

from lawgov_gen.commands.importer import residue
from lawgov_gen.commands.importer.front import is_title_text
from lawgov_gen.commands.importer.normalise import normalise
from lawgov_gen.commands.importer.paragraphs import (
    ImportProblem,
    SourceDocument,
    SourceParagraph,
    bold_lead,
    bold_runs,
    table_warning,
)
from lawgov_gen.commands.importer.pipeline import finish
from lawgov_gen.commands.importer.text_reader import decode

NOT_HTML = "无法解析这个网页文件（可能已损坏）：请在浏览器中打开原网页，重新“另存为”网页后再导入"

# Not "：", which labels and furniture are full of; these mark running sentences.
_PUNCT = frozenset("，。；！？、")
_DROP = (
    "script style noscript template iframe object embed svg canvas select button input "
    "textarea nav footer aside head"
).split()
_BLOCK = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr td th section "
    "article main header blockquote pre center address figure figcaption hr caption".split()
)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DESCEND = 0.8  # a child holding this share of the punctuation is tighter around the article


def _text(data: bytes, path: Path) -> str:
    try:
        # a page that is valid UTF-8 is UTF-8, whatever its <meta charset> claims
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80") else name
        try:
            return data.decode("utf-8-sig" if name in ("utf-8", "utf8") else name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)


def _tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _pieces(el: etree._Element) -> list[str]:
    """Text fragments under `el` in document order (each text node on its own)."""
    out = [el.text or ""]
    for child in el:
        out.extend(_pieces(child))
        out.append(child.tail or "")
    return [p for p in out if p.strip()]


def _metadata(root: etree._Element) -> tuple[dict[str, str], etree._Element | None]:
    """The disclosure metadata and the element holding it (a table, list or div)."""
    for el in root.iter():
        if _tag(el) and el.text and residue.is_metadata_label(el.text):
            block = el
            # Climb while short and sentence-free: the metadata block, not the article.
            parent = block.getparent()
            while parent is not None and _tag(parent) != "body":
                text = "".join(parent.itertext())
                if len(text) > 600 or "。" in text:
                    break
                block, parent = parent, parent.getparent()
            found, _ = residue.metadata_pairs(_pieces(block))
            if len(found) >= 2:
                return found, block
    return {}, None


def _punctuation(el: etree._Element, scores: dict[etree._Element, int]) -> int:
    n = sum(c in _PUNCT for c in el.text or "")
    for child in el:
        n += _punctuation(child, scores) + sum(c in _PUNCT for c in child.tail or "")
    scores[el] = n
    return n


def _article(body: etree._Element) -> etree._Element:
    """The smallest element that still holds most of the page's sentence punctuation."""
    scores: dict[etree._Element, int] = {}
    _punctuation(body, scores)
    current = body
    while len(current) and scores[current]:
        best = max(current, key=lambda c: scores.get(c, 0))
        if scores.get(best, 0) < _DESCEND * scores[current] or _tag(best) in ("p", "br"):
            break
        current = best
    return current


def _data_table(table: etree._Element) -> tuple[int, int, list[str]] | None:
    """Rows, columns and first row of a data table; None for a layout table."""
    rows = [r for r in table.iter("tr") if r.getparent() is table or r.getparent() in table]
    cells = [[c for c in r if _tag(c) in ("td", "th")] for r in rows]
    cols = max((len(c) for c in cells), default=0)
    longest = max((len(" ".join(c.itertext())) for r in cells for c in r), default=0)
    if len(rows) < 2 or cols < 2 or longest > 200:
        return None
    return len(rows), cols, [" ".join("".join(c.itertext()).split()) for c in cells[0]]


class _Collector:
    """Turns the article element into raw paragraphs: blocks and <br> lines."""

    def __init__(self, *skip: etree._Element | None) -> None:
        self.skip = {id(el) for el in skip if el is not None}
        self.paragraphs: list[SourceParagraph] = []
        self.warnings: list[str] = []
        self.pieces: list[tuple[str, bool, int | None, int]] = []

    def flush(self) -> None:
        """End the current paragraph."""
        text = "".join(p[0] for p in self.pieces)
        if text.strip():
            first = next(p for p in self.pieces if p[0].strip())
            lead = bold_lead((p[0], p[1]) for p in self.pieces)
            self.paragraphs.append(
                SourceParagraph(
                    text=text,
                    bold_lead=" ".join(lead.split()) or None,
                    heading=first[2],
                    where=f"第{first[3]}行",
                    bold_runs=bold_runs((p[0], p[1]) for p in self.pieces),
                )
            )
        self.pieces = []

    def add(self, text: str | None, bold: bool, heading: int | None, line: int) -> None:
        """Add inline text; runs of whitespace collapse as a browser shows them."""
        if text:
            self.pieces.append((re.sub(r"[ \t\r\n\f]+", " ", text), bold, heading, line))

    def walk(self, el: etree._Element, bold: bool, heading: int | None) -> None:
        """Collect `el` and its children; block elements start and end paragraphs."""
        tag = _tag(el)
        line = el.sourceline or 0
        if not tag or id(el) in self.skip:
            return
        if tag == "br":
            self.flush()
            return
        if tag == "table":
            shape = _data_table(el)
            if shape is not None:
                self.flush()
                self.warnings.append(table_warning(len(self.warnings) + 1, *shape))
                return
        block = tag in _BLOCK
        if block:
            self.flush()
        if re.fullmatch(r"h[1-6]", tag):
            heading = int(tag[1])
        bold = bold or tag in ("b", "strong") or bool(_BOLD_STYLE.search(el.get("style", "")))
        self.add(el.text, bold, heading, line)
        for child in el:
            self.walk(child, bold, heading)
            self.add(child.tail, bold, heading, child.sourceline or line)
        if block:
            self.flush()


def _title_outside(
    root: etree._Element, article: etree._Element, page_title: str | None
) -> str | None:
    """The report's title printed above the article body (an <h1>, a title cell), or the
    page's <title> before its site suffix; None when neither names a report."""
    found = None
    for el in root.iter():
        if el is article:
            break
        text = " ".join("".join(el.itertext()).split()) if _tag(el) else ""
        if text and is_title_text(text):
            found = text  # the last one before the body is the closest to it
    if found is None and page_title:
        first = re.split(r"\s*[_|｜—-]+\s*", page_title.strip())[0]
        found = first if is_title_text(first) else None
    return found


def _lines(el: etree._Element, *skip: etree._Element | None) -> int:
    """How many lines of text `el` shows, leaving out the elements in `skip`."""
    collector = _Collector(*skip)
    collector.walk(el, False, None)
    collector.flush()
    return len(collector.paragraphs)


def read_html(path: Path) -> SourceDocument:
    """Read a saved .html page: article paragraphs, metadata, tables reported as warnings."""
    text = _XML_DECLARATION.sub("", _text(path.read_bytes(), path), count=1)
    # huge_tree: libxml2 otherwise drops the text of pages nested more than 255 deep
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        raise ImportProblem(NOT_HTML, path=path) from None
    metadata, block = _metadata(root)
    head = root.find("head/title")
    page_title = None if head is None else head.text_content()
    furniture = 0  # lines of the site around the article, dropped (counted in the summary)
    for el in [e for e in root.iter() if _tag(e) in _DROP]:
        if el.getparent() is not None:
            if _tag(el) in ("nav", "footer", "aside"):
                furniture += _lines(el, block)
            el.drop_tree()
    body = root.find("body")
    article = _article(root if body is None else body)
    title = _title_outside(root, article, page_title)
    if body is not None:
        shown = title is not None and title in " ".join(body.itertext())
        furniture += _lines(body, block, article) - shown  # the title is read, not dropped
    collector = _Collector(block)
    collector.walk(article, False, None)
    collector.flush()
    doc = SourceDocument(metadata=metadata, warnings=collector.warnings)
    if title and "标题" not in metadata:
        metadata["标题"] = normalise(title, doc.normalised)
    if furniture > 0:
        doc.normalised[residue.RESIDUE] += furniture
    doc.paragraphs = finish(collector.paragraphs, doc.normalised)
    return doc


def fragment_paragraphs(
    data: bytes, path: Path, where: str
) -> tuple[list[SourceParagraph], list[str]]:
    """The raw paragraphs and table warnings of an HTML fragment inside another file (a Word
    altChunk): its whole body is content, nothing is site furniture; `where` places them."""
    text = _XML_DECLARATION.sub("", _text(data, path), count=1)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return [], []
    for el in [e for e in root.iter() if _tag(e) in _DROP]:
        if el.getparent() is not None:
            el.drop_tree()
    body = root.find("body")
    collector = _Collector()
    collector.walk(root if body is None else body, False, None)
    collector.flush()
    return [replace(p, where=where) for p in collector.paragraphs], collector.warnings
