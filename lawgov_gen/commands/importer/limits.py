"""Bounds on the work one import may do, checked where the input is read — the file, the
.docx package and its XML, the web page's tree, the PDF's streams and pages — before any
reader starts; a time limit stops whatever the bounds did not foresee.

A real report is a few hundred paragraphs on a few dozen pages: every limit is far above
that and far below what makes reading slow or its memory large (a 200 KB .docx whose XML
inflates to 50 MB, a 13 KB PDF whose streams inflate to gigabytes). Each refusal names the
file, the part, page or line, the amount found and the limit, in Chinese; README's table
“导入的上限” lists the same numbers (tests/test_import_limits.py keeps them equal).
"""

from __future__ import annotations

import re
import signal
import sys
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from lawgov_gen.commands.importer.paragraphs import ImportProblem

MB = 1024 * 1024
ADVICE = "请确认这是要导入的报告；如确实是，请用 Word 原文件，或删去图片等附带内容、另存后再导入"


@dataclass(frozen=True)
class Limit:
    """One bound: what it counts (in the words of the README's table) and the most allowed."""

    key: str
    what: str
    most: int
    unit: str  # "MB" for sizes in bytes, else the counting word

    def amount(self, n: int) -> str:
        """`n` in this limit's unit: sizes in MB (one decimal below 10), counts as numbers."""
        if self.unit == "MB":
            return f"{round(n / MB, 1):g} MB"
        return f"{n:,} {self.unit}"

    def refuse(
        self, path: Path, where: str = "", *, found: int | None = None, line: int | None = None
    ) -> ImportProblem:
        """The located refusal: where, what was found (when known), and the limit."""
        amount = "" if found is None else f"为 {self.amount(found)}，"
        return ImportProblem(
            f"{where}{self.what}{amount}超过上限 {self.amount(self.most)}：{ADVICE}",
            path=path,
            line=line,
        )

    def check(self, n: int, path: Path, where: str = "", *, exact: bool = True) -> None:
        """Refuse when `n` is over the limit (naming `n` when it is the whole amount, not a
        count stopped on the way or an estimate)."""
        if n > self.most:
            raise self.refuse(path, where, found=n if exact else None)


FILE = Limit("file", "文件大小", 100 * MB, "MB")
PARTS = Limit("parts", "压缩包中的部分数", 2_000, "个")
PART = Limit("part", "解压后的大小", 32 * MB, "MB")
UNPACKED = Limit("unpacked", "解压后的总大小", 256 * MB, "MB")
ELEMENTS = Limit("elements", "元素（标签）数", 500_000, "个")
DEPTH = Limit("depth", "嵌套层数", 1_500, "层")
PARAGRAPHS = Limit("paragraphs", "段落数", 10_000, "段")
CHARACTERS = Limit("characters", "字数", 1_000_000, "字")
PAGES = Limit("pages", "页数", 300, "页")
OBJECTS = Limit("objects", "PDF 对象数", 200_000, "个")
CONTENT = Limit("content", "页面内容（解压后）", 8 * MB, "MB")
GLYPHS = Limit("glyphs", "页面中的文字编码", 400_000, "字节")
NESTED = Limit("nested", "图形对象（XObject）嵌套", 32, "层")
SECONDS = Limit("seconds", "读取时间", 60, "秒")

LIMITS = (
    FILE,
    PARTS,
    PART,
    UNPACKED,
    ELEMENTS,
    DEPTH,
    PARAGRAPHS,
    CHARACTERS,
    PAGES,
    OBJECTS,
    CONTENT,
    GLYPHS,
    NESTED,
    SECONDS,
)


def check_file(path: Path) -> None:
    """The file itself: its size."""
    FILE.check(path.stat().st_size, path)


# --- .docx (and a .doc/.wps that LibreOffice converted) -------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY_PART = "word/document.xml"


