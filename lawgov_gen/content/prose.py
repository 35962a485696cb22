"""Prose as printed: paragraphs from a text, closing punctuation, dates in words."""

from __future__ import annotations

import datetime as dt
import re

_ENDS = "。！？；：，…"
# Only the spaces a clerk types are trimmed at line ends; every other character is kept.
_SPACE = " \t\u3000"


def trimmed(text: str) -> str:
    """A one-line text (a title, a lead) without the spaces a clerk types around it."""
    return text.strip(_SPACE + "\n")


def paragraphs(text: str | None) -> list[str]:
    """Split text into paragraphs at blank lines; join wrapped lines without spaces."""
    if not text:
        return []
    out = []
    for block in re.split(r"\n[ \t\u3000]*\n", text.strip(_SPACE + "\n")):
        lines = [ln.strip(_SPACE) for ln in block.split("\n") if ln.strip(_SPACE)]
        joined = ""
        for ln in lines:
            if (
                joined
                and joined[-1].isascii()
                and joined[-1].isalnum()
                and ln[0].isascii()
                and ln[0].isalnum()
            ):
                joined += " "
            joined += ln
        if joined:
            out.append(joined.replace("\t", " "))
    return out


def ensure_period(text: str) -> str:
    """Close a sentence with 。 unless it already ends in punctuation."""
    text = text.rstrip()
    return text if not text or text[-1] in _ENDS else text + "。"


def chinese_date(date: dt.date) -> str:
    """成文日期 in Arabic numerals, no zero padding: 2025年2月6日."""
    return f"{date.year}年{date.month}月{date.day}日"
