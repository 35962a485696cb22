"""Q and T rules about references: the text and the relations quote real metrics, every
metric is quoted, and numbers typed in the text."""

from __future__ import annotations

from collections.abc import Iterator

from lawgov_gen.checks.registry import CheckInput, rule
from lawgov_gen.content.expressions import (
    VARIABLES,
    TextRenderer,
    nearest_ids,
    quoted_ids,
    quotes,
)
from lawgov_gen.content.typed_numbers import figures_in
from lawgov_gen.diagnostics import Diagnostic


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
                    f"{where} 引用了不存在的指标“{ref}”：{nearest_ids(ref, inp.data.metrics)}",
                )
    ids = inp.data.report.metrics_table
    if isinstance(ids, list):
        for i, ref in enumerate(ids):
            if ref not in metrics:
                yield inp.at(
                    ("report", "metrics_table", i),
                    "Q4",
                    f"指标表引用了不存在的指标“{ref}”：{nearest_ids(ref, inp.data.metrics)}",
                )


@rule(
    "T1",
    "error",
    "文字中的 {{ }} 写法有误，或引用了报告数值以外的东西",
    "只写 {{ m.指标id }}、{{ year }} 等",
)
def text_references(inp: CheckInput) -> Iterator[Diagnostic]:
    renderer = TextRenderer(inp.figures, dict.fromkeys(VARIABLES, ""))
    for text in inp.prose():
        if text.role == "words":
            # names, labels, units and the like print as written: no {{ }} in them
            if "{{" in text.value:
                yield inp.find(
                    text,
                    text.value.index("{{"),
                    "T1",
                    "这里不能用 {{ }}：机关名称、主送、署名、附注、附件名、指标名称和单位都按原样印出",
                )
            continue
        for issue in renderer.issues(text.value):
            yield inp.find(text, issue.index, issue.rule, issue.message)


@rule(
    "Q5",
    "info",
    "文字中直接写了阿拉伯数字（年份、日期、文件名除外）",
    "把数字定义为指标，用 {{ m.指标id }} 引用",
)
def typed_numbers(inp: CheckInput) -> Iterator[Diagnostic]:
    for text in inp.prose("text", "lead", "title"):
        # the same notion of a figure as `import --metrics`: what it leaves as text is not one
        for m in figures_in(text.value):
            yield inp.find(
                text,
                m.start(),
                "Q5",
                f"数字“{m.group(0)}”直接写在文字里：请定义为指标并用 {{{{ m.指标id }}}} 引用，以免各处数字不一致",
            )


@rule("Q7", "info", "定义了却从未引用的指标（且不在指标表中）", "在文字中引用，或删除")
def unused_metrics(inp: CheckInput) -> Iterator[Diagnostic]:
    table = inp.data.report.metrics_table
    if table is True:
        return
    used: set[str] = set(table) if isinstance(table, list) else set()
    for text in inp.prose():
        used |= quoted_ids(text.value)
    referenced: set[str] = (
        set()
    )  # by another metric's parts, rate or of: one pass, not one per metric
    for m in inp.data.metrics.values():
        referenced.update(m.parts or (), m.rate or (), [m.of] if m.of else ())
    for mid, metric in inp.data.metrics.items():
        referenced_by = mid in referenced
        pos = inp.sources.positions.get(("metrics", mid))
        shared = (
            pos is not None and inp.sources.root is not None and pos.source is not inp.sources.root
        )
        if mid not in used and not referenced_by and not shared:  # an included file lends figures
            yield inp.at(
                ("metrics", mid), "Q7", f"指标“{mid}”（{metric.label}）从未在文字中引用", key=True
            )


def _left_out(inp: CheckInput, mid: str) -> list[str]:
    """The reports a 合计 (or a rate of two 合计) leaves out: "乙镇（没有填写）"."""
    metric = inp.data.metrics.get(mid)
    if metric is None:
        return []
    own = [*metric.left_out]
    for operand in metric.rate or ():
        other = inp.data.metrics.get(operand)
        own += other.left_out if other is not None else []
    return list(dict.fromkeys(f"{x.report}（{x.why}）" for x in own))


@rule(
    "Q14",
    "warning",
    "引用的合计数不全：汇总时有报告的这个数字没有计入（合计数文件的 left_out）",
    "补齐或改正各报告的数字后重新 lawgov-gen summary，或在文字中写明不含哪些单位",
)
def incomplete_sums(inp: CheckInput) -> Iterator[Diagnostic]:
    def message(mid: str, missing: list[str]) -> str:
        label = inp.data.metrics[mid].label
        return (
            f"“{label}”的合计不全，不含：{'、'.join(missing)}：这不是全部单位的数字，"
            "请补齐后重新汇总，或在文字中写明不含哪些单位"
        )

    for text in inp.prose():
        for index, mid in quotes(text.value):
            missing = _left_out(inp, mid)
            if missing:
                yield inp.find(text, index, "Q14", message(mid, missing))
    table = inp.data.report.metrics_table
    shown = list(inp.data.metrics) if table is True else table or []
    for mid in shown:
        missing = _left_out(inp, mid)
        if missing:
            yield inp.at(("report", "metrics_table"), "Q14", "指标表中" + message(mid, missing))
