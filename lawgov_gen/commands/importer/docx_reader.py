"""Word .docx: body paragraphs with run-in bold leads, Word's own numbering and headings.

python-docx opens the package; the body, styles and numbering are read as raw XML
because python-docx exposes neither inherited numbering nor text inside hyperlinks.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from lawgov_gen.commands.importer.alt_chunk import ALT_CHUNK, read_alt_chunk
from lawgov_gen.commands.importer.normalise import join_pieces
from lawgov_gen.commands.importer.paragraphs import (
    ImportProblem,
    OldWordFormat,
    SourceDocument,
    SourceParagraph,
    bold_lead,
    bold_runs,
    table_warning,
)
from lawgov_gen.commands.importer.pipeline import finish
from lawgov_gen.commands.importer.word_numbering import Numbering

SOFT_BREAK = "合并段内换行"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "文件设置了打开密码：请在 Word 或 WPS 中去掉密码，另存为 .docx 后再导入"
NOT_DOCX = "不是有效的 .docx 文件（可能已损坏，或只是改了扩展名）"
NO_BODY = "不是有效的 .docx 文件：缺少正文部分 word/document.xml（文件可能已损坏）"

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
# Deleted text, text boxes and drawings are not part of the paragraph as printed.
_SKIP = {qn(t) for t in ("w:del", "w:moveFrom", "w:pPr", "w:rPr", "w:drawing", "w:pict")}
_SKIP |= {qn("w:object"), qn("w:sdtPr"), qn("w:sdtEndPr"), _MC}
_OFF = ("0", "false", "off")
_HEADING_NAME = re.compile(r"(?i)(?:heading|标题) *([1-9])")


def _toggle(rpr: etree._Element | None, tag: str) -> bool | None:
    el = None if rpr is None else rpr.find(qn(tag))
    return None if el is None else el.get(qn("w:val")) not in _OFF


def _val(el: etree._Element | None, path: str) -> str | None:
    found = None if el is None else el.find(path)
    return None if found is None else found.get(qn("w:val"))


class _Styles:
    """Style lookups along `w:basedOn` chains: bold, outline level, numbering."""

    def __init__(self, root: etree._Element) -> None:
        self.by_id: dict[str, etree._Element] = {}
        self.default: str | None = None
        for st in root.findall(qn("w:style")):
            sid = st.get(qn("w:styleId")) or ""
            self.by_id[sid] = st
            if st.get(qn("w:type")) == "paragraph" and st.get(qn("w:default")) in ("1", "true"):
                self.default = sid
        rpr = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.bold = bool(_toggle(rpr, "w:b"))

    def chain(self, sid: str | None) -> Iterator[etree._Element]:
        """The style and the styles it is based on, nearest first."""
        seen: set[str] = set()
        while sid and sid in self.by_id and sid not in seen and len(seen) < 20:
            seen.add(sid)
            yield self.by_id[sid]
            sid = _val(self.by_id[sid], qn("w:basedOn"))

    def find(self, sid: str | None, path: str) -> etree._Element | None:
        """The nearest element at `path` in the style chain."""
        for st in self.chain(sid):
            el = st.find(path)
            if el is not None:
                return el
        return None

    def bold_in(self, sid: str | None) -> bool | None:
        """Bold as a style chain sets it, or None when no style in it does."""
        el = self.find(sid, f"{qn('w:rPr')}/{qn('w:b')}")
        return None if el is None else el.get(qn("w:val")) not in _OFF

    def heading(self, sid: str | None, ppr: etree._Element | None) -> int | None:
        """Heading level from the outline level (direct or styled), else the style name."""
        level = _val(ppr, qn("w:outlineLvl"))
        if level is None:
            el = self.find(sid, f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            level = None if el is None else el.get(qn("w:val"))
        if level is not None:
            return int(level) + 1 if level.isdigit() and int(level) < 9 else None
        for st in self.chain(sid):
            m = _HEADING_NAME.fullmatch(_val(st, qn("w:name")) or "")
            if m:
                return int(m.group(1))
        return None

    def numbering_links(self) -> dict[str, str]:
        """Numbering style id → the numId it carries."""
        out = {}
        for sid, st in self.by_id.items():
            num = _val(st, f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
            if st.get(qn("w:type")) == "numbering" and num:
                out[sid] = num
        return out


class _Body:
    """Walks the body in order, collecting raw paragraphs and table warnings."""

    def __init__(
        self,
        styles: _Styles,
        numbering: Numbering,
        chunks: Callable[[str], tuple[str, bytes] | None] = lambda rid: None,
        path: Path = Path(),
    ) -> None:
        self.styles = styles
        self.numbering = numbering
        self.chunks = chunks  # an altChunk's content type and bytes, by relationship id
        self.path = path
        self.paragraphs: list[SourceParagraph] = []
        self.warnings: list[str] = []
        self.counts: Counter[str] = Counter()
        self.tables = 0

    def walk(self, parent: etree._Element) -> None:
        """Read every paragraph and table under a body-level container."""
        for el in parent:
            if el.tag == qn("w:p"):
                self.paragraph(el)
            elif el.tag == qn("w:tbl"):
                self.table(el)
            elif el.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
                self.walk(el)
            elif el.tag == qn("w:altChunk"):
                self.alt_chunk(el)

    def alt_chunk(self, el: etree._Element) -> None:
        """Content Word keeps in another format (an altChunk), read where it stands."""
        where = f"第{len(self.paragraphs) + 1}段"
        paragraphs, warnings = read_alt_chunk(
            self.chunks(el.get(qn("r:id")) or ""), self.path, where
        )
        self.paragraphs.extend(paragraphs)
        self.warnings.extend(warnings)
        self.counts[ALT_CHUNK] += bool(paragraphs)

    def label(self, p: etree._Element, sid: str | None) -> str | None:
        """Advance Word's list counters for this paragraph and return its number, if any."""
        ppr = p.find(qn("w:pPr"))
        direct = None if ppr is None else ppr.find(qn("w:numPr"))
        styled = self.styles.find(sid, f"{qn('w:pPr')}/{qn('w:numPr')}")
        num = _val(direct, qn("w:numId")) or _val(styled, qn("w:numId"))
        if not num or not num.isdigit() or int(num) == 0:
            return None
        ilvl = _val(direct, qn("w:ilvl")) or _val(styled, qn("w:ilvl"))
        level = int(ilvl) if ilvl and ilvl.isdigit() else None
        if level is None:
            level = self.numbering.level_for_style(int(num), sid or "") or 0
        return self.numbering.label(int(num), level)

    def paragraph(self, p: etree._Element) -> None:
        """One `w:p`: its label (counted even when empty, as Word does), text and lead."""
        ppr = p.find(qn("w:pPr"))
        sid = _val(ppr, qn("w:pStyle")) or self.styles.default
        label = self.label(p, sid)
        runs: list[tuple[str, bool]] = []
        self.runs(p, runs, sid)
        text, breaks = _unbreak("".join(t for t, _ in runs))
        if not text.strip():
            return
        self.counts[SOFT_BREAK] += breaks
        lead = bold_lead(runs)
        self.paragraphs.append(
            SourceParagraph(
                text=text,
                label=label,
                bold_lead=_unbreak(lead)[0].strip() or None,
                heading=self.styles.heading(sid, ppr),
                where=f"第{len(self.paragraphs) + 1}段",
                bold_runs=bold_runs((_unbreak(t)[0], b) for t, b in runs),
            )
        )

    def runs(self, el: etree._Element, out: list[tuple[str, bool]], sid: str | None) -> None:
        """Collect (text, bold) of every run under `el`, through hyperlinks and insertions."""
        for child in el:
            if child.tag == qn("w:r"):
                rpr = child.find(qn("w:rPr"))
                if _toggle(rpr, "w:vanish"):
                    continue
                text = "".join(_run_text(child))
                if text:
                    out.append((text, self.bold(rpr, sid)))
            elif child.tag not in _SKIP:
                self.runs(child, out, sid)

    def bold(self, rpr: etree._Element | None, sid: str | None) -> bool:
        """Direct bold, else the character style's, else the paragraph style's, else default."""
        for value in (
            _toggle(rpr, "w:b"),
            self.styles.bold_in(_val(rpr, qn("w:rStyle"))),
            self.styles.bold_in(sid),
        ):
            if value is not None:
                return value
        return self.styles.bold

    def table(self, tbl: etree._Element) -> None:
        """A table is not imported: warn with its size and first row; keep lists counting."""
        self.tables += 1
        rows = tbl.findall(qn("w:tr"))
        grid = tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
        cols = len(grid) or max((len(r.findall(qn("w:tc"))) for r in rows), default=0)
        first = [] if not rows else rows[0].findall(qn("w:tc"))
        cells = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in first]
        self.warnings.append(table_warning(self.tables, len(rows), cols, cells))
        for p in tbl.iter(qn("w:p")):
            self.label(p, _val(p.find(qn("w:pPr")), qn("w:pStyle")) or self.styles.default)


