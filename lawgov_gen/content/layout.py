"""Layout arithmetic shared by the outputs: text widths, title line breaks, and the
ending (附件说明, signature and date in the unsealed layout)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_BREAK_AFTER = ("关于", "年", "年度", "政府", "的", "和", "与", "及", "》", "）", "、")
# Words a title line must not split (the break-after list would otherwise allow it).
_WORDS = ("年度", "政府", "法治", "建设", "报告", "情况", "工作", "人民")

# Full-width character advance: 16 pt glyphs with the grid's negative letter spacing.
WORD_CHAR_PT = 15.75
PDF_CHAR_PT = 15.79


@dataclass(frozen=True)
class Indent:
    """A right indent in characters, with its value for each output."""

    em: float

    @property
    def twips(self) -> int:
        return round(self.em * WORD_CHAR_PT * 20)

    @property
    def css(self) -> str:
        return f"{self.em * PDF_CHAR_PT:.2f}pt"


@dataclass(frozen=True)
class Attachment:
    """One line of 附件说明; `first` is the line that starts with 附件：."""

    text: str
    first: bool


def signature_indents(signature: str, date: str) -> tuple[Indent, Indent]:
    """Right indents of the unsealed signature and date (GB/T 9704-2012 7.3.5.2)."""
    sig_w, date_w = text_width(signature), text_width(date)
    sig_right = 2.0
    date_right = sig_right + sig_w - 2 - date_w
    if date_right < 2:
        date_right = 2.0
        sig_right = date_right + date_w + 2 - sig_w
    return Indent(sig_right), Indent(date_right)


def attachment_lines(names: list[str]) -> list[Attachment]:
    """附件说明: 附件：名称, or 附件：1.名称 with the next names aligned under the first."""
    if not names:
        return []
    if len(names) == 1:
        return [Attachment(f"附件：{names[0]}", True)]
    return [
        Attachment(("附件：" if i == 0 else "") + f"{i + 1}.{name}", i == 0)
        for i, name in enumerate(names)
    ]


def char_width(ch: str) -> float:
    """Width in em of one character: full-width 1, half-width 0.5."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 0.5


def text_width(text: str) -> float:
    """Width in em of a line of text."""
    return sum(char_width(c) for c in text)


def pad(text: str, em: float) -> str:
    """Pad to a width in em for a terminal (a CJK character is 1 em, two spaces), at least one space."""
    return text + " " * max(1, round((em - text_width(text)) * 2))


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
