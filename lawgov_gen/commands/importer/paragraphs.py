"""The importer's first stage: any supported file becomes one clean paragraph stream.

Each reader turns its format into `SourceParagraph`s with raw text; `pipeline.finish`
normalises them the same way for every format. Readers are imported lazily so that
`lawgov-gen` does not load pdfplumber or lxml.html unless a file needs them.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lawgov_gen.errors import InputProblem

SUPPORTED = (".docx", ".doc", ".wps", ".pdf", ".html", ".htm", ".shtml", ".txt", ".md")
METADATA_KEYS = ("索引号", "发布机构", "文号", "成文日期", "标题")


@dataclass(frozen=True)
class SourceParagraph:
    """One paragraph as printed, normalised; `label` and `bold_lead` keep what the layout said.

    `label` is a number Word drew from numbering.xml (not part of `text`); a typed number
    such as "（一）" stays in `text`. `bold_lead` is the bold text the paragraph opens with
    (`text` starts with it; it equals `text` when the whole paragraph is bold).
    """

    text: str
    label: str | None = None
    bold_lead: str | None = None
    heading: int | None = None
    where: str = ""
    # every bold stretch, for the leads of 一是 points inside; layout detail, not compared
    bold_runs: tuple[str, ...] = field(default=(), compare=False)


def bold_lead(runs: Iterable[tuple[str, bool]]) -> str:
    """The bold text a paragraph's runs open with (leading white space before it ignored)."""
    lead = ""
    for piece, bold in runs:
        if not bold and not (piece.isspace() and not lead):
            break
        lead += piece if bold else ""
    return lead


def bold_runs(runs: Iterable[tuple[str, bool]]) -> tuple[str, ...]:
    """The bold stretches of a paragraph's runs, each as one string (adjacent runs merged)."""
    out: list[str] = []
    previous = False
    for piece, bold in runs:
        if bold and previous:
            out[-1] += piece
        elif bold:
            out.append(piece)
        previous = bold
    return tuple(" ".join(r.split()) for r in out if r.strip())


@dataclass
class SourceDocument:
    """Everything a reader found: paragraphs, disclosure metadata, warnings, change counts.

    `metadata` keys are those of METADATA_KEYS. `normalised` counts, under Chinese keys, what
    was changed: 半角标点改为全角, 删除汉字与数字间的空格, 删除数字与百分号间的空格, 删除汉字间的空格,
    删除标点旁的空格, 合并连续空格, 删除不可见字符, 删除行首缩进, 删除网页残留, 删除页码, 删除页眉页脚,
    删除 Markdown 标记, 合并断开的段落, 合并段内换行.
    """

    paragraphs: list[SourceParagraph] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    normalised: collections.Counter[str] = field(default_factory=collections.Counter)


class ImportProblem(InputProblem):
    """A file that cannot be imported; the message says why and what to do, in Chinese."""

    def __init__(self, message: str, *, path: Path | str, line: int | None = None) -> None:
        super().__init__(message, path=path, line=line)


class OldWordFormat(ImportProblem):
    """A Word 97–2003 file under a .docx name: it must go through LibreOffice."""


def table_warning(index: int, rows: int, cols: int, first_row: list[str]) -> str:
    """The warning for a table that is not imported: which one, its size, its first cells."""
    cells = [c for c in (" ".join(x.split()) for x in first_row) if c]
    head = "、".join(cells[:3]) + ("…" if len(cells) > 3 else "")
    first = f"，首行：{head}" if head else ""
    return f"第{index}个表格（{rows}行×{cols}列{first}）未导入：请手工把其中的数字写入 metrics"
