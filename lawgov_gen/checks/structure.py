"""S rules: the five statutory parts are there, complete and correctly named."""

from __future__ import annotations

from collections.abc import Iterator

from lawgov_gen.checks.registry import CheckInput, rule
from lawgov_gen.content.numbering import MAX_ITEM_LEVEL
from lawgov_gen.data.model import Item, ReportData
from lawgov_gen.data.source_map import KeyPath
from lawgov_gen.diagnostics import Diagnostic
from lawgov_gen.statute import ITEM_PARTS, PART_BY_KEY, PARTS, Part


def empty_parts(data: ReportData) -> list[Part]:
    """The statutory parts a report leaves empty (part 二 written as a paragraph is there;
    part 五 is empty without court figures or items, and then prints 无。)."""
    filled = {
        "measures": bool(data.measures),
        "problems": bool(data.problems.shortcomings or data.problems.intro),
        "duties": bool(data.duties),
        "plans": bool(data.plans),
        "other": bool(data.other or (data.court is not None and data.court.given)),
    }
    return [part for part in PARTS if not filled[part.key]]


@rule(
    "S1",
    "error",
    "缺少第一、二、四部分（measures、problems.shortcomings、plans）或其为空",
    "补写该部分，至少一项",
)
def required_parts(inp: CheckInput) -> Iterator[Diagnostic]:
    for part in empty_parts(inp.data):
        if part.required is None:
            continue
        path = tuple(part.required.split("."))
        where = "的“存在的不足”" if len(path) > 1 else f"“{part.label}”"
        name = f"第{part.numeral}部分{where}（{part.required}）"
        yield inp.at(path, "S1", f"缺少{name}：法定的五部分必须齐全，请至少写一项", key=True)


@rule("S2", "warning", "第三部分“第一责任人职责”（duties）为空", "补写党政主要负责人履职情况")
def duties_present(inp: CheckInput) -> Iterator[Diagnostic]:
    if PART_BY_KEY["duties"] in empty_parts(inp.data):
        yield inp.at(
            ("duties",),
            "S2",
            "第三部分“党政主要负责人履行第一责任人职责”为空，标题下将没有内容（不会替您印“无。”）：请补写履职情况",
            key=True,
        )


@rule("S3", "warning", "第二部分缺少原因（problems.causes）", "在 problems.causes 中写明原因")
def causes_present(inp: CheckInput) -> Iterator[Diagnostic]:
    if not inp.data.problems.causes:
        yield inp.at(
            ("problems",),
            "S3",
            "第二部分只写了不足，没有写原因（problems.causes）：法定内容是“不足和原因”",
            key=True,
        )


@rule("S4", "info", "第五部分没有内容，将印为“无。”", "如有行政应诉等情况，写在 court 或 other 中")
def other_empty(inp: CheckInput) -> Iterator[Diagnostic]:
    if PART_BY_KEY["other"] in empty_parts(inp.data):
        yield inp.at(
            ("other",), "S4", "第五部分“其他需要报告的情况”没有内容，将印为“无。”", key=True
        )


@rule(
    "S5",
    "warning",
    "report.titles 改写的标题不再包含法定内容",
    "保留法定标题中的关键词，或删除改写",
)
def title_overrides(inp: CheckInput) -> Iterator[Diagnostic]:
    titles = inp.data.report.titles
    for part in PARTS:
        value = getattr(titles, part.key)
        if value is None:
            continue
        missing = [w for w in part.keywords if w not in value]
        if missing:
            yield inp.at(
                ("report", "titles", part.key),
                "S5",
                f"改写的标题缺少“{'、'.join(missing)}”，不再对应法定内容“{part.title(inp.data.report.year)}”",
            )


def _items(items: list[Item], path: KeyPath, level: int) -> Iterator[tuple[Item, KeyPath, int]]:
    for i, item in enumerate(items):
        here = (*path, i)
        yield item, here, level
        yield from _items(item.items, (*here, "items"), level + 1)


def all_items(inp: CheckInput) -> Iterator[tuple[Item, KeyPath, int]]:
    """Every item of the parts with its key path and nesting level (1 = （一）)."""
    for part in ITEM_PARTS:
        yield from _items(getattr(inp.data, part), (part,), 1)
    problems = inp.data.problems
    for key in ("shortcomings", "causes"):
        for i, entry in enumerate(getattr(problems, key)):
            if isinstance(entry, Item):
                here = ("problems", key, i)
                yield entry, here, 1
                yield from _items(entry.items, (*here, "items"), 2)


@rule("S6", "error", "条目只有标题，没有 text、points 或 items", "为该条目补写内容")
def empty_items(inp: CheckInput) -> Iterator[Diagnostic]:
    for item, path, _ in all_items(inp):
        if not (item.text and item.text.strip()) and not item.points and not item.items:
            what = f"条目“{item.title}”只有标题" if item.title else "这一段没有文字"
            yield inp.at(path, "S6", f"{what}：请补写 text、points 或 items")


@rule("S7", "error", "条目嵌套超过（1）一级", "把更深的一层并入上一级的文字")
def nesting_depth(inp: CheckInput) -> Iterator[Diagnostic]:
    for item, path, level in all_items(inp):
        if level == MAX_ITEM_LEVEL and item.items:
            yield inp.at(
                (*path, "items"),
                "S7",
                "条目最多嵌套到（1）一级：请把这一层合并到上一级的文字中",
                key=True,
            )
