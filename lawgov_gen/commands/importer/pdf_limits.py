"""A PDF's size before pdfplumber lays it out: pages, objects, each page's box and turn, the
content its pages draw (Form XObjects counted each time they are drawn), and every stream
inflated under a bound.

pdfminer inflates a stream whole (`zlib.decompress`), and a damaged one a byte at a time
into a growing bytes object (quadratic): 13 KB of PDF could ask for gigabytes and minutes.
While `bounded_streams()` is active, the inflating filters pdfminer.pdftypes calls
(FlateDecode, LZWDecode, RunLengthDecode, CCITTFaxDecode) stop at the per-stream limit and
count towards the document's total; this is the one place the importer changes pdfminer.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Any

from pdfminer import pdftypes
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import PSException, PSLiteral

from lawgov_gen.commands.importer import limits
from lawgov_gen.commands.importer.paragraphs import ImportProblem

ENCRYPTED = "PDF 文件设置了打开密码：请用 Word 原文件，或先去掉 PDF 的密码再导入"
NOT_PDF = "不是有效的 PDF 文件（可能已损坏，或只是改了扩展名）"
BAD_BOX = (
    "PDF 第{page}页的页面大小（{key}）无效：文件已损坏，请用 Word 原文件，或重新导出 PDF 后再导入"
)
BAD_ROTATE = "PDF 第{page}页的旋转角度（/Rotate）不是数字：文件已损坏，请用 Word 原文件，或重新导出 PDF 后再导入"

_INHERITED = ("Resources", "MediaBox", "CropBox", "Rotate")
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?![^\s/\[\]()<>{}%])")
# a literal string (one level of nested parentheses) or a hex string: the text a page shows
_STRING = re.compile(rb"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)|<[0-9A-Fa-f\s]*>")


class _StreamTooLarge(Exception):
    """A stream inflated past the per-stream limit, or the document past its total."""

    def __init__(self, limit: limits.Limit) -> None:
        self.limit = limit


class _Budget:
    """Bytes inflated so far in this document."""

    def __init__(self) -> None:
        self.total = 0

    def take(self, n: int) -> None:
        if n > limits.PART.most:
            raise _StreamTooLarge(limits.PART)
        self.total += n
        if self.total > limits.UNPACKED.most:
            raise _StreamTooLarge(limits.UNPACKED)


_budget: _Budget | None = None


def _inflate(data: bytes, *, tolerate_tail: bool) -> bytes:
    """zlib-inflate at most PART bytes. `tolerate_tail`: as pdfminer's decompress_corrupted,
    an error within the last bytes (the checksum) keeps what was inflated before it."""
    most = limits.PART.most
    d = zlib.decompressobj()
    body, tail = (data[:-4], data[-4:]) if tolerate_tail else (data, b"")
    out = d.decompress(body, most + 1)
    if len(out) > most or d.unconsumed_tail:
        raise _StreamTooLarge(limits.PART)
    chunks = [out]
    try:
        for i in range(len(tail)):
            piece = d.decompress(tail[i : i + 1], most + 1 - sum(map(len, chunks)))
            chunks.append(piece)
    except zlib.error:
        pass
    result = b"".join(chunks)
    if len(result) > most:
        raise _StreamTooLarge(limits.PART)
    if not tolerate_tail and not d.eof:
        raise zlib.error("incomplete or truncated stream")
    _count(len(result))
    return result


def _count(n: int) -> None:
    if _budget is not None:
        _budget.take(n)


class _BoundedZlib:
    """Stands for the `zlib` module inside pdfminer.pdftypes."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        return _inflate(data, tolerate_tail=False)

    @staticmethod
    def decompressobj(*args: Any) -> Any:
        return zlib.decompressobj(*args)


def _decompress_corrupted(data: bytes) -> bytes:
    return _inflate(data, tolerate_tail=True)


def _lzwdecode(data: bytes) -> bytes:
    out: list[bytes] = []
    size = 0
    for chunk in LZWDecoder(BytesIO(data)).run():
        size += len(chunk)
        if size > limits.PART.most:
            raise _StreamTooLarge(limits.PART)
        out.append(chunk)
    _count(size)
    return b"".join(out)


