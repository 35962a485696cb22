"""Q and T rules: figures add up, rates make sense, the text quotes real metrics."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from decimal import Decimal

from lawgov_gen.checks.registry import CheckInput, rule
from lawgov_gen.content.expressions import TextRenderer, find_references
from lawgov_gen.content.figures import number_text, previous_values
from lawgov_gen.diagnostics import Diagnostic


def _unknown(inp: CheckInput, mid: str) -> str:
    near = difflib.get_close_matches(mid, list(inp.data.metrics), n=3, cutoff=0.5)
    return f"最接近的是：{'、'.join(near)}" if near else "请先在 metrics 中定义它"


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
        if a > b:
            yield inp.at(("court", part), "Q2", f"{part_name}（{a}件）多于{whole_name}（{b}件）")


@rule("Q3", "error", "比率的分母为0，或比率超过100%", "核对分子、分母两个指标")
def rates(inp: CheckInput) -> Iterator[Diagnostic]:
    metrics = inp.data.metrics
    for mid, metric in metrics.items():
        if metric.rate is None:
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
        elif num.value > den.value:
            yield inp.at(
                ("metrics", mid, "rate"),
                "Q3",
                f"“{metric.label}”超过100%：分子 {number_text(num.value)} 大于分母 {number_text(den.value)}",
            )


@rule("Q4", "error", "引用了不存在的指标 id", "改为已定义的指标 id（消息列出最接近的）")
def unknown_ids(inp: CheckInput) -> Iterator[Diagnostic]:
    metrics = inp.data.metrics
    for mid, metric in metrics.items():
        refs: list[tuple[str, str]] = [("of", metric.of)] if metric.of else []
        refs += [(f"parts[{i}]", p) for i, p in enumerate(metric.parts or [])]
        refs += [(f"rate[{i}]", p) for i, p in enumerate(metric.rate or ())]
        for where, ref in refs:
            if ref not in metrics:
                key = where.split("[")[0]
                yield inp.at(
                    ("metrics", mid, key),
                    "Q4",
                    f"{where} 引用了不存在的指标“{ref}”：{_unknown(inp, ref)}",
                )
    ids = inp.data.report.metrics_table
    if isinstance(ids, list):
        for i, ref in enumerate(ids):
            if ref not in metrics:
                yield inp.at(
                    ("report", "metrics_table", i),
                    "Q4",
                    f"指标表引用了不存在的指标“{ref}”：{_unknown(inp, ref)}",
                )


@rule(
    "T1",
    "error",
    "文字中的 {{ }} 写法有误，或引用了报告数值以外的东西",
    "只写 {{ m.指标id }}、{{ year }} 等",
)
def text_references(inp: CheckInput) -> Iterator[Diagnostic]:
    meta = inp.data.report
    renderer = TextRenderer(
        inp.figures, {"year": "", "next_year": "", "short": meta.short, "org": meta.org}
    )
    for field in inp.prose():
        for issue in renderer.issues(field.value):
            level = "error"
            d = inp.sources.locate(
                field.path,
                issue.needle,
                issue.nth,
                level,
                issue.rule,
                issue.message,
                skip_needle=True,
            )
            yield d


_BARE_NUMBER = re.compile(r"(?<![\d.〔])(\d+(?:\.\d+)?)(?![\d.]|\s*[年月日号〕])")


def _strip_templates(text: str) -> str:
    return re.sub(r"\{\{.*?\}\}|\{%.*?%\}", lambda m: " " * len(m.group(0)), text, flags=re.S)


@rule(
    "Q5",
    "info",
    "文字中直接写了阿拉伯数字（年份、日期、文件名除外）",
    "把数字定义为指标，用 {{ m.指标id }} 引用",
)
def typed_numbers(inp: CheckInput) -> Iterator[Diagnostic]:
    for field in inp.prose("text", "lead", "title"):
        text = _strip_templates(field.value)
        text = re.sub(r"《[^》]*》", lambda m: " " * len(m.group(0)), text)
        for m in _BARE_NUMBER.finditer(text):
            nth = field.value[: m.start()].count(m.group(1))
            yield inp.find(
                field.path,
                m.group(1),
                nth,
                "Q5",
                f"数字“{m.group(1)}”直接写在文字里：请定义为指标并用 {{{{ m.指标id }}}} 引用，以免各处数字不一致",
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


@rule("Q7", "info", "定义了却从未引用的指标（且不在指标表中）", "在文字中引用，或删除")
def unused_metrics(inp: CheckInput) -> Iterator[Diagnostic]:
    table = inp.data.report.metrics_table
    if table is True:
        return
    used: set[str] = set(table) if isinstance(table, list) else set()
    for field in inp.prose():
        used |= find_references(field.value)
    for mid, metric in inp.data.metrics.items():
        referenced_by = any(
            mid in (m.parts or []) or mid in (m.rate or ()) or m.of == mid
            for m in inp.data.metrics.values()
        )
        if mid not in used and not referenced_by:
            yield inp.at(
                ("metrics", mid), "Q7", f"指标“{mid}”（{metric.label}）从未在文字中引用", key=True
            )


@rule("Q8", "warning", "与上年相比变化超过10倍，可能是笔误", "核对 value 与 prev")
def tenfold(inp: CheckInput) -> Iterator[Diagnostic]:
    prevs = previous_values(inp.data, inp.loaded.previous.data if inp.loaded.previous else None)
    for mid, metric in inp.data.metrics.items():
        prev = prevs.get(mid)
        if prev is None or metric.value is None or metric.rate is not None:
            continue
        value = Decimal(str(metric.value))
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
