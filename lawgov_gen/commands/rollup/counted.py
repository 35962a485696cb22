"""Which reports the 合计 adds up: those that load without an error, of the summary's year,
each 单位 once. A report with errors (its figures may be wrong: 60 successes of 50 cases), of
another year, or a second report of the same 单位 keeps its row, marked 不计入合计; the last two
with a finding of their own."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lawgov_gen.checks.runner import Checked
from lawgov_gen.data.paths import display_name
from lawgov_gen.diagnostics import Diagnostic


@dataclass(frozen=True)
class LeftOut:
    """Why a report's figures are not in the 合计: said in its row and as a finding."""

    status: str  # added to the row's status
    short: str  # the report in the 合计 row's 合计不含
    finding: Diagnostic | None = None


def summary_year(checked: list[Checked]) -> int | None:
    """The year most reports are of (the later one on a tie)."""
    years = Counter(c.loaded.data.report.year for c in checked if c.loaded is not None)
    return max(years, key=lambda y: (years[y], y)) if years else None


def left_out(checked: list[Checked], year: int | None) -> dict[int, LeftOut]:
    """By position in `checked`: the reports the 合计 does not add up, and why."""
    out: dict[int, LeftOut] = {}
    first: dict[str, Checked] = {}
    for i, one in enumerate(checked):
        if one.loaded is None:
            out[i] = LeftOut("", f"{one.path.stem}（无法读取）")
            continue
        report, sources = one.loaded.data.report, one.loaded.sources
        if any(d.level == "error" for d in one.findings):
            out[i] = LeftOut("不计入合计", f"{report.short}（有错误）")
        elif report.year != year:
            message = f"这份报告是 {report.year} 年度的，汇总的是 {year} 年度的报告：不计入合计"
            out[i] = LeftOut(
                f"{report.year}年度，不计入合计",
                f"{report.short}（{report.year}年度）",
                sources.diag(("report", "year"), "warning", "R1", message),
            )
            continue
        earlier = first.setdefault(report.short, one)
        if earlier is not one:
            message = (
                f"单位“{report.short}”已有一份 {year} 年度的报告 {display_name(earlier.path)}："
                "这一份不计入合计，请删去重复的文件"
            )
            out[i] = LeftOut(
                "单位重复，不计入合计",
                f"{report.short}（{display_name(one.path)}，重复）",
                sources.diag(("report", "short"), "warning", "R2", message),
            )
    return out
