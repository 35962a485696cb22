"""How the roll-up fits on paper: the type size, the orientation, each column's width, and
when even that is too wide, the columns split into several tables that each repeat 单位.

GB/T 9704-2012 lets tables in attachments use smaller type than the body's 3号: a table tries
4号 on a portrait page, then 4号, 小四 and 五号 on a landscape page, and splits only at 五号.
A figure is never broken inside: its column is at least as wide as its widest number; a heading
wraps on up to three lines, its unit kept whole."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from lawgov_gen.content.layout import char_width

PORTRAIT_MM, LANDSCAPE_MM = 156.0, 225.0
# name, points, exact line height in twips
SIZES = (("4号", 14.0, 400), ("小四", 12.0, 340), ("五号", 10.5, 300))
CELL_MARGIN_TWIPS = 28  # left and right, each (0.5 mm); top and bottom the half

SLACK_EM = 0.25  # rendering differences between fonts
# a half-width digit is 0.5 em in Times New Roman but 0.64 em in the fonts that stand in for it
# (DejaVu Serif where LibreOffice has no Times): widths count the wider
HALF_EM = {**dict.fromkeys("0123456789", 0.64), **dict.fromkeys(".,:;-/ ", 0.34)}
OTHER_HALF_EM = 0.7
AUTOSPACE_EM = 0.25
HEADING_LINES = 3
NAME_MAX_EM, STATUS_EM = 8.0, 6.0
STATUS = 2  # the status column: text that wraps


@dataclass(frozen=True)
class Layout:
    """The page and type chosen for the table, and its columns in one or more parts."""

    size: str
    points: float
    line_twips: int
    landscape: bool
    parts: list[list[int]]  # column indexes of each table; each repeats column 0 (单位)
    twips: list[int]  # every column's width


def text_width(text: str) -> float:
    """A line's width in em: half-width characters as the widest stand-in font's, and the
    quarter em Word and LibreOffice put between Chinese and digits or Latin letters."""
    wide = [char_width(c) == 1.0 for c in text]
    turns = sum(1 for a, b in pairwise(wide) if a != b)
    return AUTOSPACE_EM * turns + sum(
        1.0 if w else HALF_EM.get(c, OTHER_HALF_EM) for c, w in zip(text, wide, strict=True)
    )


def _heading_em(heading: str) -> float:
    """The narrowest a heading may be: its label on up to three lines, its （unit） whole."""
    label, paren, unit = heading.rpartition("（")
    if not paren:
        label, unit = heading, ""
    unit_em = text_width(paren + unit)
    return max(math.ceil(text_width(label) / HEADING_LINES), unit_em, 2.0)


def column_ems(rows: list[list[str]]) -> list[float]:
    """Each column's width in em of the table's type, before padding."""
    ems = []
    for i, heading in enumerate(rows[0]):
        body = max((text_width(r[i]) for r in rows[1:]), default=0.0)
        if i == 0:
            body = min(max(body, 4.0), NAME_MAX_EM)  # 单位: four to eight characters a line
        elif i == STATUS:
            body = STATUS_EM if body > STATUS_EM else max(body, 2.0)
        ems.append(max(body, _heading_em(heading)))
    return ems


def _twips(ems: list[float], points: float) -> list[int]:
    return [math.ceil((em + SLACK_EM) * points * 20) + 2 * CELL_MARGIN_TWIPS for em in ems]


def _mm_twips(mm: float) -> int:
    return int(mm * 1440 / 25.4)


def _split(twips: list[int], available: int) -> list[list[int]]:
    """Columns in order, as many to a table as fit beside 单位."""
    parts: list[list[int]] = [[0]]
    for i in range(1, len(twips)):
        if len(parts[-1]) > 1 and sum(twips[j] for j in parts[-1]) + twips[i] > available:
            parts.append([0])
        parts[-1].append(i)
    return parts


def choose_layout(rows: list[list[str]]) -> Layout:
    """The first of 4号 portrait, 4号/小四/五号 landscape the table fits; else 五号 landscape
    in several tables."""
    ems = column_ems(rows)
    options = [(SIZES[0], False)] + [(size, True) for size in SIZES]
    for (name, points, line), landscape in options:
        twips = _twips(ems, points)
        available = _mm_twips(LANDSCAPE_MM if landscape else PORTRAIT_MM)
        if sum(twips) <= available:
            return Layout(name, points, line, landscape, [list(range(len(twips)))], twips)
    name, points, line = SIZES[-1]
    twips = _twips(ems, points)
    return Layout(name, points, line, True, _split(twips, _mm_twips(LANDSCAPE_MM)), twips)
