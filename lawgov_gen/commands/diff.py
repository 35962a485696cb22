"""`lawgov-gen diff`: two years' figures side by side, and parts added or removed."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace

from lawgov_gen.content.figures import Figure, build_figures
from lawgov_gen.content.metrics_table import short_change
from lawgov_gen.content.prose import text_width
from lawgov_gen.data.loader import Loaded

PARTS = (
    ("measures", "一、主要举措和成效"),
    ("duties", "三、第一责任人职责"),
    ("plans", "四、主要安排"),
    ("other", "五、其他情况"),
)


@dataclass(frozen=True)
class FigureRow:
    """One metric in both years (— where a year lacks it)."""

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
    return f"{fig.value}{'余' if fig.approx else ''}" if fig and fig.number is not None else "—"


def diff_reports(old: Loaded, new: Loaded) -> YearDiff:
    """Compare two data files: every metric id of either, and level-1 item titles per part."""
    old_figs = build_figures(old.data)
    new_figs = build_figures(new.data)
    rows = []
    for mid in [*new_figs, *(m for m in old_figs if m not in new_figs)]:
        a, b = old_figs.get(mid), new_figs.get(mid)
        shown = b or a
        assert shown is not None
        change = "—"
        if a is not None and b is not None and a.number is not None:
            change = short_change(replace(b, previous=a.number))
        rows.append(FigureRow(mid, shown.label, shown.unit or "—", _value(a), _value(b), change))
    parts = []
    for key, name in PARTS:
        before = [i.title for i in getattr(old.data, key)]
        after = [i.title for i in getattr(new.data, key)]
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
    """CSV with a header row: id, 指标, 单位, old year, new year, 增减."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "指标", "单位", f"{diff.old_year}年", f"{diff.new_year}年", "增减"])
    for r in diff.figures:
        writer.writerow([r.id, r.label, r.unit, r.old, r.new, r.change])
    return out.getvalue()
