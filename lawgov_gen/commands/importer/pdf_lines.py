"""A PDF page's glyphs as printed lines, by where they print.

Glyphs join a line by vertical overlap, not by equal position: Word draws an automatic
numbering label ("一、", "（一）") in the paragraph mark's font, often smaller and a few
points off the text's baseline, and such a label still belongs to its heading. Emphasis is
read from the face: bold, or 黑体/楷体 where the body is set in another font.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from lawgov_gen.commands.importer.normalise import is_cjk, is_han
from lawgov_gen.commands.importer.pdf_glyphs import Glyph, PdfPage

# 黑体 and 楷体 (and their sans relatives): the fonts of 一、 and （一） headings (GB/T 9704)
_HEI = re.compile(r"hei|sans|gothic|yahei|dengxian|黑|等线", re.I)
_KAI = re.compile(r"kai|楷", re.I)
_LABEL = re.compile(
    r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．]|[（(]\d{1,3}[）)]|\d{1,3}[、.．])"
)


@dataclass(eq=False)
class Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: str  # the emphasised (bold, 黑体 or 楷体) text the line starts with, after its label
    label_apart: bool = False  # a numbering label Word drew apart: another font, size or line
    font: str = ""  # "hei", "kai" when every Chinese character of the line is in such a font


def _emphasis(glyph: Glyph, body_font: str) -> bool | None:
    """Is the glyph printed for emphasis? None for a Latin one in a plain face (neutral)."""
    if glyph.bold:
        return True
    if not is_han(glyph.text) and not is_cjk(glyph.text):
        return None
    return glyph.font != body_font and bool(_HEI.search(glyph.font) or _KAI.search(glyph.font))


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into printed lines by vertical overlap, not by exact position: a
    label in a smaller font or a few points off its line still belongs to that line."""
    rows: list[list[Glyph]] = []
    spans: list[tuple[float, float]] = []
    for g in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        if rows:
            top, bottom = spans[-1]
            height = min(bottom - top, g.bottom - g.top)
            if min(bottom, g.bottom) - max(top, g.top) >= 0.5 * height:
                rows[-1].append(g)
                spans[-1] = (min(top, g.top), max(bottom, g.bottom))
                continue
        rows.append([g])
        spans.append((g.top, g.bottom))
    return [sorted(row, key=lambda g: g.x0) for row in rows]


def _row_text(row: list[Glyph]) -> str:
    """The line's text: a space between Latin words, and where a wide gap (a tab) was."""
    out = ""
    prev: Glyph | None = None
    for g in row:
        if prev is not None:
            gap = g.x0 - prev.x1
            latin = (prev.text + g.text).isascii() and (prev.text + g.text).isalnum()
            if (latin and gap > 0.15 * g.size) or gap > g.size:
                out += " "
        out += g.text
        prev = g
    return out


def _label_apart(row: list[Glyph], text: str) -> int:
    """How many glyphs a numbering label drawn apart from its text takes (0: none)."""
    m = _LABEL.match(text.replace(" ", ""))
    if m is None:
        return 0
    n = len(m.group(0))
    glyphs = [g for g in row if not g.text.isspace()]
    if len(glyphs) <= n:
        return 0
    label, first = glyphs[n - 1], glyphs[n]
    middle = (first.top + first.bottom) / 2 - (label.top + label.bottom) / 2
    apart = (
        abs(label.size - first.size) > 0.5
        or (label.font != first.font and is_han(first.text))
        or abs(middle) > 1.0
        or first.x0 - label.x1 > 0.5 * first.size
    )
    return n if apart else 0


def _line(row: list[Glyph], number: int, body_font: str) -> Line:
    text = _row_text(row)
    glyphs = [g for g in row if not g.text.isspace()]
    skip = _label_apart(row, text)
    rest = glyphs[skip:] or glyphs
    lead = 0
    for n, g in enumerate(rest, 1):
        emph = _emphasis(g, body_font)
        if emph is False:
            break
        if emph:
            lead = n  # neutral Latin glyphs count only when emphasis follows them
    han = [g for g in rest if is_han(g.text)]
    font = ""
    if han and all(_emphasis(g, body_font) for g in han) and not any(g.bold for g in han):
        font = "kai" if all(_KAI.search(g.font) for g in han) else "hei"
    label_text = "".join(g.text for g in glyphs[:skip])
    return Line(
        page=number,
        text=text,
        x0=row[0].x0,
        x1=row[-1].x1,
        top=min(g.top for g in row),
        bottom=max(g.bottom for g in row),
        size=statistics.median(g.size for g in rest),
        bold=(label_text if lead else "") + "".join(g.text for g in rest[:lead]),
        label_apart=skip > 0,
        font=font,
    )


def body_font(pages: list[PdfPage]) -> str:
    fonts = Counter(g.font for p in pages for g in p.glyphs if is_han(g.text))
    return fonts.most_common(1)[0][0] if fonts else ""


def _unbulleted(row: list[Glyph]) -> list[Glyph]:
    """The row without a list bullet Word drew from a symbol font (a private-use code such as
    U+F0B7, which no text has) or as •, before the text it marks."""
    while row and ("\uf000" <= row[0].text <= "\uf0ff" or row[0].text in "•●▪■◆"):
        if len(row) > 1 and row[1].x0 - row[0].x1 < 0.3 * row[1].size:
            break  # ● set close to its word is text (●号), not a bullet
        row = row[1:]
    return row


def page_lines(page: PdfPage, font: str) -> list[Line]:
    """The printed lines of a page, top to bottom; `font` is the body text's font."""
    rows = (_unbulleted(row) for row in _rows(page.glyphs))
    return [_line(row, page.number, font) for row in rows if "".join(g.text for g in row).strip()]
