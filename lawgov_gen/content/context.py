"""Build the render context: every paragraph, number, figure and date, computed once.

Both renderers (Word and PDF) only display what this module produces, so the two
outputs cannot disagree on text, order or numbering.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from lawgov_gen.content.expressions import TextRenderer
from lawgov_gen.content.figures import Figure, build_figures, percent_text
from lawgov_gen.content.layout import (
    Attachment,
    Indent,
    attachment_lines,
    chinese_date,
    signature_indents,
)
from lawgov_gen.content.metrics_table import MetricsTable, build_metrics_table
from lawgov_gen.content.numbering import MAX_ITEM_LEVEL, item_label, part_label, point_label
from lawgov_gen.content.prose import ensure_period, paragraphs, title_lines
from lawgov_gen.data.loader import Loaded
from lawgov_gen.data.model import FontNames, Item, Point
from lawgov_gen.data.reading import KeyPath
from lawgov_gen.diagnostics import Diagnostic
from lawgov_gen.errors import DataError

BlockKind = Literal["h1", "h2", "h3", "h4", "body"]


def statutory_titles(year: int) -> dict[str, str]:
    """The five part headings of 厅字〔2019〕28号 with the year filled in."""
    return {
        "measures": f"{year}年推进法治政府建设的主要举措和成效",
        "problems": f"{year}年推进法治政府建设存在的不足和原因",
        "duties": f"{year}年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        "plans": f"{year + 1}年推进法治政府建设的主要安排",
        "other": "其他需要报告的情况",
    }


@dataclass(frozen=True)
class Block:
    """One paragraph of the body: its kind (style) and its final text."""

    kind: BlockKind
    text: str


@dataclass
class ReportContext:
    """Everything a template displays."""

    title: str
    title_lines: list[str]
    doc_number: str | None
    to_line: str | None
    blocks: list[Block]
    attachments: list[Attachment]
    signature: str
    date: str
    signature_indent: Indent
    date_indent: Indent
    note: str | None
    cc: str | None
    org: str
    year: int
    date_iso: str
    fonts: FontNames
    font_files: dict[str, Path] = field(default_factory=dict)
    metrics_table: MetricsTable | None = None
    figures: dict[str, Figure] = field(default_factory=dict)

    def template_values(self) -> dict[str, Any]:
        """What every template sees: each field, and the title joined for one paragraph."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["title_text"] = "\n".join(self.title_lines)
        return values


