"""Figures: each metric's value, unit, rate and year-on-year change, as printed text."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from lawgov_gen.data.model import Metric, ReportData

_TENTH = Decimal("0.1")


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

    @property
    def value(self) -> str:
        """The bare number ("130", "96.2")."""
        if self.number is None:
            return "—"
        return percent_text(self.number) if self.is_rate else number_text(self.number)

    def _with_unit(self, number: Decimal | None) -> str:
        if number is None:
            return "—"
        text = percent_text(number) if self.is_rate else number_text(number)
        return f"{text}{'余' if self.approx else ''}{self.unit}"

    @property
    def text(self) -> str:
        """The number with 余 and unit ("130起", "500余份", "96.2%")."""
        return self._with_unit(self.number)

    @property
    def prev(self) -> str:
        """Last year's figure with its unit."""
        return self._with_unit(self.previous)

    @property
    def has_prev(self) -> bool:
        return self.previous is not None and self.number is not None

    @property
    def change(self) -> str:
        """The change against last year: 同比增长10.2% / 同比下降5.0% / 与上年持平."""
        if self.number is None or self.previous is None:
            return "—"
        if self.is_rate:
            points = (self.number - self.previous).quantize(_TENTH, rounding=ROUND_HALF_UP)
            if points == 0:
                return "与上年持平"
            word = "提高" if points > 0 else "下降"
            return f"{word}{percent_text(abs(points))}个百分点"
        if self.number == self.previous:
            return "与上年持平"
        if self.previous == 0:
            return f"同比增加{self._with_unit(self.number)}"
        ratio = (self.number - self.previous) / abs(self.previous) * 100
        q = ratio.quantize(_TENTH, rounding=ROUND_HALF_UP)
        if q == 0:
            return "与上年基本持平"
        word = "同比增长" if q > 0 else "同比下降"
        return f"{word}{abs(q)}%"

    def __str__(self) -> str:
        return self.text


def _dec(x: int | float | None) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def _ratio(num: Decimal | None, den: Decimal | None) -> Decimal | None:
    if num is None or den is None or den == 0:
        return None
    return num / den * 100


def previous_values(data: ReportData, previous: ReportData | None) -> dict[str, Decimal]:
    """Last year's value of every metric: typed `prev` first, then last year's file."""
    out: dict[str, Decimal] = {}
    for mid, metric in data.metrics.items():
        if metric.prev is not None:
            out[mid] = Decimal(str(metric.prev))
        elif previous is not None and mid in previous.metrics:
            old = previous.metrics[mid]
            if old.value is not None and metric.rate is None:
                out[mid] = Decimal(str(old.value))
    return out


def build_figures(data: ReportData, previous: ReportData | None = None) -> dict[str, Figure]:
    """Every metric of the report as a Figure; rates computed from their two counts."""
    prevs = previous_values(data, previous)
    out: dict[str, Figure] = {}
    for mid, metric in data.metrics.items():
        out[mid] = _figure(mid, metric, data, prevs)
    return out


def _figure(mid: str, metric: Metric, data: ReportData, prevs: dict[str, Decimal]) -> Figure:
    if metric.rate is not None:
        num_id, den_id = metric.rate
        num = data.metrics.get(num_id)
        den = data.metrics.get(den_id)
        value = _ratio(_dec(num.value) if num else None, _dec(den.value) if den else None)
        prev = prevs.get(mid)
        if prev is None:
            prev = _ratio(prevs.get(num_id), prevs.get(den_id))
        return Figure(mid, metric.label, "%", value, prev, is_rate=True)
    return Figure(
        mid, metric.label, metric.unit or "", _dec(metric.value), prevs.get(mid), metric.approx
    )
