"""Text shaping shared by the outputs: paragraphs, widths and title line breaks."""

from __future__ import annotations

import re
import unicodedata

_ENDS = "。！？；：，…"
_BREAK_AFTER = ("关于", "年", "年度", "政府", "的", "和", "与", "及", "》", "）", "、")
# Words a title line must not split (the break-after list would otherwise allow it).
_WORDS = ("年度", "政府", "法治", "建设", "报告", "情况", "工作", "人民")


def paragraphs(text: str | None) -> list[str]:
    """Split text into paragraphs at blank lines; join wrapped lines without spaces."""
    if not text:
        return []
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
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


def char_width(ch: str) -> float:
    """Width in em of one character: full-width 1, half-width 0.5."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 0.5


def text_width(text: str) -> float:
    """Width in em of a line of text."""
    return sum(char_width(c) for c in text)


def title_lines(title: str, max_em: float = 20.0) -> list[str]:
    """Break a long title into lines shaped like a trapezoid, never inside a word.

    Breaks only after natural boundaries (关于, 年, 的, 》…) and never inside a run
    of digits; prefers balanced lines with the upper line not longer than the lower.
    """
    if text_width(title) <= max_em:
        return [title]
    best: tuple[float, list[str]] | None = None
    for cut in range(1, len(title)):
        head, tail = title[:cut], title[cut:]
        if head[-1].isdigit() and tail[0].isdigit():
            continue
        if not head.endswith(_BREAK_AFTER) or any(
            head.endswith(w[0]) and tail.startswith(w[1:]) for w in _WORDS
        ):
            continue
        if text_width(head) > max_em:
            continue
        rest = title_lines(tail, max_em)
        lines = [head, *rest]
        widths = [text_width(x) for x in lines]
        score = (max(widths) - min(widths)) + 10 * len(lines) + (3 if widths[0] > widths[1] else 0)
        if best is None or score < best[0]:
            best = (score, lines)
    if best is None:
        half = len(title) // 2
        return [title[:half], *title_lines(title[half:], max_em)]
    return best[1]
