"""Rendering and reading PDFs for the typesetting tests (issue 20): our lines and
WeasyPrint's own, rows of glyphs mapped to the paragraphs they print."""

from __future__ import annotations

import contextlib
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber

from lawgov_gen.content.context import Block, ReportContext, build_context
from lawgov_gen.data.loader import load
from lawgov_gen.render.pdf import render_pdf
from lawgov_gen.render.templates import resolve_templates
from tests.layout import BLOCK_BOTTOM, MM, Line, lines_of, text

# kinsoku as the issue states it: never first on a line / never last
NOT_FIRST = "，。、；：？！）》”"
NOT_LAST = "（《“"
PITCH = 16 - 0.208  # a full-width glyph and the letter-spacing the PDF shows (pt)


@dataclass(frozen=True)
class Row:
    """One printed line: its page (1-based) and glyphs, left to right."""

    page: int
    chars: Line

    @property
    def text(self) -> str:
        return text(self.chars)


def render(source: Path, out: Path, *, shipped: bool = False) -> tuple[Path, ReportContext]:
    """The report's PDF, with our line rules or (shipped) WeasyPrint's own."""
    from lawgov_gen.render.cjk_lines import shipped_weasyprint

    ctx = build_context(load(source))
    templates = resolve_templates(None, docx=False, pdf=True)
    with shipped_weasyprint() if shipped else contextlib.nullcontext():
        out.write_bytes(render_pdf(ctx, templates))
    return out, ctx


def rows(pdf_path: Path) -> list[Row]:
    """Every line inside the text block, page by page (page numbers left out)."""
    found = []
    with pdfplumber.open(pdf_path) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            found += [Row(n, r) for r in lines_of(page) if r[0]["top"] / MM < BLOCK_BOTTOM]
    return found


def page_texts(pdf_path: Path, *, block_only: bool = False) -> list[str]:
    """pdfplumber's extracted text of each page (of its text block only: no page number)."""
    with pdfplumber.open(pdf_path) as pdf:
        return [
            (
                page.crop((0, 0, page.width, BLOCK_BOTTOM * MM)) if block_only else page
            ).extract_text()
            for page in pdf.pages
        ]


def squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value)


def paragraphs(printed: list[Row], blocks: list[Block]) -> list[tuple[Block, list[Row]]]:
    """Each body block and heading with the rows that print it, in order."""
    found = []
    i = 0
    for block in blocks:
        target = squeeze(block.text)
        while not target.startswith(printed[i].text):
            i += 1  # the title, the addressee, …
        group: list[Row] = []
        printed_so_far = ""
        while printed_so_far != target:
            printed_so_far += printed[i].text
            group.append(printed[i])
            assert target.startswith(printed_so_far), (target, printed_so_far)
            i += 1
        found.append((block, group))
    return found


def gaps(chars: Line) -> list[float]:
    """The space between each glyph's box and the next one's (pt)."""
    return [b["x0"] - a["x1"] for a, b in itertools.pairwise(chars)]


def is_full_width(char: dict[str, Any]) -> bool:
    return bool(abs(char["x1"] - char["x0"] - 16) < 0.01)
