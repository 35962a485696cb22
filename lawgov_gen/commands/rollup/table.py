"""The roll-up: one row per report, a column per catalogue indicator and per metric id that
two or more reports share, the court figures, and a 合计 row whose rates are recomputed
from the summed numerators and denominators (never the mean of the rates)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

from lawgov_gen.checks.runner import Checked, check_file
from lawgov_gen.checks.structure import empty_parts
from lawgov_gen.commands.rollup.counted import left_out, summary_year
from lawgov_gen.content.figures import Figure, build_figures
from lawgov_gen.data.model import Metric, ReportData
from lawgov_gen.data.paths import display_name
from lawgov_gen.diagnostics import Diagnostic

Kind = Literal["count", "rate", "percent"]
COURT = (
    ("court_lawsuits", "行政诉讼案件", "lawsuits"),
    ("court_head_appearances", "负责人出庭应诉", "head_appearances"),
    ("court_lost", "败诉", "lost"),
    ("court_judgments_due", "应履行的生效裁判", "judgments_due"),
    ("court_judgments_performed", "已履行的生效裁判", "judgments_performed"),
)
COURT_RATE = ("court_appearance_rate", "出庭应诉率", ("court_head_appearances", "court_lawsuits"))
_LATE_RULES = {"D2", "D3"}


@dataclass(frozen=True)
class Column:
    """A figure of the table: its metric id, label, unit and how it adds up."""

    id: str
    label: str
    unit: str
    kind: Kind
    rate: tuple[str, str] | None = None
    of: str | None = None
    parts: tuple[str, ...] = ()
    variant: str | None = None  # the unit, when this column holds another unit's figures

    @property
    def key(self) -> str:
        """The column's key: its id, or id:unit for a figure some reports give in another unit."""
        return self.id if self.variant is None else f"{self.id}:{self.variant}"

    @property
    def heading(self) -> str:
        return f"{self.label}（{self.unit}）" if self.unit else self.label


@dataclass(frozen=True)
class Cell:
    """A figure in the table: None when the report does not give it."""

    value: Decimal | None = None
    approx: bool = False


@dataclass
class Row:
    """One report's line of the table."""

    name: str
    date: str
    status: str
    cells: dict[str, Cell]
    source: str
    failed: bool = False
    counted: bool = True  # its figures are in the 合计


@dataclass
class Summary:
    """Everything the table shows, and every finding of every report."""

    columns: list[Column]
    rows: list[Row]
    total: dict[str, Cell]
    findings: list[Diagnostic] = field(default_factory=list)
    year: int | None = None
    operands: list[Column] = field(default_factory=list)  # rates' operands not shown as columns
    # a rate column's key: why it has no 合计 though reports give its figures
    no_total: dict[str, str] = field(default_factory=dict)
    notes: list[Diagnostic] = field(default_factory=list)  # the roll-up's own findings
    not_counted: list[str] = field(default_factory=list)  # reports the 合计 leaves out, and why

    @property
    def total_note(self) -> str:
        """What the 合计 row's status column says."""
        left = ["合计不含：" + "、".join(self.not_counted)] if self.not_counted else []
        return "；".join([*left, *self.no_total.values()])


def _column(mid: str, metric: Metric) -> Column:
    if metric.rate is not None:
        return Column(mid, metric.label, "%", "rate", rate=tuple(metric.rate))  # type: ignore[arg-type]
    kind: Kind = "percent" if metric.unit == "%" else "count"
    return Column(
        mid, metric.label, metric.unit or "", kind, of=metric.of, parts=tuple(metric.parts or ())
    )


def _columns(loaded: list[Checked]) -> list[Column]:
    columns: dict[str, Column] = {}
    for checked in loaded:
        if checked.loaded is not None and checked.loaded.catalog is not None:
            for mid, standard in checked.loaded.catalog.data.metrics.items():
                if mid not in columns:
                    columns[mid] = _column(mid, Metric.model_construct(**standard.model_dump()))
    seen: dict[str, int] = {}
    for checked in loaded:
        if checked.loaded is not None:
            for mid in checked.loaded.data.metrics:
                seen[mid] = seen.get(mid, 0) + 1
    for checked in loaded:
        if checked.loaded is None:
            continue
        for mid, metric in checked.loaded.data.metrics.items():
            if seen[mid] >= 2 and mid not in columns:
                columns[mid] = _column(mid, metric)
    # a figure given in another unit than its column's gets a column of its own: 次 and 万次
    # never add up
    for checked in loaded:
        if checked.loaded is None:
            continue
        for mid, metric in checked.loaded.data.metrics.items():
            base = columns.get(mid)
            unit = metric.unit or ""
            if (
                base is not None
                and base.kind != "rate"
                and metric.rate is None
                and unit != base.unit
            ):
                variant = dataclasses.replace(
                    base, unit=unit, variant=unit or "无单位", of=None, parts=()
                )
                columns.setdefault(variant.key, variant)
    out = list(columns.values())
    # the court figures only when some report gives them: six empty columns would only make
    # the table too wide for a portrait page
    if any(
        c.loaded is not None and c.loaded.data.court is not None and c.loaded.data.court.given
        for c in loaded
    ):
        out += [Column(mid, label, "件", "count") for mid, label, _ in COURT]
        out.append(Column(COURT_RATE[0], COURT_RATE[1], "%", "rate", rate=COURT_RATE[2]))
    return out