def _rldecode(data: bytes) -> bytes:
    size, i = 0, 0
    while i < len(data) and data[i] != 128:  # the size first: cheap, and nothing built
        length = data[i]
        size += length + 1 if length < 128 else 257 - length
        i += length + 2 if length < 128 else 2
    if size > limits.PART.most:
        raise _StreamTooLarge(limits.PART)
    _count(size)
    return _ORIGINAL["rldecode"](data)  # type: ignore[no-any-return]


def _ccittfaxdecode(data: bytes, params: dict[str, object]) -> bytes:
    # every row takes at least one bit of the data: the rows are bounded when not given
    columns, rows = (resolve1(params.get(k, d)) for k, d in (("Columns", 1728), ("Rows", 0)))
    if not isinstance(columns, int) or not isinstance(rows, int):
        raise _StreamTooLarge(limits.PART)
    if columns * (rows or len(data) * 8) // 8 > limits.PART.most:
        raise _StreamTooLarge(limits.PART)
    return _ORIGINAL["ccittfaxdecode"](data, params)  # type: ignore[no-any-return]


_ORIGINAL: dict[str, Callable[..., Any]] = {}
_REPLACEMENTS: dict[str, object] = {
    "zlib": _BoundedZlib,
    "decompress_corrupted": _decompress_corrupted,
    "lzwdecode": _lzwdecode,
    "rldecode": _rldecode,
    "ccittfaxdecode": _ccittfaxdecode,
}


@contextmanager
def bounded_streams(path: Path) -> Iterator[None]:
    """pdfminer inflating every stream under the limits while the block runs."""
    global _budget
    _ORIGINAL.update({name: getattr(pdftypes, name) for name in _REPLACEMENTS})
    for name, value in _REPLACEMENTS.items():
        setattr(pdftypes, name, value)
    _budget = _Budget()
    try:
        yield
    except _StreamTooLarge as exc:
        where = "PDF 中一个数据流" if exc.limit is limits.PART else "PDF 中各数据流"
        raise exc.limit.refuse(path, where) from None
    finally:
        _budget = None
        for name in _REPLACEMENTS:
            setattr(pdftypes, name, _ORIGINAL[name])


def check_pdf(path: Path) -> None:
    """Pages, objects, boxes, turns and the content drawn, before any page is laid out."""
    global _budget
    with path.open("rb") as fh:
        try:
            document = PDFDocument(PDFParser(fh))
        except (PDFPasswordIncorrect, PDFEncryptionError):
            raise ImportProblem(ENCRYPTED, path=path) from None
        except (PSException, ValueError, TypeError, KeyError, IndexError, AttributeError):
            raise ImportProblem(NOT_PDF, path=path) from None
        objects = sum(len(list(xref.get_objids())) for xref in document.xrefs)
        limits.OBJECTS.check(objects, path)
        content = _Content(path)
        for number, attrs in enumerate(_pages(document), 1):
            if number > limits.PAGES.most:
                raise limits.PAGES.refuse(path, "PDF 的")
            _check_page(attrs, number, path)
            content.page(attrs, number)
    if _budget is not None:
        _budget.total = 0  # the reading inflates the same streams again


def _pages(document: PDFDocument) -> Iterator[dict[str, Any]]:
    """Each page's attributes with the inherited ones filled in, in order; without
    recursion (a page tree may be deep) and each node once (it may loop). Without a page
    tree, the page objects anywhere in the file, as pdfminer then reads them."""
    found = False
    for attrs in _page_tree(document):
        found = True
        yield attrs
    if found:
        return
    for xref in document.xrefs:
        for objid in xref.get_objids():
            obj = resolve1(PDFObjRef(document, objid))
            if isinstance(obj, dict) and _is(resolve1(obj.get("Type")), "Page"):
                yield obj


