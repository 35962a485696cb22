"""Plain text and Markdown: a published .txt, a copied web page, or PDF-to-text output.

Decides from the text whether lines are paragraphs or hard-wrapped lines of paragraphs.
Markdown marks (also left in many .txt files) are removed; `#` gives a heading level.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lawgov_gen.commands.importer import residue
from lawgov_gen.commands.importer.normalise import clean, join_pieces
from lawgov_gen.commands.importer.paragraphs import (
    ImportProblem,
    SourceDocument,
    SourceParagraph,
    table_warning,
)
from lawgov_gen.commands.importer.pipeline import NUMBERED, ends_sentence, finish
from lawgov_gen.content.layout import text_width

MARKDOWN = "删除 Markdown 标记"
BINARY = "这不是纯文本文件（含有二进制内容）：请确认文件的扩展名是否正确"
ENCODING = "无法识别文件的文字编码：请用记事本打开，“另存为”UTF-8 编码后再导入"

_RULE = re.compile(r"([-*_=])(?: *\1){2,}")
_TABLE_ROW = re.compile(r"\|.*\|")
_TABLE_SEP = re.compile(r"\|?(?: *:?-+:? *\|)+ *(?::?-+:?)? *\|?")
_QUOTE = re.compile(r"(?:> ?)+")
# "#一、标题" without the space counts too, but not a "#话题#" tag.
_HEADING = re.compile(r"(#{1,6})(?:[ \t]+|(?=[\u4e00-\u9fff（(])(?!.*#))(.*?)(?:[ \t]+#+)?")
_BULLET = re.compile(r"[-*+•·][ \t]+")
_ORDERED = re.compile(r"(\d{1,3}\.)[ \t]+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_META_LINES = 16
_FULL = 2.5  # em short of the longest lines that still counts as a full (wrapped) line


@dataclass
class _Line:
    text: str
    no: int
    width: float
    indent: bool
    heading: int | None = None
    bold_lead: str | None = None
    marker: bool = False
    blank_before: bool = False


def decode(data: bytes, path: Path) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ImportProblem(BINARY, path=path)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportProblem(ENCODING, path=path)


def _sub(pattern: re.Pattern[str], repl: str, text: str, counts: Counter[str]) -> str:
    text, n = pattern.subn(repl, text)
    if n:
        counts[MARKDOWN] += n
    return text


def _markdown(text: str, no: int, width: float, indent: bool, counts: Counter[str]) -> _Line:
    """Strip Markdown from one line, keeping what it said: heading level, bold lead."""
    line = _Line(text, no, width, indent)
    m = _QUOTE.match(text)
    if m:
        text, line.marker = text[m.end() :], True
        counts[MARKDOWN] += 1
    m = _HEADING.fullmatch(text)
    if m:
        line.heading, text = len(m.group(1)), m.group(2)
        counts[MARKDOWN] += 1
    else:
        for pattern, keep in ((_BULLET, ""), (_ORDERED, r"\1")):
            m = pattern.match(text)
            if m:
                text, line.marker = pattern.sub(keep, text, count=1), True
                counts[MARKDOWN] += 1
    text = _sub(_IMAGE, "", text, counts)
    text = _sub(_LINK, r"\1", text, counts)
    lead = _BOLD.match(text)
    text = _sub(_BOLD, r"\1\2", text, counts)
    if lead:
        line.bold_lead = _ESCAPE.sub(r"\1", lead.group(1) or lead.group(2))
    line.text = _sub(_ESCAPE, r"\1", text, counts)
    return line


def _lines(text: str, doc: SourceDocument) -> list[_Line]:
    """Markdown-stripped non-empty lines; page numbers, residue and tables left out."""
    counts = doc.normalised
    # Not splitlines(): a form feed (a PDF page break) is not a new line in an editor.
    raw = re.split(r"\r\n|\r|\n", text)
    cleaned = [clean(r, Counter()) for r in raw]
    # Metadata copied from a web page is one block: read it from its first label on.
    start = next((i for i, c in enumerate(cleaned) if residue.is_metadata_label(c)), 0)
    block = [
        c if len(c) <= 100 and start <= i < start + _META_LINES else ""
        for i, c in enumerate(cleaned)
    ]
    meta, used = residue.metadata_pairs(block)
    if len(meta) >= 2:
        doc.metadata.update(meta)
    else:
        used = set()
    out: list[_Line] = []
    tables: list[list[list[str]]] = []
    blank = True
    for i, (line, text) in enumerate(zip(raw, cleaned, strict=True)):
        row = bool(_TABLE_ROW.fullmatch(text))
        if row and not _TABLE_SEP.fullmatch(text):
            if not (i and _TABLE_ROW.fullmatch(cleaned[i - 1]) and tables):
                tables.append([])
            tables[-1].append([c.strip() for c in text.strip("|").split("|")])
        if not text or row or i in used:
            blank = True
            continue
        if _RULE.fullmatch(text) or residue.is_residue(text):
            counts[MARKDOWN if _RULE.fullmatch(text) else residue.RESIDUE] += 1
            blank = True
            continue
        if residue.is_page_number(text, bare=True):
            counts[residue.PAGE_NUMBER] += 1
            blank = True
            continue
        expanded = line.replace("\t", "    ").rstrip()
        clean(line, counts)  # counted once, for the lines that are kept
        md = _markdown(
            text, i + 1, text_width(expanded), expanded.startswith(("  ", "\u3000")), counts
        )
        md.blank_before, blank = blank, False
        out.append(md)
    for n, rows in enumerate(tables, 1):
        doc.warnings.append(table_warning(n, len(rows), max(map(len, rows)), rows[0]))
    return out


def _full_width(lines: list[_Line]) -> float | None:
    """The width of a full line when the text is hard-wrapped, else None."""
    body = sorted(ln.width for ln in lines if ln.heading is None)
    if len(body) < 5:
        return None
    full = body[int(len(body) * 0.8)]
    wrapped = [
        ln
        for ln in lines
        if ln.heading is None and ln.width >= full - _FULL and not ends_sentence(ln.text)
    ]
    return full if len(wrapped) >= 3 and len(wrapped) >= 0.3 * len(body) else None


def _continues(prev: _Line, line: _Line, full: float) -> bool:
    """In hard-wrapped text: does `line` carry on the paragraph `prev` wrapped?"""
    if line.blank_before or line.indent or line.marker or line.bold_lead:
        return False
    if prev.heading is not None or line.heading is not None or NUMBERED.match(line.text):
        return False
    return prev.width >= full - _FULL


def read_text(path: Path) -> SourceDocument:
    """Read a .txt or .md file into paragraphs."""
    doc = SourceDocument()
    lines = _lines(decode(path.read_bytes(), path), doc)
    full = _full_width(lines)
    groups: list[list[_Line]] = []
    for line in lines:
        if groups and full is not None and _continues(groups[-1][-1], line, full):
            groups[-1].append(line)
        else:
            groups.append([line])
    paragraphs = []
    for group in groups:
        text = ""
        for line in group:
            text = join_pieces(text, line.text.strip())
        first = group[0]
        paragraphs.append(
            SourceParagraph(
                text=text, bold_lead=first.bold_lead, heading=first.heading, where=f"第{first.no}行"
            )
        )
    doc.paragraphs = finish(paragraphs, doc.normalised, bare_page_numbers=True)
    return doc