def _status(checked: Checked) -> str:
    rules = {d.rule for d in checked.findings}
    words = []
    if rules & _LATE_RULES:
        words.append("逾期")
    errors, warnings = checked.count("error"), checked.count("warning")
    if errors or warnings:
        words.append(f"{errors}个错误，{warnings}个警告")
    missing = _missing_parts(checked.loaded.data) if checked.loaded else []
    if missing:
        words.append("缺少：" + "、".join(missing))
    return "；".join(words) or "正常"


def _missing_parts(data: ReportData) -> list[str]:
    """The statutory parts a report leaves empty (part 五 may be empty: it prints 无)."""
    return [f"第{p.numeral}部分" for p in empty_parts(data) if p.key != "other"]


def _figures(data: ReportData, previous: ReportData | None) -> dict[str, Figure]:
    figures = build_figures(data, previous)
    if data.court is not None:
        given = data.court.given  # a court figure left out is not known: no cell, not 0
        for mid, label, key in COURT:
            if key in given:
                figures[mid] = Figure(mid, label, "件", Decimal(given[key]), None)
    return figures


def _cells(columns: list[Column], figures: dict[str, Figure]) -> dict[str, Cell]:
    cells = {}
    for column in columns:
        if column.rate is not None:
            num, den = (figures.get(x) for x in column.rate)
            if num and den and num.number is not None and den.number:
                cells[column.key] = Cell(num.number * 100 / den.number)
            continue
        figure = figures.get(column.id)
        if figure is None or figure.number is None or figure.is_rate:
            continue
        if column.unit and figure.unit != column.unit:
            continue  # in another unit: that unit's column holds it
        cells[column.key] = Cell(figure.number, figure.approx)
    return cells


def _total(
    columns: list[Column], sums_of: dict[str, dict[str, Cell]], shorts: dict[str, str]
) -> tuple[dict[str, Cell], dict[str, str]]:
    """Sums of counts (余 when any addend is approximate); rates from the sums, and why a
    rate has no 合计 (keyed by the rate column)."""
    total: dict[str, Cell] = {}
    for column in columns:
        if column.kind == "count":
            given = [c for c in sums_of.get(column.key, {}).values() if c.value is not None]
            if given:
                total[column.key] = Cell(
                    sum((c.value for c in given if c.value is not None), Decimal(0)),
                    any(c.approx for c in given),
                )
    # a 合计 rate is the 合计 numerator over the 合计 denominator, as the sums file computes it:
    # honest only when exactly the same reports give both
    labels = {c.id: c.label for c in columns}
    why: dict[str, str] = {}
    for column in columns:
        if column.rate is None:
            continue
        num, den = (total.get(x) for x in column.rate)
        givers = [set(sums_of.get(x, {})) for x in column.rate]
        if givers[0] != givers[1]:
            lacking = [
                f"{shorts.get(name, name)}缺少“{labels.get(x, x)}”"
                for name in sorted(givers[0] ^ givers[1])
                for x, has in zip(column.rate, givers, strict=True)
                if name not in has
            ]
            why[column.key] = f"{column.label}未合计：{'、'.join(lacking)}"
        elif num and den and num.value is not None and den.value:  # (a 0 denominator: none)
            total[column.key] = Cell(num.value * 100 / den.value)
    return total, why


def build_summary(
    paths: list[Path], on_done: Callable[[Checked], None] = lambda _: None
) -> Summary:
    """Check every report and lay out the table."""
    checked_all = []
    for path in paths:
        checked = check_file(path)
        checked_all.append(checked)
        on_done(checked)
    columns = _columns(checked_all)
    shown = {c.id for c in columns}
    operands = [
        Column(mid, mid, "", "count")
        for mid in dict.fromkeys(x for c in columns if c.rate for x in c.rate)
        if mid not in shown
    ]
    rows: list[Row] = []
    sums_of: dict[str, dict[str, Cell]] = {}  # per column: each report's figure, by name
    findings: list[Diagnostic] = []
    year = summary_year(checked_all)
    skipped = left_out(checked_all, year)
    operand_labels: dict[str, tuple[str, str]] = {}
    for i, checked in enumerate(checked_all):
        findings.extend(checked.findings)
        name = display_name(checked.path)
        if checked.loaded is None:
            first = checked.findings[0].format() if checked.findings else "无法读取"
            rows.append(Row(checked.path.stem, "", f"无法读取：{first}", {}, name, True, False))
            continue
        data = checked.loaded.data
        previous = checked.loaded.previous.data if checked.loaded.previous else None
        figures = _figures(data, previous)
        # numerators and denominators of rates count in the totals even when not shown
        cells = _cells(columns + operands, figures)
        for operand in operands:
            figure = figures.get(operand.id)
            if figure is not None:
                operand_labels[operand.id] = (figure.label, figure.unit)
        if i not in skipped:
            for mid, cell in cells.items():
                sums_of.setdefault(mid, {})[name] = cell
        status = _status(checked)
        if i in skipped:
            status = ("" if status == "正常" else status + "；") + skipped[i].status
        rows.append(
            Row(
                data.report.short,
                data.report.date.isoformat(),
                status,
                cells,
                name,
                failed=any(d.level == "error" for d in checked.findings),
                counted=i not in skipped,
            )
        )
    operands = [Column(c.id, *operand_labels.get(c.id, (c.id, "")), "count") for c in operands]
    shorts = {r.source: r.name for r in rows}
    total, why = _total(columns + operands, sums_of, shorts)
    notes = [s.finding for s in skipped.values() if s.finding is not None]
    left = [s.short for s in skipped.values()]
    return Summary(columns, rows, total, findings + notes, year, operands, why, notes, left)
