"""Units that make a figure dishonest (Q13), and last year's figures held to the rules
this year's obey (Q3, Q11): a comparison is only as honest as the number it starts from."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from lawgov_gen.checks.arithmetic import COUNT_UNITS
from lawgov_gen.checks.registry import CheckInput, rule
from lawgov_gen.content.figures import PERCENT, number_text, same_meaning
from lawgov_gen.data.model import Metric
from lawgov_gen.diagnostics import Diagnostic

FULL_WIDTH_PERCENT = "％"


def _unit(metric: Metric) -> str:
    return metric.unit or ""


def _unit_words(metric: Metric) -> str:
    return f"以“{metric.unit}”计" if metric.unit else "没有单位"


@rule(
    "Q13",
    "error",
    "单位用错：全角“％”；比率的分子、分母或部分与整体、分项与合计的单位不同；百分数作比率的分子、分母或标了 approx（余）",
    "百分号写半角 %；有关系的指标用同一单位；余只用于计数",
)
def units(inp: CheckInput) -> Iterator[Diagnostic]:
    metrics = inp.data.metrics
    off_catalog = _off_catalog(inp)  # once: a set per metric made the rule quadratic
    for mid, metric in metrics.items():
        if _unit(metric) == FULL_WIDTH_PERCENT:
            yield inp.at(
                ("metrics", mid, "unit"),
                "Q13",
                f"“{metric.label}”的单位是全角“％”：请改为半角“%”（百分数按0–100%核对、按个百分点比较）",
            )
        if metric.approx and metric.rate is None and _unit(metric) == PERCENT:
            yield inp.at(
                ("metrics", mid, "approx"),
                "Q13",
                f"“{metric.label}”是百分数，不能标 approx（会印成“{number_text(metric.value or 0)}余%”）：余只用于计数，请删除 approx",
            )
        yield from _related_units(inp, mid, metric, off_catalog)
    # reported under Q3 and Q11, the rules they break, from the rule that knows units
    yield from last_years_figures(inp)


def _off_catalog(inp: CheckInput) -> set[str]:
    """Metrics whose unit or relations are not the catalogue's: C2 and C4 name them."""
    catalog = inp.loaded.catalog
    out: set[str] = set()
    for mid, metric in inp.data.metrics.items():
        standard = catalog.data.metrics.get(mid) if catalog else None
        if standard is None:
            continue
        if standard.rate is None and _unit(metric) != (standard.unit or ""):
            out.add(mid)
        for key in ("of", "parts", "rate"):
            mine, theirs = getattr(metric, key), getattr(standard, key)
            if mine is None or (theirs is None and key != "rate"):
                continue
            if theirs is None or list(mine) != list(theirs):
                out.add(mid)
    return out


def _related_units(
    inp: CheckInput, mid: str, metric: Metric, off_catalog: set[str]
) -> Iterator[Diagnostic]:
    metrics = inp.data.metrics
    related = {
        mid,
        *(metric.rate or ()),
        *(metric.parts or ()),
        *([metric.of] if metric.of else []),
    }
    if related & off_catalog:
        return
    if metric.rate is not None:
        num, den = (metrics.get(x) for x in metric.rate)
        if num is None or den is None or num.rate is not None or den.rate is not None:
            return  # Q4 and Q10 speak of these
        for word, operand in (("分子", num), ("分母", den)):
            if _unit(operand) == PERCENT:
                yield inp.at(
                    ("metrics", mid, "rate"),
                    "Q13",
                    f"比率“{metric.label}”的{word}“{operand.label}”是百分数：分子、分母应为计数或金额，请改用原始数字",
                )
                return
        if _unit(num) != _unit(den):
            yield inp.at(
                ("metrics", mid, "rate"),
                "Q13",
                f"比率“{metric.label}”的分子“{num.label}”{_unit_words(num)}，分母“{den.label}”{_unit_words(den)}：分子、分母应使用同一单位",
            )
    whole = metrics.get(metric.of) if metric.of else None
    if (
        whole is not None
        and whole.rate is None
        and metric.rate is None
        and _unit(metric) != _unit(whole)
    ):
        yield inp.at(
            ("metrics", mid, "of"),
            "Q13",
            f"“{metric.label}”{_unit_words(metric)}，其整体“{whole.label}”{_unit_words(whole)}：部分与整体应使用同一单位",
        )
    for i, part_id in enumerate(metric.parts or ()):
        part = metrics.get(part_id)
        if part is not None and part.rate is None and _unit(part) != _unit(metric):
            yield inp.at(
                ("metrics", mid, "parts", i),
                "Q13",
                f"“{metric.label}”的分项“{part.label}”{_unit_words(part)}，合计{_unit_words(metric)}：分项与合计应使用同一单位",
            )


def percent_out_of_range(label: str, number: Decimal, whose: str = "") -> str | None:
    """Q3's words for a percentage outside 0–100, or None when it is inside."""
    if 0 <= number <= 100:
        return None
    return f"“{label}”{whose}为 {number_text(number)}%，不在0–100%之间：请核对"


def count_problem(label: str, number: Decimal, unit: str) -> str | None:
    """Q11's words for a count that is negative or fractional, or None when it is whole."""
    if number < 0:
        return f"“{label}”为 {number_text(number)}{unit}，是负数：计数不能小于0"
    if number != number.to_integral_value():
        return f"“{label}”为 {number_text(number)}{unit}，带小数：以“{unit}”计的数应为整数"
    return None


def last_years_figures(inp: CheckInput) -> Iterator[Diagnostic]:
    """Q3 for a typed `prev` of a percentage or rate, and Q3/Q11 for the figure the report
    takes from last year's file, found at its line there."""
    previous = inp.loaded.previous
    for mid, metric in inp.data.metrics.items():
        in_points = metric.rate is not None or _unit(metric) == PERCENT
        if metric.prev is not None:
            number = Decimal(str(metric.prev))
            message = percent_out_of_range(metric.label, number, "的上年数（prev）")
            if in_points and message:
                yield inp.at(("metrics", mid, "prev"), "Q3", message)
            continue
        old = previous.data.metrics.get(mid) if previous else None
        if previous is None or old is None or old.value is None or metric.rate is not None:
            continue
        if not same_meaning(metric, old):
            continue
        number = Decimal(str(old.value))
        if _unit(metric) == PERCENT:
            rule_id, message = "Q3", percent_out_of_range(old.label, number)
        elif _unit(metric) in COUNT_UNITS:
            rule_id, message = "Q11", count_problem(old.label, number, _unit(metric))
        else:
            continue
        if message:
            path = ("metrics", mid, "value")
            yield previous.sources.diag(path, inp.levels[rule_id], rule_id, message)
