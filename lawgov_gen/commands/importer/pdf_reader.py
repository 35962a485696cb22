"""PDF with a text layer, read by its layout rather than its content order.

Glyphs are grouped into lines by where they print (a numbering label Word drew in another
font, a few points off the line, still belongs to its heading); a paragraph starts where a
line is indented (about two characters), follows a line that ends well short of the right
margin, or opens with such a label; page numbers and headers or footers repeated on most
pages are removed before the lines are joined, so a paragraph flows across pages. Text
printed in 黑体 or 楷体 (or bold) counts as a heading or a run-in lead, as bold does.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lawgov_gen.commands.importer import residue
from lawgov_gen.commands.importer.normalise import join_pieces
from lawgov_gen.commands.importer.paragraphs import (
    SourceDocument,
    SourceParagraph,
    table_warning,
)
from lawgov_gen.commands.importer.pdf_glyphs import PdfPage, read_pages
from lawgov_gen.commands.importer.pdf_lines import Line as _Line
from lawgov_gen.commands.importer.pdf_lines import body_font, page_lines
from lawgov_gen.commands.importer.pipeline import JOINED, ends_sentence, finish

_INDENT = 1.5  # em: a first-line indent is two characters
_SHORT = 3.0  # em short of the right margin: more than a line-breaking push leaves


@dataclass
class _Table:
    page: int
    top: float
    bottom: float
    rows: list[list[str]]


def _tables(path: Path, pages: list[PdfPage]) -> list[_Table]:
    """Ruled tables, looked for (with pdfplumber) only on the pages that draw lines."""
    ruled = [p.number for p in pages if p.has_paths]
    if not ruled:
        return []
    import pdfplumber  # only for a page that draws lines: it takes a while to load

    found = []
    with pdfplumber.open(path) as pdf:
        for number in ruled:
            for table in pdf.pages[number - 1].find_tables():
                rows = [[c or "" for c in row] for row in table.extract()]
                if max((len(r) for r in rows), default=0) >= 2:
                    found.append(_Table(number, float(table.bbox[1]), float(table.bbox[3]), rows))
    return found


def _outside_tables(lines: list[_Line], tables: list[_Table]) -> list[_Line]:
    """The lines of a page that are not inside one of its tables."""
    mine = [t for t in tables if lines and t.page == lines[0].page]
    return [
        ln for ln in lines if not any(t.top <= (ln.top + ln.bottom) / 2 <= t.bottom for t in mine)
    ]


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
        if ln.label_apart or (ln.font != prev.font and not (ln.font and prev.font)):
            return True  # a drawn label, or a heading's font beginning or ending
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
        font = {ln.font for ln in group}
        heading = None
        if len(font) == 1 and "" not in font and not re.search(r"[。；！？].", text):
            heading = 1 if font == {"hei"} else 2  # 一、 in 黑体, （一） in 楷体
        out.append(
            SourceParagraph(
                text=text, bold_lead=lead or None, heading=heading, where=f"第{group[0].page}页"
            )
        )
    return out


def read_pdf(path: Path) -> SourceDocument:
    """Read a PDF's text layer into paragraphs; tables are reported in warnings."""
    doc = SourceDocument()
    glyph_pages = read_pages(path)
    tables = _tables(path, glyph_pages)
    font = body_font(glyph_pages)
    pages = [_outside_tables(page_lines(page, font), tables) for page in glyph_pages]
    _drop_furniture(pages, doc.normalised)
    doc.warnings = _table_warnings(tables, pages)
    lines = [ln for page in pages for ln in page]
    if lines:
        doc.paragraphs = finish(_paragraphs(lines, doc.normalised), doc.normalised)
    return doc