def check_package(path: Path) -> None:
    """A Word package before python-docx loads it (it reads every part into memory): the
    number of parts, each part's and the total size once inflated (the sizes the zip
    declares, which zipfile enforces while inflating), then the body's XML, streamed."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            PARTS.check(len(infos), path)
            total = 0
            for info in infos:
                PART.check(info.file_size, path, f"压缩包中的“{info.filename}”")
                total += info.file_size
            UNPACKED.check(total, path)
            if BODY_PART in zf.namelist():
                with zf.open(BODY_PART) as body:
                    _check_body(body, path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError):
        return  # not a readable zip: the reader says so in its own words


def _check_body(stream: object, path: Path) -> None:
    """Elements, nesting, paragraphs and characters of word/document.xml, counted while it
    streams by (nothing kept), with the parser python-docx uses (no huge trees)."""
    where = f"正文（{BODY_PART}）的"
    elements = depth = paragraphs = characters = 0
    try:
        for event, el in etree.iterparse(
            stream, events=("start", "end"), resolve_entities=False, no_network=True
        ):
            if event == "start":
                elements += 1
                depth += 1
                if depth > DEPTH.most:
                    raise DEPTH.refuse(path, where)
                continue
            depth -= 1
            if el.tag == f"{_W}p":
                paragraphs += 1
            elif el.tag == f"{_W}t":
                characters += len(el.text or "")
            if not len(el) or el.tag == f"{_W}p":
                el.clear(keep_tail=False)
            ELEMENTS.check(elements, path, where, exact=False)
            PARAGRAPHS.check(paragraphs, path, where, exact=False)
            CHARACTERS.check(characters, path, where, exact=False)
    except etree.XMLSyntaxError:
        return  # a broken body: python-docx's own parse fails and the reader says so


# --- web pages -------------------------------------------------------------------------------

_START_TAG = re.compile(rb"<\x00?[A-Za-z]")
_BLOCKS = frozenset("p div li dd dt h1 h2 h3 h4 h5 h6 tr td th br blockquote pre".split())


def check_html(path: Path) -> None:
    """A saved web page, parsed as the reader will parse it: elements, nesting (libxml2 keeps
    at most about 2,000 levels and silently drops the text below), paragraphs, characters."""
    import lxml.html

    data = path.read_bytes()
    # every element but the few the parser adds starts with "<" and a letter: a bound on
    # the tree (and its memory) before it is built
    ELEMENTS.check(len(_START_TAG.findall(data)), path, "网页的", exact=False)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        return  # the reader says the page cannot be parsed
    elements = blocks = characters = 0
    stack: list[tuple[etree._Element, int]] = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        if depth > DEPTH.most:
            raise DEPTH.refuse(path, "网页的标签", line=el.sourceline)
        elements += 1
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        blocks += tag in _BLOCKS
        characters += len(el.text or "") + len(el.tail or "")
        stack.extend((child, depth + 1) for child in el)
    ELEMENTS.check(elements, path, "网页的")
    PARAGRAPHS.check(blocks, path, "网页的")
    CHARACTERS.check(characters, path, "网页的")


def check_text(path: Path) -> None:
    """A .txt or .md file: its lines and characters (a byte is at most one character)."""
    data = path.read_bytes()
    PARAGRAPHS.check(data.count(b"\n") + 1, path, "文本按行计的")
    estimate = len(data) // 3 if _mostly_multibyte(data) else len(data)
    CHARACTERS.check(estimate, path, exact=False)


def _mostly_multibyte(data: bytes) -> bool:
    sample = data[:65536]
    return sum(b >= 0x80 for b in sample) > len(sample) // 2


# --- every reader ------------------------------------------------------------------------------


class _OutOfTime(BaseException):
    """Raised by the timer in the reading code: a BaseException, so that a library's
    `except Exception` cannot swallow it (the timer fires again until it gets out)."""


@contextmanager
def bounded(path: Path) -> Iterator[None]:
    """Reading under the time limit, with room for the readers' one-level-per-element
    recursion down to DEPTH levels."""
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 4 * DEPTH.most + 1_000))
    try:
        with _deadline(path, float(SECONDS.most)):
            yield
    finally:
        sys.setrecursionlimit(old_limit)


@contextmanager
def _deadline(path: Path, seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield  # a timer signal reaches only the main thread (and not on Windows)
        return
    armed = [True]

    def expire(signum: int, frame: object) -> None:
        if armed[0]:
            raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.2)
    timed_out = False
    try:
        yield
    except _OutOfTime:
        timed_out = True
    finally:
        while armed[0]:
            try:
                armed[0] = False
            except _OutOfTime:  # the timer fired just as the work ended: the work is done
                continue
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if timed_out:
        raise ImportProblem(
            f"读取超过 {seconds:g} 秒仍未完成：文件可能过大或结构异常；{ADVICE}",
            path=path,
        )
