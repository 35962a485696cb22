"""`lawgov-gen diff`: two years' figures side by side, and parts added or removed.

The change column is the same Figure the report prints ({{ m.id.change }}), so the two
can never word a change differently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lawgov_gen.content.figures import Figure, build_figures
from lawgov_gen.content.layout import text_width
from lawgov_gen.content.metrics_table import short_change
from lawgov_gen.content.numbering import part_label
from lawgov_gen.data.loader import Loaded, load
from lawgov_gen.data.model import Item, ReportData
from lawgov_gen.errors import DataError
from lawgov_gen.output import csv_text
from lawgov_gen.statute import PARTS

UNLIKE = "含义不同，不比较"


@dataclass(frozen=True)
class FigureRow:
    """One metric in both years (empty where a year lacks it)."""

    id: str
    label: str
    unit: str
    old: str
    new: str
    change: str


@dataclass(frozen=True)
class PartChange:
    """An item title that one year has and the other does not."""

    part: str
    title: str
    added: bool


@dataclass(frozen=True)
class YearDiff:
    """Everything `diff` prints."""

    old_year: int
    new_year: int
    figures: list[FigureRow]
    parts: list[PartChange]


def _value(fig: Figure | None) -> str:
    if fig is None or fig.number is None:
        return ""
    return fig.approximate(fig.value)


def _prev(fig: Figure) -> str:
    return fig.approximate(fig.prev_value)


def _titles(data: ReportData, key: str) -> list[str]:
    entries = getattr(data, key)
    if key == "problems":
        entries = [*entries.shortcomings, *entries.causes]
    return [e.title for e in entries if isinstance(e, Item) and e.title]


def load_for_diff(path: Path) -> Loaded:
    """A year's file for `diff`: its figures must pass the Q rules, as `render` requires,
    since diff prints them too (a 150% or 10.5件 is an error here as well)."""
    from lawgov_gen.checks.runner import check_file

    stops = [d for d in check_file(path).blocking(False) if d.rule.startswith("Q")]
    if stops:
        raise DataError(stops)
    return load(path, with_previous=False)


def diff_reports(old: Loaded, new: Loaded) -> YearDiff:
    """Compare two data files: every metric id of either, and level-1 item titles per part."""
    old_figs = build_figures(old.data)
    new_figs = build_figures(new.data, old.data)
    rows = []
    for mid in [*new_figs, *(m for m in old_figs if m not in new_figs)]:
        a, b = old_figs.get(mid), new_figs.get(mid)
        shown = b or a
        assert shown is not None
        change = short_change(b) if b is not None else ""
        # last year as the report counts it: the typed prev, else last year's file
        old_value = _prev(b) if b is not None and b.has_prev else _value(a)
        if a is not None and b is not None and b.unlike_last_year and old_value:
            # not comparable (Q12): last year's figure in its own unit, and no change
            old_value, change = a.text, UNLIKE
        rows.append(FigureRow(mid, shown.label, shown.unit, old_value, _value(b), change))
    parts = []
    for part in PARTS:
        name = f"{part_label(part.number)}{part.label}"
        before, after = _titles(old.data, part.key), _titles(new.data, part.key)
        parts += [PartChange(name, t, True) for t in after if t not in before]
        parts += [PartChange(name, t, False) for t in before if t not in after]
    return YearDiff(old.data.report.year, new.data.report.year, rows, parts)


def _pad(text: str, width: float) -> str:
    return text + " " * round((width - text_width(text)) * 2)


def format_table(diff: YearDiff) -> str:
    """An aligned table for the terminal, then the parts added and removed."""
    head = ("指标", "单位", f"{diff.old_year}年", f"{diff.new_year}年", "增减")
    body = [(r.label, r.unit, r.old, r.new, r.change) for r in diff.figures]
    widths = [max(text_width(row[i]) for row in [head, *body]) + 1 for i in range(5)]
    lines = [
        "".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [head, *body]
    ]
    if diff.parts:
        lines.append("")
        lines += [f"{'新增' if p.added else '删除'}  {p.part}：{p.title}" for p in diff.parts]
    else:
        lines += ["", "各部分条目标题相同。"]
    return "\n".join(lines)


def format_csv(diff: YearDiff) -> str:
    """CSV with a header row: id, 指标, 单位, old year, new year, 增减 (BOM first)."""
    head = ["id", "指标", "单位", f"{diff.old_year}年", f"{diff.new_year}年", "增减"]
    return csv_text(
        [head, *([r.id, r.label, r.unit, r.old, r.new, r.change] for r in diff.figures)]
    )
