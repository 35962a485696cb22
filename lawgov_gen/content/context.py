"""Build the render context: every paragraph, number, figure and date, computed once.

Both renderers (Word and PDF) and the preview only display what this module produces,
so the outputs cannot disagree on text, order or numbering. The data has been checked
before (checks.runner): building a context never fails on data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from lawgov_gen.content.disclosure import Disclosure, build_disclosure
from lawgov_gen.content.expressions import TextRenderer, Unprintable, text_variables
from lawgov_gen.content.figures import Figure, build_figures, percent_text
from lawgov_gen.content.layout import (
    Attachment,
    Indent,
    attachment_lines,
    signature_indents,
    title_lines,
)
from lawgov_gen.content.metrics_table import MetricsTable, build_metrics_table
from lawgov_gen.content.numbering import MAX_ITEM_LEVEL, item_label, part_label, point_label
from lawgov_gen.content.prose import chinese_date, ensure_period, paragraphs, trimmed
from lawgov_gen.data.loader import Loaded
from lawgov_gen.data.model import FontNames, Item, Point
from lawgov_gen.data.source_map import KeyPath
from lawgov_gen.errors import DataError
from lawgov_gen.statute import PARTS, Part

BlockKind = Literal["h1", "h2", "h3", "h4", "body"]
_ITEM_KINDS: tuple[BlockKind, ...] = ("h2", "h3", "h4")  # items at levels 1, 2, 3
# The element (what GB/T 9704 calls each part of the page) of each kind of block.
BLOCK_ELEMENTS: dict[str, str] = {
    "h1": "heading1",
    "h2": "heading2",
    "h3": "heading3",
    "h4": "heading4",
    "body": "body",
}


@dataclass(frozen=True)
class Block:
    """One paragraph of the body: its kind (style), its final text and where it came from."""

    kind: BlockKind
    text: str
    source: KeyPath = ()  # the data's key path of the text (for the preview's marks)

    @property
    def level(self) -> int:
        """The heading's depth: 1 for a part (一、), 2–4 for items; 0 for a paragraph."""
        return 0 if self.kind == "body" else int(self.kind[1])


