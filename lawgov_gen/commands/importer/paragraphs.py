"""The importer's first stage: any supported file becomes one clean paragraph stream.

Each reader turns its format into `SourceParagraph`s with raw text; `pipeline.finish`
normalises them the same way for every format. Readers are imported lazily so that
`lawgov-gen` does not load pdfplumber or lxml.html unless a file needs them.
"""

from __future__ import annotations

import collections
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lawgov_gen.errors import LawgovError

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


@dataclass
class SourceDocument:
    """Everything a reader found: paragraphs, disclosure metadata, warnings, change counts.

    `metadata` keys are those of METADATA_KEYS. `normalised` counts, under Chinese keys, what
    was changed: 半角标点改为全角, 删除汉字与数字间的空格, 删除汉字间的空格, 删除标点旁的空格,
    合并连续空格, 删除不可见字符, 删除行首缩进, 删除网页残留, 删除页码, 删除页眉页脚,
    删除 Markdown 标记, 合并断开的段落, 合并段内换行.
    """

    paragraphs: list[SourceParagraph] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    normalised: collections.Counter[str] = field(default_factory=collections.Counter)


class ImportProblem(LawgovError):
    """A file that cannot be imported; the message says why and what to do, in Chinese."""

    def __init__(self, message: str, *, path: Path | str) -> None:
        self.path = str(path)
        self.message = message
        super().__init__(f"{path}: 错误 {message}")


def table_warning(index: int, rows: int, cols: int, first_row: list[str]) -> str:
    """The warning for a table that is not imported: which one, its size, its first cells."""
    cells = [c for c in (" ".join(x.split()) for x in first_row) if c]
    head = "、".join(cells[:3]) + ("…" if len(cells) > 3 else "")
    first = f"，首行：{head}" if head else ""
    return f"第{index}个表格（{rows}行×{cols}列{first}）未导入：请手工把其中的数字写入 metrics"


def _reader(suffix: str) -> Callable[[Path], SourceDocument]:
    # Imported here, not at module top: each reader pulls in its own heavy library.
    if suffix == ".docx":
        from lawgov_gen.commands.importer.docx_reader import read_docx

        return read_docx
    if suffix in (".doc", ".wps"):
        from lawgov_gen.commands.importer.legacy import read_legacy

        return read_legacy
    if suffix == ".pdf":
        from lawgov_gen.commands.importer.pdf_reader import read_pdf

        return read_pdf
    if suffix in (".html", ".htm", ".shtml"):
        from lawgov_gen.commands.importer.html_reader import read_html

        return read_html
    from lawgov_gen.commands.importer.text_reader import read_text

    return read_text


def read_document(path: Path) -> SourceDocument:
    """Read last year's report from `path` into paragraphs, choosing the reader by extension.

    Raises ImportProblem (message in Chinese) for a missing file, a folder, an unsupported
    extension, an empty, corrupt or encrypted file, or a file without any text.
    """
    path = Path(path)
    if path.is_dir():
        raise ImportProblem("这是一个文件夹：请指定要导入的报告文件", path=path)
    if not path.exists():
        raise ImportProblem("文件不存在", path=path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        kind = f"“{path.suffix}”" if path.suffix else "（没有扩展名）"
        raise ImportProblem(
            f"不支持的文件类型{kind}：支持 {'、'.join(SUPPORTED)}",
            path=path,
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportProblem(f"无法读取文件：{exc.strerror}", path=path) from None
    if size == 0:
        raise ImportProblem("文件是空的", path=path)
    try:
        doc = _reader(suffix)(path)
    except PermissionError as exc:
        raise ImportProblem(f"无法读取文件：{exc.strerror}", path=path) from None
    if not doc.paragraphs:
        raise ImportProblem("文件中没有可导入的文字", path=path)
    return doc
