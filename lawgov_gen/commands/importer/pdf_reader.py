"""PDF with a text layer: lines rejoined into paragraphs, page furniture dropped.

A paragraph starts where a line is indented (about two characters) or follows a line that
ends well short of the right margin; page numbers and headers or footers repeated on
most pages are removed before the lines are joined, so a paragraph flows across pages.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from lawgov_gen.commands.importer import residue
from lawgov_gen.commands.importer.normalise import join_pieces
from lawgov_gen.commands.importer.paragraphs import (
    ImportProblem,
    SourceDocument,
    SourceParagraph,
    table_warning,
)
from lawgov_gen.commands.importer.pipeline import JOINED, ends_sentence, finish

SCANNED = "PDF 中没有可提取的文字（可能是扫描件）：请用 Word 原文件，或先做文字识别（OCR）"
ENCRYPTED = "PDF 文件设置了打开密码：请用 Word 原文件，或先去掉 PDF 的密码再导入"
NOT_PDF = "不是有效的 PDF 文件（可能已损坏，或只是改了扩展名）"

_BOLD_FONT = re.compile(r"bold|heavy|black|semibold|demi|simhei|heiti|黑体", re.I)
_INDENT = 1.5  # em: a first-line indent is two characters
_SHORT = 3.0  # em short of the right margin: more than a line-breaking push leaves


@dataclass(eq=False)
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: str  # the bold text the line starts with


def _bold_prefix(text: str, chars: list[dict[str, Any]]) -> str:
    n = 0
    for ch in chars:
        if not str(ch.get("text", "")).strip():
            continue
        if not _BOLD_FONT.search(str(ch.get("fontname", ""))):
            break
        n += 1
    out, seen = "", 0
    for c in text:
        if seen == n:
            break
        out += c
        seen += not c.isspace()
    return out


@dataclass
class _Table:
    page: int
    top: float
    bottom: float
    rows: list[list[str]]


def _page_lines(page: Any, number: int, tables: list[_Table]) -> list[_Line]:
    """The text lines of a page, leaving out those inside tables (which go to `tables`)."""
    found = []
    for table in page.find_tables():
        rows = [[c or "" for c in row] for row in table.extract()]
        if max((len(r) for r in rows), default=0) >= 2:
            found.append(_Table(number, float(table.bbox[1]), float(table.bbox[3]), rows))
    tables.extend(found)
    out = []
    for ln in page.extract_text_lines(return_chars=True, strip=True):
        mid = (ln["top"] + ln["bottom"]) / 2
        if not ln["text"].strip() or any(t.top <= mid <= t.bottom for t in found):
            continue
        chars = ln["chars"]
        sizes = [float(c["size"]) for c in chars if str(c["text"]).strip()] or [10.0]
        out.append(
            _Line(
                page=number,
                text=ln["text"],
                x0=float(ln["x0"]),
                x1=float(ln["x1"]),
                top=float(ln["top"]),
                bottom=float(ln["bottom"]),
                size=statistics.median(sizes),
                bold=_bold_prefix(ln["text"], chars),
            )
        )
    return out


def _table_warnings(tables: list[_Table], pages: list[list[_Line]]) -> list[str]:
    """One warning per table; a table that runs on from the foot of one page is one table."""
    merged: list[_Table] = []
    for t in tables:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.page == t.page - 1
            and not any(ln.bottom > prev.bottom for ln in pages[prev.page - 1])
            and not any(ln.top < t.top for ln in pages[t.page - 1])
        ):
            merged[-1] = _Table(t.page, t.top, t.bottom, prev.rows + t.rows)
        else:
            merged.append(t)
    return [
        table_warning(i, len(t.rows), max(len(r) for r in t.rows), t.rows[0])
        for i, t in enumerate(merged, 1)
    ]


def _drop_furniture(pages: list[list[_Line]], counts: Counter[str]) -> None:
    """Remove page numbers at a page's edges, then headers and footers most pages repeat."""
    for lines in pages:
        for ln in [*lines[:2], *lines[-2:]]:
            if ln in lines and residue.is_page_number(ln.text, bare=ln is lines[-1]):
                lines.remove(ln)
                counts[residue.PAGE_NUMBER] += 1
    if len(pages) < 2 or not any(pages):
        return
    layout = _Layout([ln for p in pages for ln in p])
    need = max(2, (len(pages) + 1) // 2)
    for edge in (0, -1):
        for _ in range(2):  # a header may take two lines
            keys = Counter(_key(p, edge, layout) for p in pages if p)
            repeated = {k for k, n in keys.items() if k and n >= need}
            for lines in pages:
                if lines and _key(lines, edge, layout) in repeated:
                    del lines[edge]
                    counts[residue.HEADER_FOOTER] += 1


def _key(lines: list[_Line], edge: int, layout: _Layout) -> str:
    """The text of a page's first or last line with digits masked, if set apart from the body.

    Set apart means smaller type or a wider gap than between lines of the body: a body
    line that happens to repeat (the same closing sentence) is not a running footer.
    """
    ln = lines[edge]
    near = None if len(lines) < 2 else lines[1] if edge == 0 else lines[-2]
    gap = abs(near.top - ln.top) if near is not None else float("inf")
    if ln.size < 0.9 * layout.em or gap > 1.3 * layout.pitch:
        return re.sub(r"\d+", "#", ln.text)
    return ""


class _Layout:
    """The body text block: left and right margins and the body font size."""

    def __init__(self, lines: list[_Line]) -> None:
        self.em = statistics.median(ln.size for ln in lines)
        lefts = Counter(round(ln.x0) for ln in lines)
        self.left = float(lefts.most_common(1)[0][0])
        rights = sorted(ln.x1 for ln in lines)
        self.right = rights[int(len(rights) * 0.9)]
        self.pitch = statistics.median(
            [
                b.top - a.top
                for a, b in itertools.pairwise(lines)
                if a.page == b.page and b.top > a.top
            ]
            or [self.em * 1.5]
        )

    def indented(self, ln: _Line) -> bool:
        """Starts about two characters (or more: centred, right-aligned) in from the margin."""
        return ln.x0 - self.left >= _INDENT * self.em

    def short(self, ln: _Line) -> bool:
        """Ends well before the right margin."""
        return self.right - ln.x1 >= _SHORT * self.em

    def new_paragraph(self, prev: _Line, ln: _Line, first_line: bool) -> bool:
        """True when `ln` starts a paragraph rather than continuing `prev`'s."""
        scale = max(ln.size, prev.size) / self.em
        gap = ln.page != prev.page or ln.top - prev.top > 1.3 * self.pitch * scale
        if abs(ln.size - prev.size) > 0.15 * self.em or (gap and ln.page == prev.page):
            return True
        if ln.size > 1.15 * self.em and not gap:
            return False  # a title in a large font wrapping onto its next line
        if self.indented(ln):
            # A long title wraps onto a second centred line.
            return gap or not (self.centred(prev) and self.centred(ln))
        return self.short(prev) and (ends_sentence(prev.text) or first_line)

    def centred(self, ln: _Line) -> bool:
        """A title line: indented on both sides by about the same amount."""
        left, right = ln.x0 - self.left, self.right - ln.x1
        return min(left, right) >= _INDENT * self.em and abs(left - right) < 2 * self.em


def _paragraphs(lines: list[_Line], counts: Counter[str]) -> list[SourceParagraph]:
    layout = _Layout(lines)
    groups: list[list[_Line]] = []
    for ln in lines:
        if groups and not layout.new_paragraph(groups[-1][-1], ln, len(groups[-1]) == 1):
            if groups[-1][-1].page != ln.page:
                counts[JOINED] += 1
            groups[-1].append(ln)
        else:
            groups.append([ln])
    out = []
    for group in groups:
        text = lead = ""
        whole = True
        for ln in group:
            text = join_pieces(text, ln.text.strip())
            if whole and ln.bold:
                lead = join_pieces(lead, ln.bold.strip())
            whole = whole and ln.bold.strip() == ln.text.strip()
        out.append(SourceParagraph(text=text, bold_lead=lead or None, where=f"第{group[0].page}页"))
    return out


def read_pdf(path: Path) -> SourceDocument:
    """Read a PDF's text layer into paragraphs; tables are reported in warnings."""
    doc = SourceDocument()
    try:
        with pdfplumber.open(path) as pdf:
            if not any(page.chars for page in pdf.pages):
                raise ImportProblem(SCANNED, path=path)
            tables: list[_Table] = []
            pages = [_page_lines(page, i, tables) for i, page in enumerate(pdf.pages, 1)]
    except PdfminerException as exc:
        locked = exc.args and isinstance(exc.args[0], (PDFPasswordIncorrect, PDFEncryptionError))
        raise ImportProblem(ENCRYPTED if locked else NOT_PDF, path=path) from None
    _drop_furniture(pages, doc.normalised)
    doc.warnings = _table_warnings(tables, pages)
    lines = [ln for page in pages for ln in page]
    if lines:
        doc.paragraphs = finish(_paragraphs(lines, doc.normalised), doc.normalised)
    return doc
