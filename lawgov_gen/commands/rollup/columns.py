"""The roll-up's columns: a column per catalogue indicator and per metric id that two or
more reports share (a figure given in another unit gets a column of its own), and the court
figures when some report gives them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from lawgov_gen.checks.runner import Checked
from lawgov_gen.data.model import Metric

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


def _column(mid: str, metric: Metric) -> Column:
    if metric.rate is not None:
        return Column(mid, metric.label, "%", "rate", rate=tuple(metric.rate))  # type: ignore[arg-type]
    kind: Kind = "percent" if metric.unit == "%" else "count"
    return Column(
        mid, metric.label, metric.unit or "", kind, of=metric.of, parts=tuple(metric.parts or ())
    )


def columns_of(loaded: list[Checked]) -> list[Column]:
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