@dataclass
class ReportContext:
    """Everything a template displays. Each printed field names its element."""

    title: str = field(metadata={"element": "title"})
    title_lines: list[str] = field(metadata={"element": "title"})
    doc_number: str | None = field(metadata={"element": "doc_number"})
    to_line: str | None = field(metadata={"element": "addressee"})
    blocks: list[Block] = field(metadata={"element": "blocks"})
    attachments: list[Attachment] = field(metadata={"element": "attachments"})
    signature: str = field(metadata={"element": "signature"})
    date: str = field(metadata={"element": "date"})
    note: str | None = field(metadata={"element": "note"})
    cc: str | None = field(metadata={"element": "cc"})
    org: str = field(metadata={"element": "metadata"})
    metrics_table: MetricsTable | None = field(metadata={"element": "metrics_table"})
    signature_indent: Indent = field(default=Indent(2.0))
    date_indent: Indent = field(default=Indent(2.0))
    year: int = 0
    date_iso: str = ""
    fonts: FontNames = field(default_factory=FontNames)
    font_files: dict[str, Path] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    # 公开目录信息: shown by the 公开版 only (no element: the Word and PDF do not print it)
    disclosure: Disclosure | None = None

    def template_values(self) -> dict[str, Any]:
        """What every template sees: each field, and the title joined for one paragraph."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["title_text"] = "\n".join(self.title_lines)
        return values

    def printed_texts(self) -> Iterator[tuple[str, str]]:
        """(element, text) for every string the outputs print, found through the fields'
        element marks, so a new field cannot escape the glyph check."""
        for f in fields(self):
            element = f.metadata.get("element")
            value = getattr(self, f.name)
            if element is None or value is None:
                continue
            if element == "blocks":
                yield from ((BLOCK_ELEMENTS[b.kind], b.text) for b in value)
            elif element == "attachments":
                yield from (("attachment", a.text) for a in value)
            elif element == "metrics_table":
                yield ("attachment_marker", value.marker)
                yield ("attachment_title", value.title)
                yield from (("table_head", c) for c in value.columns)
                for row in value.rows:
                    yield from (("table_cell", cell) for cell in row.cells)
            elif isinstance(value, list):
                yield from ((element, v) for v in value)
            else:
                yield (element, str(value))


def _points(entries: list[Point | Item]) -> list[Point]:
    return [e for e in entries if isinstance(e, Point)]


class _Builder:
    def __init__(self, loaded: Loaded) -> None:
        data = loaded.data
        self.data = data
        self.loaded = loaded
        self.figures = build_figures(data, loaded.previous.data if loaded.previous else None)
        meta = data.report
        self.texts = TextRenderer(self.figures, text_variables(meta.year, meta.short, meta.org))
        self.blocks: list[Block] = []

    def text(self, value: str, path: KeyPath) -> str:
        """A text rendered; an expression that cannot be printed is an error at its line."""
        try:
            return self.texts.render(value)
        except Unprintable as exc:
            where = self.loaded.sources
            found = where.diag_in(path, value, exc.index, "error", "T1", exc.message)
            raise DataError([found]) from None

    def add(self, kind: BlockKind, text: str, source: KeyPath) -> None:
        self.blocks.append(Block(kind, text, source))

    def body(self, value: str | None, path: KeyPath) -> None:
        for para in paragraphs(self.text(value, path)) if value else []:
            self.add("body", para, path)

    def point_paragraphs(self, point: Point, n: int, path: KeyPath) -> list[str]:
        """一是 and the point's lead and text; a text of several paragraphs keeps them."""
        lead = trimmed(self.text(point.lead, (*path, "lead"))) if point.lead else ""
        paras = paragraphs(self.text(point.text, (*path, "text"))) if point.text else []
        if paras:
            paras[-1] = ensure_period(paras[-1])
        first = paras[0] if paras else ""
        if lead and first:
            return [f"{point_label(n)}{ensure_period(lead)}{first}", *paras[1:]]
        return [f"{point_label(n)}{ensure_period(lead or first)}", *paras[1:]]

    def points(self, points: list[Point], style: str, path: KeyPath) -> None:
        if not points:
            return
        if style == "block":
            for i, p in enumerate(points):
                for para in self.point_paragraphs(p, i + 1, (*path, i)):
                    self.add("body", para, (*path, i))
            return
        # in one paragraph: a point's paragraphs run on, as its sentences do
        joined = "".join(
            "".join(self.point_paragraphs(p, i + 1, (*path, i))) for i, p in enumerate(points)
        )
        last = self.blocks[-1] if self.blocks else None
        if last is not None and last.kind == "body" and last.text.endswith("："):
            self.blocks[-1] = Block("body", last.text + joined, last.source)
        else:
            self.add("body", joined, path)

    def items(self, items: list[Item | Point], level: int, path: KeyPath, number: int = 0) -> int:
        """Items in order; only titled ones take a number. Returns the last number used."""
        for i, item in enumerate(items):
            here = (*path, i)
            if isinstance(item, Point):
                self.points([item], "block", here)
                continue
            if item.title is not None:
                number += 1
                kind = _ITEM_KINDS[min(level, MAX_ITEM_LEVEL) - 1]
                title = item_label(level, number) + trimmed(self.text(item.title, (*here, "title")))
                self.add(kind, title, (*here, "title"))
            self.body(item.text, (*here, "text"))
            self.points(item.points, item.points_style, (*here, "points"))
            if level < MAX_ITEM_LEVEL:
                self.items(list(item.items), level + 1, (*here, "items"))
        return number

    def part_heading(self, key: str) -> None:
        part = next(p for p in PARTS if p.key == key)
        override = getattr(self.data.report.titles, key)
        title = (
            trimmed(self.text(override, ("report", "titles", key)))
            if override
            else part.title(self.data.report.year)
        )
        self.add("h1", part_label(part.number) + title, ("report", "titles", key))

    def problems_part(self) -> None:
        probs = self.data.problems
        self.body(probs.intro, ("problems", "intro"))
        if any(isinstance(e, Item) for e in [*probs.shortcomings, *probs.causes]):
            # written as titled items: numbered （一）（二）… across shortcomings and causes
            last = self.items(list(probs.shortcomings), 1, ("problems", "shortcomings"))
            self.items(list(probs.causes), 1, ("problems", "causes"), last)
            return
        if probs.causes:
            self.add("h2", item_label(1, 1) + "存在的不足", ("problems", "shortcomings"))
            self.points(_points(probs.shortcomings), "block", ("problems", "shortcomings"))
            self.add("h2", item_label(1, 2) + "原因分析", ("problems", "causes"))
            self.points(_points(probs.causes), "block", ("problems", "causes"))
        else:
            self.points(_points(probs.shortcomings), "block", ("problems", "shortcomings"))

    def court_paragraph(self) -> str | None:
        """The court figures as one paragraph: a sentence for each figure the file gives,
        nothing for one it leaves out (unknown is not 0: no 无败诉案件 without `lost`)."""
        court = self.data.court
        if court is None or not court.given:
            return None
        meta = self.data.report
        cases, heads, lost = court.lawsuits, court.head_appearances, court.lost
        first: list[str] = []
        if cases == 0:
            first.append("未发生行政诉讼案件")
        else:
            first += [f"共发生行政诉讼案件{cases}件"] if cases is not None else []
            if heads is not None:
                rate = f"，出庭应诉率{percent_text(Decimal(heads) * 100 / cases)}%" if cases else ""
                first.append(f"行政机关负责人出庭应诉{heads}件{rate}")
            if lost is not None:
                first.append(f"败诉{lost}件" if lost else "无败诉案件")
        due, done = court.judgments_due, court.judgments_performed
        second = ""
        if due == 0:
            second = "无应履行的法院生效裁判"
        elif due is not None:
            second = f"应履行法院生效裁判{due}件"
            if done is not None:
                second += "，已全部履行" if done >= due else f"，已履行{done}件"
        elif done is not None:
            second = f"已履行法院生效裁判{done}件"
        said = "；".join(x for x in ("，".join(first), second) if x)
        return f"{meta.year}年，{meta.short}{said}。"

    def items_part(self, part: Part) -> None:
        """A part written as items. An empty one prints nothing under its heading: 无。 would
        say the leaders did nothing, which the data does not say (S1/S2 ask for the text)."""
        self.items(list(getattr(self.data, part.key)), 1, (part.key,))

    def other_part(self) -> None:
        """Part 五: the court figures first, then the items (or 无。)."""
        court = self.court_paragraph()
        if court:
            self.add("body", court, ("court",))
        self.items(list(self.data.other), 1, ("other",))
        if not court and not self.data.other:
            self.add("body", "无。", ("other",))

    def build(self) -> ReportContext:
        data, meta = self.data, self.data.report
        self.body(data.intro, ("intro",))
        special = {"problems": self.problems_part, "other": self.other_part}
        for part in PARTS:  # the statute's order
            self.part_heading(part.key)
            if part.key in special:
                special[part.key]()
            else:
                self.items_part(part)
        title = trimmed(self.text(data.title, ("report", "title")))
        signature, date = data.signature, chinese_date(meta.date)
        sig_indent, date_indent = signature_indents(signature, date)
        table = build_metrics_table(data, self.figures)
        attachments = [*meta.attachments, *([table.title] if table else [])]
        return ReportContext(
            title=title,
            title_lines=title_lines(title),
            doc_number=meta.doc_number,
            to_line=("、".join(meta.to) + "：") if meta.to else None,
            blocks=self.blocks,
            attachments=attachment_lines(attachments),
            signature=signature,
            date=date,
            signature_indent=sig_indent,
            date_indent=date_indent,
            note=f"（{meta.note.strip('（）()')}）" if meta.note else None,
            cc=("抄送：" + "，".join(meta.cc) + "。") if meta.cc else None,
            org=meta.org,
            year=meta.year,
            date_iso=meta.date.isoformat(),
            fonts=meta.fonts,
            font_files=dict(self.loaded.font_files),
            metrics_table=table,
            figures=self.figures,
            disclosure=build_disclosure(data, title),
        )


def build_context(loaded: Loaded) -> ReportContext:
    """The complete, output-neutral content of a checked report."""
    return _Builder(loaded).build()
