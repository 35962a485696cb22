"""One exception hierarchy. Each error carries its data and formats itself; the CLI
catches the base class in one place and prints `format()`, never a traceback."""

from __future__ import annotations

import errno
from collections.abc import Iterable
from pathlib import Path

from lawgov_gen.diagnostics import Diagnostic


def internal_error(exc: BaseException) -> str:
    """The one line a bug gets (never input: bad input is a LawgovError)."""
    return f"内部错误：{type(exc).__name__}: {exc}（这是 lawgov-gen 的缺陷，请报告）"


class LawgovError(Exception):
    """Base of every error a user can cause: a Chinese message and where it happened."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        col: int | None = None,
    ) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.col = col
        super().__init__(message)

    def format(self) -> str:
        """`path:line:col: 错误 message`, with the parts that are known."""
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}:{self.col or 1}"
            where += ": "
        return f"{where}错误 {self.message}"

    def __str__(self) -> str:
        return self.format()


class DataError(LawgovError):
    """The data file is bad: carries every problem found, with positions."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))

    def format(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


class TemplateProblem(LawgovError):
    """A user or built-in template cannot be used."""


class FontProblem(LawgovError):
    """Fonts or the native libraries (Pango, HarfBuzz's subsetter) the PDF needs are missing."""


class OutputProblem(LawgovError):
    """An output file cannot be written."""


class InputProblem(LawgovError):
    """An input file (not a data file) cannot be read: a template, a document to import."""


# OS error numbers in the words a clerk understands; strerror is English.
_OS_WORDS: dict[int, str] = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹（是同名文件）",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.EACCES: "没有权限（请检查文件或文件夹的权限）",
    errno.EPERM: "操作不被允许（请检查权限）",
    errno.ENOSPC: "磁盘空间已满：请清理磁盘后重试",
    errno.EDQUOT: "超出磁盘配额：请清理后重试",
    errno.EROFS: "文件系统是只读的：请换一个可写的文件夹",
    errno.EEXIST: "文件已存在",
    errno.ENAMETOOLONG: "文件名或路径太长：请改短",
    errno.ELOOP: "符号链接循环",
    errno.EMFILE: "打开的文件太多",
    errno.EIO: "读写设备出错（磁盘或网络盘故障？）",
    errno.EXDEV: "不能跨文件系统移动文件",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
    errno.EPIPE: "输出管道已关闭",
    errno.EFBIG: "文件太大",
    errno.ENXIO: "设备不存在",
}


def os_words(exc: OSError) -> str:
    """An OSError in Chinese: what went wrong, never Python's English strerror."""
    if exc.errno in _OS_WORDS:
        return _OS_WORDS[exc.errno]
    name = errno.errorcode.get(exc.errno or 0)
    return f"系统错误 {name}" if name else "系统错误"


def os_problem(exc: OSError) -> LawgovError:
    """An OSError as a located Chinese error: the file it concerns, or the output stream."""
    if exc.filename is None:
        return OutputProblem(f"无法写出到标准输出：{os_words(exc)}")
    return InputProblem(os_words(exc), path=printable(str(exc.filename)))


def printable(text: str) -> str:
    """A file name as it can be printed: bytes that were not UTF-8 shown as �."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
