"""Measuring rendered pages: rows of glyphs, grid lines used, characters per line."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pdfplumber

MM = 72 / 25.4
BLOCK_LEFT, BLOCK_TOP, BLOCK_RIGHT, BLOCK_BOTTOM = 28.0, 37.0, 184.0, 262.0
PITCH_MM = 225 / 22
CLOSERS = "，。、；：？！）》」』”’…—"
OPENERS = "（《「『“‘〔〈"
SHORT_PAGE_OK = re.compile(
    r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^\d+\.|^附件："
)

# an attachment starts a new page: the page before it may be short
ATTACHMENT_PAGE = re.compile(r"^附件\d*$")

Line = list[dict[str, Any]]


def lines_of(page: Any) -> list[Line]:
    """Glyphs grouped into rows by their rounded top, each row left to right."""
    rows: dict[int, Line] = defaultdict(list)
    for c in page.chars:
        if c["text"].strip():
            rows[round(c["top"])].append(c)
    return [sorted(rows[k], key=lambda c: c["x0"]) for k in sorted(rows)]


def text(line: Line) -> str:
    return "".join(c["text"] for c in line)


def read_pages(pdf_path: Path) -> list[dict[str, list[Line]]]:
    """Per page: the body rows (inside the text block) and the footer rows."""
    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            rows = lines_of(page)
            pages.append(
                {
                    "body": [r for r in rows if r[0]["top"] / MM < BLOCK_BOTTOM],
                    "foot": [r for r in rows if r[0]["top"] / MM >= BLOCK_BOTTOM],
                }
            )
    return pages


def grid_lines_used(body: list[Line]) -> int:
    """How many 28.99 pt grid lines a page fills, blank lines included."""
    first = BLOCK_TOP + 2.2  # the top of a 3号 glyph on the first line
    last: float = max(r[0]["top"] / MM for r in body if abs(r[0]["size"] - 16) < 0.5)
    return round((last - first) / PITCH_MM) + 1


def assert_full_pages(
    pages: list[dict[str, list[Line]]], signature: str = "示例县青禾镇人民政府"
) -> None:
    """22 lines on every page but the last; 21 only before a heading.

    The page before the signature's page may end short: the last body lines are kept with
    the signature so that no page holds the signature alone.
    """
    for n, page in enumerate(pages[:-1], start=1):
        nxt = text(pages[n]["body"][0])
        if any(text(r) == signature for r in pages[n]["body"]) or ATTACHMENT_PAGE.match(nxt):
            break  # the ending page, then the table pages (their own grid)
        used = grid_lines_used(page["body"])
        assert used == 22 or (used == 21 and SHORT_PAGE_OK.match(nxt)), (
            f"page {n}: {used} lines, next {nxt[:10]}"
        )


def is_full(line: Line, lines: list[Line], i: int) -> bool:
    """A line that starts at the left edge and is followed by more of the same paragraph."""
    if line[0]["x0"] / MM > BLOCK_LEFT + 0.5 or i + 1 >= len(lines):
        return False
    return bool(lines[i + 1][0]["x0"] / MM < BLOCK_LEFT + 0.5)


def kinsoku_short(next_line: Line) -> bool:
    """A line may hold 27 characters when a mark would otherwise start or end a line wrongly."""
    if not next_line:
        return False
    first = next_line[0]["text"]
    second = next_line[1]["text"] if len(next_line) > 1 else ""
    return first in CLOSERS or first in OPENERS or second in CLOSERS or second in OPENERS


def assert_signature_not_alone(
    pages: list[dict[str, list[Line]]], signature: str = "示例县青禾镇人民政府"
) -> None:
    """The signature's page also holds body text (GB/T 9704: no page of only 落款)."""
    page = next(p for p in pages if any(text(r) == signature for r in p["body"]))
    rows = [text(r) for r in page["body"]]
    before = rows[: rows.index(signature)]
    assert any(not r.startswith("附件") for r in before), rows


def body_text(path: Path) -> str:
    """The characters inside the text block of every page, whitespace removed."""
    with pdfplumber.open(path) as pdf:
        text = "".join(
            "".join(
                c["text"] for ln in lines_of(page) if ln[0]["top"] / MM < BLOCK_BOTTOM for c in ln
            )
            for page in pdf.pages
        )
    return re.sub(r"\s+", "", text)
