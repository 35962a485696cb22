"""Figures: each metric's value, unit, rate and year-on-year change, as printed text.

A figure that cannot be printed honestly never prints: the checks refuse the data
(no value, a rate over a zero denominator, a cycle) before any context is built, and
asking a Figure without a number for its text is a bug, not a "—".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from lawgov_gen.data.model import Metric, ReportData

_TENTH = Decimal("0.1")
PERCENT = "%"


def number_text(x: Decimal | int | float) -> str:
    """A number as printed in a report: no grouping, no trailing zeros ("12.5", "130")."""
    d = Decimal(str(x))
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def percent_text(x: Decimal) -> str:
    """A percentage with one decimal place unless whole: "96.2", "100"."""
    q = x.quantize(_TENTH, rounding=ROUND_HALF_UP)
    return str(int(q)) if q == q.to_integral_value() else str(q)


class FigureUnavailable(RuntimeError):
    """A figure without a number was printed: the checks should have refused the data."""


Direction = Literal["up", "down", "same", "about_same"]


@dataclass(frozen=True)
class Change:
    """A change against last year: its direction and amount, worded for text or a cell."""

    direction: Direction
    amount: str  # "10.2%", "2.1个百分点", "15.5万元"; "" when the same
    relative: bool  # a percentage of last year (增长/下降) or an absolute difference (增加/减少)

    def _word(self) -> str:
        if self.amount.endswith("个百分点"):
            return {"up": "提高", "down": "下降"}[self.direction]
        if self.relative:
            return {"up": "增长", "down": "下降"}[self.direction]
        return {"up": "增加", "down": "减少"}[self.direction]

    @property
    def sentence(self) -> str:
        """As the text says it: 同比增长10.2%, 同比减少15.5万元, 提高2.1个百分点, 与上年持平."""
        if self.direction == "same":
            return "与上年持平"
        if self.direction == "about_same":
            return "与上年基本持平"
        prefix = "" if self.amount.endswith("个百分点") else "同比"
        return f"{prefix}{self._word()}{self.amount}"

    @property
    def cell(self) -> str:
        """As a table cell says it: 增长10.2%, 减少15.5万元, 提高2.1个百分点, 持平."""
        if self.direction == "same":
            return "持平"
        if self.direction == "about_same":
            return "基本持平"
        return f"{self._word()}{self.amount}"


@dataclass(frozen=True)
class Figure:
    """One metric as the text quotes it: `{{ m.id }}`, `.value`, `.prev`, `.change`."""

    id: str
    label: str
    unit: str
    number: Decimal | None
    previous: Decimal | None
    approx: bool = False
    is_rate: bool = False
    unlike_last_year: str = ""  # how the same id meant another thing last year (Q12)

    @property
    def in_points(self) -> bool:
        """A rate, or a percentage typed as a value (满意度 96.5%): changes in 个百分点."""
        return self.is_rate or self.unit == PERCENT

    def _number(self, number: Decimal | None) -> str:
        if number is None:
            raise FigureUnavailable(self.id)
        return percent_text(number) if self.is_rate else number_text(number)

    def approximate(self, number: str) -> str:
        """A printed number with 余 when the figure is approximate ("500余"): the one
        place 余 is added, for the text, the tables and the roll-up."""
        return f"{number}余" if self.approx else number

    def _with_unit(self, value: str) -> str:
        return self.approximate(value) + self.unit

    @property
    def value(self) -> str:
        """The bare number ("130", "96.2")."""
        return self._number(self.number)

    @property
    def text(self) -> str:
        """The number with 余 and unit ("130起", "500余份", "96.2%")."""
        return self._with_unit(self.value)

    @property
    def prev_value(self) -> str:
        """Last year's bare number."""
        return self._number(self.previous)

    @property
    def prev(self) -> str:
        """Last year's figure with its unit."""
        return self._with_unit(self.prev_value)

    @property
    def has_prev(self) -> bool:
        return self.previous is not None and self.number is not None

    @property
    def change_of(self) -> Change:
        """The change against last year, structured."""
        new, old = self.number, self.previous
        if new is None or old is None:
            raise FigureUnavailable(self.id)
        if self.in_points:
            points = (new - old).quantize(_TENTH, rounding=ROUND_HALF_UP)
            if points == 0:
                # 96.51% against 96.5%: not equal, so 基本持平, as a count whose change rounds to 0
                return Change("same" if new == old else "about_same", "", False)
            direction: Direction = "up" if points > 0 else "down"
            return Change(direction, f"{percent_text(abs(points))}个百分点", False)
        if new == old:
            return Change("same", "", False)
        if old <= 0 or new < 0:
            # no percentage of a zero or negative base: say the difference (万元 may be negative)
            diff = new - old
            return Change(
                "up" if diff > 0 else "down", f"{number_text(abs(diff))}{self.unit}", False
            )
        ratio = ((new - old) / old * 100).quantize(_TENTH, rounding=ROUND_HALF_UP)
        if ratio == 0:
            return Change("about_same", "", True)
        return Change("up" if ratio > 0 else "down", f"{abs(ratio)}%", True)

    @property
    def change(self) -> str:
        """The change against last year: 同比增长10.2% / 同比下降5.0% / 与上年持平."""
        return self.change_of.sentence

    def __str__(self) -> str:
        return self.text


