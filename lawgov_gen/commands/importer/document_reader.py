"""`read_document`: last year's report, whatever its format, as one paragraph stream; the
reader is chosen by the file's extension (and by its content for old Word files)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

from lawgov_gen.commands.importer import limits
from lawgov_gen.commands.importer.paragraphs import (
    SUPPORTED,
    ImportProblem,
    OldWordFormat,
    SourceDocument,
)


def _reader(suffix: str) -> Callable[[Path], SourceDocument]:
    # Imported here, not at module top: each reader pulls in its own heavy library.
    if suffix == ".docx":
        return _read_docx
    if suffix in (".doc", ".wps"):
        return _read_legacy
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
        with limits.bounded(path), _library_errors(path, suffix), _streams(path, suffix):
            _precheck(path, suffix)
            doc = _reader(suffix)(path)
    except PermissionError as exc:
        raise ImportProblem(f"无法读取文件：{exc.strerror}", path=path) from None
    if not doc.paragraphs:
        raise ImportProblem("文件中没有可导入的文字", path=path)
    return doc


# The message for a file a library fails on while reading it: the file is malformed.
_UNREADABLE = {
    ".pdf": "PDF 文件的结构有误，无法读取（文件可能已损坏）：请用 Word 原文件，或重新导出 PDF 后再导入",
    ".docx": "Word 文件的结构有误，无法读取（文件可能已损坏）：请在 Word 或 WPS 中打开，另存为 .docx 后再导入",
    ".html": "网页文件的结构有误，无法读取：请在浏览器中打开原网页，重新“另存为”网页后再导入",
}
_LIBRARIES = ("pdfminer", "pdfplumber", "docx", "lxml", "pypdfium2")


def _precheck(path: Path, suffix: str) -> None:
    """The limits of limits.py for this kind of file, before its reader starts."""
    limits.check_file(path)
    if suffix == ".pdf":
        from lawgov_gen.commands.importer.pdf_limits import check_pdf

        check_pdf(path)
    elif suffix in (".html", ".htm", ".shtml"):
        limits.check_html(path)
    elif suffix in (".txt", ".md"):
        limits.check_text(path)


def _streams(path: Path, suffix: str) -> AbstractContextManager[None]:
    if suffix != ".pdf":
        return nullcontext()
    from lawgov_gen.commands.importer.pdf_limits import bounded_streams

    return bounded_streams(path)


@contextmanager
def _library_errors(path: Path, suffix: str) -> Iterator[None]:
    """An exception raised inside pdfminer, python-docx and the like while they read the
    file says the file is malformed: a located message, never the internal-error line."""
    try:
        yield
    except (ImportProblem, PermissionError):
        raise
    except Exception as exc:
        tb = exc.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        module = "" if tb is None else str(tb.tb_frame.f_globals.get("__name__", ""))
        if module.split(".")[0] not in _LIBRARIES:
            raise
        kind = {".doc": ".docx", ".wps": ".docx", ".htm": ".html", ".shtml": ".html"}
        message = _UNREADABLE.get(kind.get(suffix, suffix), _UNREADABLE[".docx"])
        raise ImportProblem(message, path=path) from None


def _read_docx(path: Path) -> SourceDocument:
    from lawgov_gen.commands.importer.docx_reader import read_docx

    limits.check_package(path)
    try:
        return read_docx(path)
    except OldWordFormat:
        return _read_legacy(path)


def _read_legacy(path: Path) -> SourceDocument:
    """A .doc or .wps file through a LibreOffice conversion to .docx."""
    from lawgov_gen.commands.importer.docx_reader import read_docx
    from lawgov_gen.commands.importer.legacy import converted_docx

    if zipfile.is_zipfile(path):
        limits.check_package(path)
        return read_docx(path)  # a .docx under an old name: no conversion needed
    with converted_docx(path) as converted:
        try:
            limits.check_package(converted)
            return read_docx(converted)
        except ImportProblem as exc:
            raise ImportProblem(exc.message, path=path) from None