def _page_tree(document: PDFDocument) -> Iterator[dict[str, Any]]:
    seen: set[int] = set()
    stack: list[tuple[object, dict[str, Any]]] = [(document.catalog.get("Pages"), {})]
    while stack:
        ref, inherited = stack.pop()
        key = ref.objid if isinstance(ref, PDFObjRef) else id(ref)
        node = resolve1(ref)
        if not isinstance(node, dict) or key in seen:
            continue
        seen.add(key)
        attrs = {**inherited, **node}
        kind = resolve1(node.get("Type"))
        kids = resolve1(node.get("Kids"))
        if isinstance(kids, list) and not _is(kind, "Page"):
            passed = {k: attrs[k] for k in _INHERITED if k in attrs}
            stack.extend((kid, passed) for kid in reversed(kids))
        elif _is(kind, "Page"):
            yield attrs


def _is(value: object, name: str) -> bool:
    return isinstance(value, PSLiteral) and value.name == name


def _check_page(attrs: dict[str, Any], number: int, path: Path) -> None:
    for key in ("MediaBox", "CropBox"):
        if key == "CropBox" and key not in attrs:
            continue
        box = resolve1(attrs.get(key))
        values = [resolve1(v) for v in box] if isinstance(box, list) else []
        if not (
            len(values) == 4
            and all(isinstance(v, (int, float)) and math.isfinite(v) for v in values)
            and abs(values[2] - values[0]) > 0
            and abs(values[3] - values[1]) > 0
            and all(abs(v) < 1e6 for v in values)
        ):
            raise ImportProblem(BAD_BOX.format(page=number, key=f"/{key}"), path=path)
    rotate = resolve1(attrs.get("Rotate", 0))
    if not isinstance(rotate, (int, float)) or not math.isfinite(rotate):
        raise ImportProblem(BAD_ROTATE.format(page=number), path=path)


class _Content:
    """The content the pages draw: bytes run and bytes of text shown, a Form XObject counted
    each time it is drawn (drawn ten times, ten levels deep, is ten billion times)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.bytes = 0
        self.glyphs = 0
        self.sizes: dict[tuple[int, int], tuple[int, int]] = {}

    def page(self, attrs: dict[str, Any], number: int) -> None:
        streams = resolve1(attrs.get("Contents"))
        streams = streams if isinstance(streams, list) else [streams]
        data = b"".join(s.get_data() for s in map(resolve1, streams) if isinstance(s, PDFStream))
        run, shown = self.drawn(data, resolve1(attrs.get("Resources")), (), number)
        self.bytes += run
        self.glyphs += shown
        where = f"PDF 第{number}页及以前各页的"
        limits.CONTENT.check(self.bytes, self.path, where, exact=False)
        limits.GLYPHS.check(self.glyphs, self.path, where, exact=False)

    def drawn(
        self, data: bytes, resources: object, stack: tuple[int, ...], number: int
    ) -> tuple[int, int]:
        run, shown = len(data), sum(len(m) for m in _STRING.findall(data))
        if len(stack) > limits.NESTED.most:
            raise limits.NESTED.refuse(self.path, f"PDF 第{number}页的")
        xobjects = (
            resolve1(resolve1(resources).get("XObject"))
            if isinstance(resolve1(resources), dict)
            else None
        )
        if not isinstance(xobjects, dict):
            return run, shown
        counts: dict[bytes, int] = {}
        for name in _DO.findall(data):
            counts[name] = counts.get(name, 0) + 1
        for name, times in counts.items():
            ref = xobjects.get(name.decode("latin-1"))
            form = resolve1(ref)
            if not isinstance(form, PDFStream) or not _is(resolve1(form.get("Subtype")), "Form"):
                continue
            objid = form.objid if form.objid is not None else id(form)
            if objid in stack:
                continue  # pdfminer does not draw a form inside itself
            key = (objid, id(resources))
            if key not in self.sizes:
                inner = resolve1(form.get("Resources")) or resources
                self.sizes[key] = self.drawn(form.get_data(), inner, (*stack, objid), number)
            form_run, form_shown = self.sizes[key]
            run += times * form_run
            shown += times * form_shown
            if run > limits.CONTENT.most or shown > limits.GLYPHS.most:
                break  # the caller refuses; no need to count on to billions
        return run, shown
