"""The ending of the document: 附件说明, signature and date in the unsealed layout."""

from __future__ import annotations

from dataclasses import dataclass

from lawgov_gen.content.prose import text_width
from lawgov_gen.data.model import ReportData

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


def chinese_date(data: ReportData) -> str:
    """成文日期 in Arabic numerals, no zero padding: 2025年2月6日."""
    d = data.report.date
    return f"{d.year}年{d.month}月{d.day}日"


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