def _dec(x: int | float | None) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def _ratio(num: Decimal | None, den: Decimal | None) -> Decimal | None:
    if num is None or den is None or den == 0:
        return None
    return num / den * 100


def same_meaning(metric: Metric, old: Metric) -> bool:
    """Whether last year's metric of the same id measured the same thing (kind and unit)."""
    if (metric.rate is None) != (old.rate is None):
        return False
    return metric.rate is not None or (metric.unit or "") == (old.unit or "")


def meaning_words(metric: Metric) -> str:
    """What a metric measures, as Q12 and the errors about it say: 比率, 以“件”计的数."""
    return "比率" if metric.rate is not None else f"以“{metric.unit or '（无单位）'}”计的数"


def changed_meanings(data: ReportData, previous: ReportData | None) -> dict[str, str]:
    """The metrics not comparable with last year's file, each with how its meaning changed
    ("上年是以“万元”计的数，今年是以“件”计的数"); a typed `prev` makes a metric comparable."""
    out: dict[str, str] = {}
    for mid, metric in data.metrics.items():
        old = previous.metrics.get(mid) if previous is not None else None
        if old is not None and metric.prev is None and not same_meaning(metric, old):
            out[mid] = f"上年是{meaning_words(old)}，今年是{meaning_words(metric)}"
    return out


def previous_values(data: ReportData, previous: ReportData | None) -> dict[str, Decimal]:
    """Last year's value of every metric: typed `prev` first, then last year's file
    (only when the metric meant the same thing last year)."""
    out: dict[str, Decimal] = {}
    for mid, metric in data.metrics.items():
        if metric.prev is not None:
            out[mid] = Decimal(str(metric.prev))
        elif previous is not None and mid in previous.metrics:
            old = previous.metrics[mid]
            if old.value is not None and metric.rate is None and same_meaning(metric, old):
                out[mid] = Decimal(str(old.value))
    return out


def build_figures(data: ReportData, previous: ReportData | None = None) -> dict[str, Figure]:
    """Every metric of the report as a Figure; rates computed from their two counts."""
    prevs = previous_values(data, previous)
    changed = changed_meanings(data, previous)
    return {
        mid: _figure(mid, metric, data, prevs, changed.get(mid, ""))
        for mid, metric in data.metrics.items()
    }


def _figure(
    mid: str, metric: Metric, data: ReportData, prevs: dict[str, Decimal], unlike: str
) -> Figure:
    own = prevs.get(mid)
    if metric.rate is not None:
        num_id, den_id = metric.rate
        num = data.metrics.get(num_id)
        den = data.metrics.get(den_id)
        value = _ratio(_dec(num.value) if num else None, _dec(den.value) if den else None)
        prev = own
        a, b = prevs.get(num_id), prevs.get(den_id)
        # last year's rate from last year's two figures (a typed prev wins, as for counts);
        # mixed with a disagreeing file (Q9) they may give no rate at all: then there is none
        # a count last year is no rate to compare with, whatever its operands were (Q12)
        if prev is None and not unlike and a is not None and b is not None:
            prev = _ratio(a, b)
            if prev is not None and not 0 <= prev <= 100:
                prev = None
        return Figure(
            mid, metric.label, PERCENT, value, prev, is_rate=True, unlike_last_year=unlike
        )
    number = _dec(metric.value)
    return Figure(mid, metric.label, metric.unit or "", number, own, metric.approx, False, unlike)