def _run_text(r: etree._Element) -> Iterator[str]:
    for el in r:
        if el.tag == qn("w:t"):
            yield el.text or ""
        elif el.tag in (qn("w:tab"), qn("w:ptab")):
            yield "\t"
        elif el.tag == qn("w:cr") or (
            el.tag == qn("w:br") and el.get(qn("w:type")) not in ("page", "column")
        ):
            yield "\n"
        elif el.tag == qn("w:noBreakHyphen"):
            yield "-"


def _unbreak(text: str) -> tuple[str, int]:
    """Join the lines of a paragraph that has soft line breaks; count the breaks."""
    pieces = [p.strip(" \t") for p in text.split("\n")]
    kept = [p for p in pieces if p]
    joined = ""
    for piece in kept:
        joined = join_pieces(joined, piece)
    lead = text[: len(text) - len(text.lstrip(" \t\u3000"))]
    return lead + joined, max(len(kept) - 1, 0)


def _open(path: Path) -> docx.document.Document:
    if not zipfile.is_zipfile(path):
        raise ImportProblem(NOT_DOCX, path=path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError):
        raise ImportProblem(NOT_DOCX, path=path) from None
    try:
        return docx.Document(str(path))
    except PermissionError:
        raise
    except Exception:  # a broken package fails in python-docx in many different ways
        message = NO_BODY if "word/document.xml" not in names else NOT_DOCX
        raise ImportProblem(message, path=path) from None


def read_docx(path: Path) -> SourceDocument:
    """Read a .docx: paragraphs in body order, tables reported in warnings."""
    with path.open("rb") as fh:
        magic = fh.read(len(OLE_MAGIC))
    if magic == OLE_MAGIC:
        # A password-protected .docx is an OLE file holding the encrypted package.
        if "EncryptionInfo".encode("utf-16-le") in path.read_bytes():
            raise ImportProblem(ENCRYPTED, path=path)
        raise OldWordFormat("这是 Word 97–2003 格式的文件", path=path)
    document = _open(path)
    styles = _Styles(document.styles.element)
    try:
        root: etree._Element | None = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        root = None

    def chunk(rid: str) -> tuple[str, bytes] | None:
        part = document.part.related_parts.get(rid)
        return None if part is None else (part.content_type, part.blob)

    body = _Body(styles, Numbering(root, styles.numbering_links()), chunk, path)
    body.walk(document.element.body)
    doc = SourceDocument(warnings=body.warnings)
    doc.normalised.update(+body.counts)
    doc.paragraphs = finish(body.paragraphs, doc.normalised)
    return doc