class _Builder:
    def __init__(self, loaded: Loaded) -> None:
        data = loaded.data
        self.data = data
        self.sources = loaded.sources
        self.figures = build_figures(data, loaded.previous.data if loaded.previous else None)
        meta = data.report
        self.texts = TextRenderer(
            self.figures,
            {
                "year": str(meta.year),
                "next_year": str(meta.year + 1),
                "short": meta.short,
                "org": meta.org,
            },
        )
        self.problems: list[Diagnostic] = []
        self.blocks: list[Block] = []

    def text(self, value: str, path: KeyPath) -> str:
        issues = self.texts.issues(value)
        for issue in issues:
            self.problems.append(
                self.sources.locate(
                    path,
                    issue.needle,
                    issue.nth,
                    "error",
                    issue.rule,
                    issue.message,
                    skip_needle=True,
                )
            )
        return value if issues else self.texts.render(value)

    def add(self, kind: BlockKind, text: str) -> None:
        self.blocks.append(Block(kind, text))

    def body(self, value: str | None, path: KeyPath) -> list[str]:
        return paragraphs(self.text(value, path)) if value else []

    def point_text(self, point: Point, n: int, path: KeyPath) -> str:
        lead = self.text(point.lead, (*path, "lead")).strip() if point.lead else ""
        text = " ".join(self.body(point.text, (*path, "text")))
        if lead and text:
            return f"{point_label(n)}{ensure_period(lead)}{ensure_period(text)}"
        return f"{point_label(n)}{ensure_period(lead or text)}"

    def points(self, points: list[Point], style: str, path: KeyPath) -> None:
        texts = [self.point_text(p, i + 1, (*path, i)) for i, p in enumerate(points)]
        if not texts:
            return
        if style == "block":
            for t in texts:
                self.add("body", t)
            return
        joined = "".join(texts)
        last = self.blocks[-1] if self.blocks else None
        if last is not None and last.kind == "body" and last.text.endswith("："):
            self.blocks[-1] = Block("body", last.text + joined)
        else:
            self.add("body", joined)

    def items(self, items: list[Item], level: int, path: KeyPath) -> None:
        for i, item in enumerate(items):
            here = (*path, i)
            if level > MAX_ITEM_LEVEL:
                self.problems.append(
                    self.sources.diag(
                        here,
                        "error",
                        "S7",
                        "条目最多嵌套到（1）一级：请把这一层合并到上一级的文字中",
                    )
                )
                return
            kind: BlockKind = ("h2", "h3", "h4")[level - 1]  # type: ignore[assignment]
            self.add(
                kind, item_label(level, i + 1) + self.text(item.title, (*here, "title")).strip()
            )
            for para in self.body(item.text, (*here, "text")):
                self.add("body", para)
            self.points(item.points, item.points_style, (*here, "points"))
            self.items(item.items, level + 1, (*here, "items"))

    def part_heading(self, n: int, key: str) -> None:
        override = getattr(self.data.report.titles, key)
        title = statutory_titles(self.data.report.year)[key]
        if override:
            title = self.text(override, ("report", "titles", key)).strip()
        self.add("h1", part_label(n) + title)

    def problems_part(self) -> None:
        probs = self.data.problems
        if probs.causes:
            self.add("h2", item_label(1, 1) + "存在的不足")
            self.points(probs.shortcomings, "block", ("problems", "shortcomings"))
            self.add("h2", item_label(1, 2) + "原因分析")
            self.points(probs.causes, "block", ("problems", "causes"))
        else:
            self.points(probs.shortcomings, "block", ("problems", "shortcomings"))

    def font_files(self) -> dict[str, Path]:
        """The user's font files, resolved against the data file's folder and checked."""
        from lawgov_gen.render.fonts import FONT_SUFFIXES

        root = self.sources.root.path.parent if self.sources.root else Path.cwd()
        out: dict[str, Path] = {}
        for role, ref in self.data.report.fonts.files.model_dump(exclude_none=True).items():
            path = (root / ref).resolve()
            where = ("report", "fonts", "files", role)
            if path.suffix.lower() not in FONT_SUFFIXES:
                self.problems.append(
                    self.sources.diag(
                        where, "error", "SCHEMA", f"“{ref}”不是字体文件：应为 .ttf、.otf 或 .ttc"
                    )
                )
            elif not path.is_file():
                self.problems.append(
                    self.sources.diag(
                        where,
                        "error",
                        "SCHEMA",
                        f"字体文件“{ref}”不存在（相对于数据文件所在的文件夹）",
                    )
                )
            else:
                out[role] = path
        return out

    def court_paragraph(self) -> str | None:
        court = self.data.court
        if court is None:
            return None
        meta = self.data.report
        if court.lawsuits:
            rate = percent_text(Decimal(court.head_appearances) * 100 / court.lawsuits)
            lost = f"败诉{court.lost}件" if court.lost else "无败诉案件"
            first = (
                f"{meta.year}年，{meta.short}共发生行政诉讼案件{court.lawsuits}件，"
                f"行政机关负责人出庭应诉{court.head_appearances}件，出庭应诉率{rate}%，{lost}"
            )
        else:
            first = f"{meta.year}年，{meta.short}未发生行政诉讼案件"
        if court.judgments_due:
            done = (
                "已全部履行"
                if court.judgments_performed >= court.judgments_due
                else f"已履行{court.judgments_performed}件"
            )
            second = f"应履行法院生效裁判{court.judgments_due}件，{done}"
        else:
            second = "无应履行的法院生效裁判"
        return f"{first}；{second}。"

    def build(self) -> ReportContext:
        data, meta = self.data, self.data.report
        for para in self.body(data.intro, ("intro",)):
            self.add("body", para)
        self.part_heading(1, "measures")
        self.items(data.measures, 1, ("measures",))
        self.part_heading(2, "problems")
        self.problems_part()
        self.part_heading(3, "duties")
        self.items(data.duties, 1, ("duties",))
        if not data.duties:
            self.add("body", "无。")
        self.part_heading(4, "plans")
        self.items(data.plans, 1, ("plans",))
        self.part_heading(5, "other")
        court = self.court_paragraph()
        if court:
            self.add("body", court)
        self.items(data.other, 1, ("other",))
        if not court and not data.other:
            self.add("body", "无。")
        title = self.text(data.title, ("report", "title")).strip()
        font_files = self.font_files()
        if self.problems:
            raise DataError(self.problems)
        signature, date = data.signature, chinese_date(data)
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
            font_files=font_files,
            metrics_table=table,
            figures=self.figures,
        )


def build_context(loaded: Loaded) -> ReportContext:
    """The complete, output-neutral content of a report; raises DataError on bad text."""
    return _Builder(loaded).build()
