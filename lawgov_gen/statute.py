"""The five statutory parts of 《法治政府建设与责任落实督察工作规定》 (厅字〔2019〕28号),
once: their keys in the data file, numbers, headings, the words that identify them,
whether they are required, and the short labels used in tables and messages.

Every stage reads this table: the model (title overrides), the context (headings),
the structure checks (required parts, keywords), diff and the importer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """One statutory part of the report."""

    key: str  # the data file's key
    number: int  # 1 → 一
    heading: str  # statutory wording; {year} and {next_year} are filled in
    keywords: tuple[str, ...]  # words an overridden heading must keep to still name the part
    recognise: tuple[str, ...]  # words by which an old report's heading is recognised
    required: str | None  # the key path that must not be empty (S1), or None
    label: str  # short label
    priority: int  # a heading that names several parts goes to the lowest (most specific)
    # part 二 only: the words that mark its shortcomings and its causes in an old report
    shortcoming_words: tuple[str, ...] = ()
    cause_words: tuple[str, ...] = ()

    @property
    def numeral(self) -> str:
        """一 for part 1 (five parts: no general numbering needed here)."""
        return "一二三四五"[self.number - 1]

    @property
    def described(self) -> str:
        """一、主要举措和成效（必填）: how help, comments and the starter name the part."""
        return f"{self.numeral}、{self.label}" + ("（必填）" if self.required else "")

    def title(self, year: int) -> str:
        """The heading with the year filled in (part 四 takes the next year)."""
        return self.heading.format(year=year, next_year=year + 1)


PARTS: tuple[Part, ...] = (
    Part(
        "measures",
        1,
        "{year}年推进法治政府建设的主要举措和成效",
        ("举措", "成效"),
        ("举措", "成效", "主要做法", "主要情况", "工作情况", "开展情况", "主要工作"),
        "measures",
        "主要举措和成效",
        5,
    ),
    Part(
        "problems",
        2,
        "{year}年推进法治政府建设存在的不足和原因",
        ("不足", "原因"),
        ("不足", "问题", "短板", "差距", "原因"),
        "problems.shortcomings",
        "不足和原因",
        2,
        ("不足", "问题"),
        ("原因",),
    ),
    Part(
        "duties",
        3,
        "{year}年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        ("第一责任人",),
        ("第一责任人", "主要负责人", "履行推进法治建设", "履职", "有关情况"),
        None,
        "第一责任人职责",
        1,
    ),
    Part(
        "plans",
        4,
        "{next_year}年推进法治政府建设的主要安排",
        ("安排",),
        ("安排", "打算", "计划", "下一步", "思路"),
        "plans",
        "主要安排",
        3,
    ),
    Part(
        "other",
        5,
        "其他需要报告的情况",
        ("其他",),
        ("其他", "行政应诉", "生效裁判", "出庭应诉", "行政诉讼"),
        None,
        "其他情况",
        4,
    ),
)

PART_BY_KEY: dict[str, Part] = {p.key: p for p in PARTS}
PART_KEYS: tuple[str, ...] = tuple(p.key for p in PARTS)
ITEM_PARTS: tuple[str, ...] = ("measures", "duties", "plans", "other")  # lists of items
