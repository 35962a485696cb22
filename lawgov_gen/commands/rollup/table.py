"""The roll-up: one row per report, a column per catalogue indicator and per metric id that
two or more reports share, the court figures, and a 合计 row whose rates are recomputed
from the summed numerators and denominators (never the mean of the rates)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lawgov_gen.checks.runner import Checked, check_file
from lawgov_gen.checks.structure import empty_parts
from lawgov_gen.commands.rollup.columns import COURT, Column, columns_of
from lawgov_gen.commands.rollup.counted import (
    NOT_GIVEN,
    UNREADABLE,
    left_out,
    refused_figures,
    summary_year,
)
from lawgov_gen.content.figures import Figure, build_figures
from lawgov_gen.data.model import ReportData
from lawgov_gen.data.paths import display_name
from lawgov_gen.diagnostics import Diagnostic

_LATE_RULES = {"D2", "D3"}


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
    # a count column's key: the counted reports whose figure its 合计 leaves out, and why
    left: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def left_of(self, column: Column) -> list[tuple[str, str]]:
        """The reports a 合计 cell leaves out (a rate's: its two counts'), each once."""
        keys = column.rate if column.rate is not None else (column.key,)
        return list(dict.fromkeys(x for key in keys for x in self.left.get(key, [])))

    @property
    def total_note(self) -> str:
        """What the 合计 row's status column says."""
        left = ["合计不含：" + "、".join(self.not_counted)] if self.not_counted else []
        partial = ["标 * 的合计缺少部分报告的数字"] if any(self.left.values()) else []
        return "；".join([*left, *self.no_total.values(), *partial])


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


def _why_not(
    column: Column, cells: dict[str, Cell], figures: dict[str, Figure], refused: dict[str, str]
) -> str | None:
    """Why a counted report's figure is not added to this column (None: it is)."""
    figure = figures.get(column.id)
    if column.key in cells:
        return refused.get(column.id)
    if figure is not None and figure.number is not None and figure.unit != column.unit:
        return f"单位是“{figure.unit or '（无）'}”，不能与“{column.unit or '（无）'}”相加"
    return NOT_GIVEN


def build_summary(
    paths: list[Path], on_done: Callable[[Checked], None] = lambda _: None
) -> Summary:
    """Check every report and lay out the table."""
    checked_all = []
    for path in paths:
        checked = check_file(path)
        checked_all.append(checked)
        on_done(checked)
    columns = columns_of(checked_all)
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
    left: dict[str, list[tuple[str, str]]] = {}
    for i, checked in enumerate(checked_all):
        findings.extend(checked.findings)
        name = display_name(checked.path)
        if checked.loaded is None:
            first = checked.findings[0].format() if checked.findings else "无法读取"
            for column in columns + operands:
                if column.kind == "count":
                    left.setdefault(column.key, []).append((checked.path.stem, UNREADABLE))
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
        refused = refused_figures(checked)
        if i not in skipped:
            for column in columns + operands:
                reason = _why_not(column, cells, figures, refused)
                if reason is None:
                    sums_of.setdefault(column.key, {})[name] = cells[column.key]
                elif column.kind == "count":
                    left.setdefault(column.key, []).append((data.report.short, reason))
        status = _status(checked)
        if refused and i not in skipped:
            labels = [figures[m].label if m in figures else m for m in refused]
            status += "；不计入合计的数字：" + "、".join(labels)
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
    not_counted = [s.short for s in skipped.values()]
    return Summary(
        columns, rows, total, findings + notes, year, operands, why, notes, not_counted, left
    )
