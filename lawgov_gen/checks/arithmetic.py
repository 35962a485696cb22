"""Q rules on the figures themselves: they add up, rates make sense, counts are whole."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from lawgov_gen.checks.graph import cycles
from lawgov_gen.checks.registry import CheckInput, rule
from lawgov_gen.content.figures import (
    PERCENT,
    changed_meanings,
    number_text,
    previous_values,
)
from lawgov_gen.data.model import Metric
from lawgov_gen.diagnostics import Diagnostic

# Units that count whole things: a fraction or a negative number of them is a typo.
COUNT_UNITS = frozenset(
    "人 名 位 人次 户 家 个 件 起 宗 次 场 场次 期 批 份 册 本 条 项 篇 所 处 村 部 台 张 套 支 队 届 轮 天".split()
)


@rule("Q1", "error", "parts 之和不等于 value", "改正分项或合计，使其相加相等")
def parts_sum(inp: CheckInput) -> Iterator[Diagnostic]:
    metrics = inp.data.metrics
    for mid, metric in metrics.items():
        if not metric.parts or metric.value is None:
            continue
        values = [metrics[p].value for p in metric.parts if p in metrics]
        if len(values) != len(metric.parts) or any(v is None for v in values):
            continue
        total = sum(Decimal(str(v)) for v in values if v is not None)
        value = Decimal(str(metric.value))
        if total != value:
            terms = " + ".join(number_text(Decimal(str(v))) for v in values if v is not None)
            yield inp.at(
                ("metrics", mid, "parts"),
                "Q1",
                f"“{metric.label}”的分项之和为 {number_text(total)}（{terms}），与 value {number_text(value)} "
                f"相差 {number_text(value - total)}：请改正分项或合计",
            )


@rule("Q2", "error", "部分大于整体（of），或行政应诉数字自相矛盾", "核对数字：部分不能超过整体")
def part_of_whole(inp: CheckInput) -> Iterator[Diagnostic]:
    metrics = inp.data.metrics
    for mid, metric in metrics.items():
        whole = metrics.get(metric.of) if metric.of else None
        if whole is None or metric.value is None or whole.value is None:
            continue
        if metric.value > whole.value:
            yield inp.at(
                ("metrics", mid, "value"),
                "Q2",
                f"“{metric.label}” {number_text(metric.value)} 大于其整体“{whole.label}” {number_text(whole.value)}",
            )
    court = inp.data.court
    if court is None:
        return
    pairs = (
        ("judgments_performed", "judgments_due", "已履行的生效裁判", "应履行的生效裁判"),
        ("head_appearances", "lawsuits", "负责人出庭应诉", "行政诉讼案件"),
        ("lost", "lawsuits", "败诉案件", "行政诉讼案件"),
    )
    for part, whole_key, part_name, whole_name in pairs:
        a, b = getattr(court, part), getattr(court, whole_key)
        if a is not None and b is not None and a > b:
            yield inp.at(("court", part), "Q2", f"{part_name}（{a}件）多于{whole_name}（{b}件）")


@rule("Q3", "error", "比率的分母为0，或比率（含写成 % 的数值）超过100%", "核对分子、分母两个指标")
def rates(inp: CheckInput) -> Iterator[Diagnostic]:
    metrics = inp.data.metrics
    for mid, metric in metrics.items():
        if metric.rate is None:
            if metric.unit == PERCENT and metric.value is not None and not 0 <= metric.value <= 100:
                yield inp.at(
                    ("metrics", mid, "value"),
                    "Q3",
                    f"“{metric.label}”为 {number_text(metric.value)}%，不在0–100%之间：请核对",
                )
            continue
        num, den = (metrics.get(x) for x in metric.rate)
        if num is None or den is None or num.value is None or den.value is None:
            continue
        if den.value == 0:
            yield inp.at(
                ("metrics", mid, "rate"),
                "Q3",
                f"“{metric.label}”的分母“{den.label}”为0，无法计算比率",
            )
        elif num.value < 0 or den.value < 0:
            yield inp.at(
                ("metrics", mid, "rate"),
                "Q3",
                f"“{metric.label}”的分子或分母是负数（{number_text(num.value)}、{number_text(den.value)}）：比率只能由非负的数计算",
            )
        elif num.value > den.value:
            yield inp.at(
                ("metrics", mid, "rate"),
                "Q3",
                f"“{metric.label}”超过100%：分子 {number_text(num.value)} 大于分母 {number_text(den.value)}",
            )


@rule("Q6", "warning", "作为比率分母的指标标了 approx（余）", "分母应为确数：去掉 approx")
def approx_denominator(inp: CheckInput) -> Iterator[Diagnostic]:
    metrics = inp.data.metrics
    for metric in metrics.values():
        if metric.rate is None:
            continue
        den = metrics.get(metric.rate[1])
        if den is not None and den.approx:
            yield inp.at(
                ("metrics", metric.rate[1], "approx"),
                "Q6",
                f"“{den.label}”是比率“{metric.label}”的分母，却是约数（余）：比率需要确数",
            )


@rule("Q8", "warning", "与上年相比变化超过10倍，可能是笔误", "核对 value 与 prev")
def tenfold(inp: CheckInput) -> Iterator[Diagnostic]:
    prevs = previous_values(inp.data, inp.loaded.previous.data if inp.loaded.previous else None)
    for mid, metric in inp.data.metrics.items():
        prev = prevs.get(mid)
        if prev is None or metric.value is None or metric.rate is not None:
            continue
        value = Decimal(str(metric.value))
        if value < 0 or prev < 0:
            continue  # money in 万元 may be negative: no "tenfold" between signs
        if (prev > 0 and (value > prev * 10 or value * 10 < prev)) or (prev == 0 and value > 10):
            yield inp.at(
                ("metrics", mid, "value"),
                "Q8",
                f"“{metric.label}”由上年的 {number_text(prev)} 变为 {number_text(value)}，变化超过10倍：请核对是否笔误",
            )


@rule(
    "Q9", "warning", "手写的 prev 与上年数据文件中的数值不一致", "删除 prev（自动取上年值）或改正"
)
def prev_disagrees(inp: CheckInput) -> Iterator[Diagnostic]:
    previous = inp.loaded.previous
    if previous is None:
        return
    for mid, metric in inp.data.metrics.items():
        old = previous.data.metrics.get(mid)
        if metric.prev is None or old is None or old.value is None:
            continue
        if Decimal(str(metric.prev)) != Decimal(str(old.value)):
            yield inp.at(
                ("metrics", mid, "prev"),
                "Q9",
                f"prev 为 {number_text(metric.prev)}，而上年数据文件中“{mid}”为 {number_text(old.value)}：以手写的 prev 为准，请核对",
            )


def _wholes(metrics: dict[str, Metric]) -> dict[str, list[str]]:
    """What each metric is a part of: its `of`, and every metric listing it in `parts`."""
    out: dict[str, dict[str, None]] = {
        mid: dict.fromkeys([m.of] if m.of else []) for mid, m in metrics.items()
    }
    for mid, metric in metrics.items():
        for part in metric.parts or []:
            if part in out:
                out[part][mid] = None  # a dict: ordered, and no list scan per part
    return {mid: list(whole) for mid, whole in out.items()}


@rule(
    "Q10",
    "error",
    "指标之间循环包含（of、parts），或比率的分子、分母是比率或其自身",
    "分子、分母应为直接填写数值的指标；去掉循环",
)
def relation_cycles(inp: CheckInput) -> Iterator[Diagnostic]:
    metrics = inp.data.metrics
    for mid, metric in metrics.items():
        for i, operand in enumerate(metric.rate or ()):
            other = metrics.get(operand)
            if operand == mid:
                yield inp.at(
                    ("metrics", mid, "rate"), "Q10", f"比率“{metric.label}”用自己作分子或分母"
                )
            elif other is not None and other.rate is not None:
                word = "分子" if i == 0 else "分母"
                yield inp.at(
                    ("metrics", mid, "rate"),
                    "Q10",
                    f"比率“{metric.label}”的{word}“{other.label}”本身是比率：请用直接填写数值的指标",
                )
    for cycle in cycles(_wholes(metrics), metrics):
        yield inp.at(
            ("metrics", cycle[0]), "Q10", f"指标之间循环包含：{' → '.join(cycle)}", key=True
        )


@rule(
    "Q11",
    "error",
    "计数单位（人、件、起、次……）的数值带小数或为负数",
    "计数应为非负整数；金额请用万元等单位",
)
def whole_counts(inp: CheckInput) -> Iterator[Diagnostic]:
    for mid, metric in inp.data.metrics.items():
        if metric.unit not in COUNT_UNITS:
            continue
        for key in ("value", "prev"):
            number = getattr(metric, key)
            if number is None:
                continue
            if number < 0:
                yield inp.at(
                    ("metrics", mid, key),
                    "Q11",
                    f"“{metric.label}”为 {number_text(number)}{metric.unit}，是负数：计数不能小于0",
                )
            elif Decimal(str(number)) != Decimal(str(number)).to_integral_value():
                yield inp.at(
                    ("metrics", mid, key),
                    "Q11",
                    f"“{metric.label}”为 {number_text(number)}{metric.unit}，带小数：以“{metric.unit}”计的数应为整数",
                )


@rule(
    "Q12",
    "warning",
    "同一指标 id 在上年数据文件中含义不同（计数与比率、单位不同），不计算增减",
    "改用新的指标 id，或在本文件写 prev",
)
def meaning_changed(inp: CheckInput) -> Iterator[Diagnostic]:
    previous = inp.loaded.previous
    if previous is None:
        return
    for mid, how in changed_meanings(inp.data, previous.data).items():
        yield inp.at(
            ("metrics", mid),
            "Q12",
            f"指标“{mid}”{how}：含义不同，不计算与上年相比的增减",
            key=True,
        )
