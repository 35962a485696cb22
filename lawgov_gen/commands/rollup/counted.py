"""What the 合计 adds up. Whole reports: those of the summary's year that can be read, each
单位 (its `org`) once; a report of another year or a second report of the same 单位 keeps
its row, marked 不计入合计, with a finding of its own. Figures: a counted report's figure
counts in its column unless it is missing, refused (an error at its line) or in another unit;
each column records which reports it leaves out and why, as the sums file's `left_out`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lawgov_gen.checks.runner import Checked
from lawgov_gen.data.court import COURT_KEYS
from lawgov_gen.data.paths import display_name
from lawgov_gen.data.source_map import KeyPath
from lawgov_gen.diagnostics import Diagnostic

NOT_GIVEN = "没有填写"
UNREADABLE = "无法读取"
COURT_PREFIX = "court_"  # the court figures' column ids: court_lawsuits …


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
    """By position in `checked`: the reports the 合计 does not add up at all, and why."""
    out: dict[int, LeftOut] = {}
    first: dict[str, Checked] = {}
    for i, one in enumerate(checked):
        if one.loaded is None:
            out[i] = LeftOut("", f"{one.path.stem}（{UNREADABLE}）")
            continue
        report, sources = one.loaded.data.report, one.loaded.sources
        if report.year != year:
            message = f"这份报告是 {report.year} 年度的，汇总的是 {year} 年度的报告：不计入合计"
            out[i] = LeftOut(
                f"{report.year}年度，不计入合计",
                f"{report.short}（{report.year}年度）",
                sources.diag(("report", "year"), "warning", "R1", message),
            )
            continue
        # the same 单位 under another short name is still the same 单位: counted once
        earlier = first.setdefault(" ".join(report.org.split()), one)
        if earlier is not one:
            assert earlier.loaded is not None
            named = earlier.loaded.data.report.short
            message = (
                f"单位“{report.org}”已有一份 {year} 年度的报告 {display_name(earlier.path)}"
                f"（{named}）：这一份不计入合计，请删去重复的文件"
            )
            out[i] = LeftOut(
                "单位重复，不计入合计",
                f"{report.short}（{display_name(one.path)}，重复）",
                sources.diag(("report", "org"), "warning", "R2", message),
            )
    return out


def _lines(checked: Checked, path: KeyPath) -> tuple[str, int, int] | None:
    """The file and the first and last line of the entry at `path` (its key to its value)."""
    assert checked.loaded is not None
    sources = checked.loaded.sources
    value, key = sources.positions.get(path), sources.key_positions.get(path)
    if value is None:
        return None
    start = key.start if key is not None and key.source is value.source else value.start
    first, _ = value.source.line_col(start)
    last, _ = value.source.line_col(max(value.end - 1, value.start))
    return value.source.name, first, last


def refused_figures(checked: Checked) -> dict[str, str]:
    """The figures of a report that an error stands in (metric ids; court figures by their
    column ids), each with the first such error's message: they are not added up."""
    loaded = checked.loaded
    errors = [d for d in checked.findings if d.level == "error"]
    if loaded is None or not errors:
        return {}
    entries: dict[str, KeyPath] = {mid: ("metrics", mid) for mid in loaded.data.metrics}
    entries.update({COURT_PREFIX + key: ("court", key) for key in COURT_KEYS})
    out: dict[str, str] = {}
    for mid, path in entries.items():
        span = _lines(checked, path)
        if span is None:
            continue
        name, first, last = span
        hit = next((d for d in errors if d.path == name and first <= d.line <= last), None)
        if hit is not None:
            out[mid] = f"数字有错误：{hit.message}"
    return out
