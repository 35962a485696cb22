"""C rules: a report that quotes the county's indicator catalogue gives every required
indicator, in the catalogue's unit, with its relations."""

from __future__ import annotations

from collections.abc import Iterator

from lawgov_gen.checks.registry import CheckInput, rule
from lawgov_gen.data.catalog import CatalogMetric
from lawgov_gen.data.model import Metric
from lawgov_gen.diagnostics import Diagnostic

_RELATIONS = ("of", "parts", "rate")


def _plain(value: object) -> object:
    return list(value) if isinstance(value, (list, tuple)) else value


def _said(value: object) -> str:
    """A relation as a message says it: “a”、“b” for a list, “a” for one id."""
    items = value if isinstance(value, list) else [value]
    return "、".join(f"“{item}”" for item in items)


def _quoted(inp: CheckInput) -> Iterator[tuple[str, Metric, CatalogMetric]]:
    """Each metric of the report that the catalogue defines, with the catalogue's entry."""
    catalog = inp.loaded.catalog
    if catalog is None:
        return
    for mid, metric in inp.data.metrics.items():
        standard = catalog.data.metrics.get(mid)
        if standard is not None:
            yield mid, metric, standard


@rule("C1", "error", "缺少指标目录中的必填指标", "在 metrics 中填写该指标的数值")
def required_indicators(inp: CheckInput) -> Iterator[Diagnostic]:
    catalog = inp.loaded.catalog
    if catalog is None:
        return
    for mid, standard in catalog.data.metrics.items():
        if standard.required and mid not in inp.data.metrics:
            yield inp.at(
                ("report", "catalog"),
                "C1",
                f"缺少指标目录“{catalog.data.catalog.name}”中的必填指标“{mid}”（{standard.label}）：请在 metrics 中填写",
            )


@rule("C2", "error", "指标的单位与指标目录不同", "改用目录中的单位（汇总时各乡镇的数字才能相加）")
def catalog_units(inp: CheckInput) -> Iterator[Diagnostic]:
    for mid, metric, standard in _quoted(inp):
        if standard.rate is None and (metric.unit or "") != (standard.unit or ""):
            yield inp.at(
                ("metrics", mid, "unit"),
                "C2",
                f"“{mid}”的单位是“{metric.unit or '（无）'}”，指标目录中是“{standard.unit or '（无）'}”：请改为目录中的单位",
            )


@rule("C3", "warning", "指标的名称与指标目录不同", "改用目录中的名称，或确认确是同一指标")
def catalog_labels(inp: CheckInput) -> Iterator[Diagnostic]:
    for mid, metric, standard in _quoted(inp):
        if metric.label != standard.label:
            yield inp.at(
                ("metrics", mid, "label"),
                "C3",
                f"“{mid}”的名称是“{metric.label}”，指标目录中是“{standard.label}”：汇总表按目录的名称列出",
            )


@rule(
    "C4",
    "error",
    "改写了指标目录中指标之间的关系（of、parts、rate）",
    "删除本文件中的 of/parts/rate，沿用目录",
)
def catalog_relations(inp: CheckInput) -> Iterator[Diagnostic]:
    for mid, metric, standard in _quoted(inp):
        for key in _RELATIONS:
            mine, theirs = _plain(getattr(metric, key)), _plain(getattr(standard, key))
            if mine is not None and theirs is not None and mine != theirs:
                yield inp.at(
                    ("metrics", mid, key),
                    "C4",
                    f"“{mid}”的 {key} 与指标目录不同：目录中是{_said(theirs)}，这里是{_said(mine)}：汇总时无法按目录计算",
                )
            elif mine is not None and theirs is None and key == "rate":
                yield inp.at(
                    ("metrics", mid, key), "C4", f"“{mid}”在指标目录中不是比率，这里却写成了比率"
                )
