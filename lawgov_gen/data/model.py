"""The typed model of a data file (schema version 1), validated by pydantic.

Strings that are report text carry a TextRole in their annotation (Prose, Title, Lead,
Words), so the writing rules, the importer and the fuzz tests know which strings are
printed; unmarked strings are identifiers, settings or paths.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    create_model,
    model_validator,
)
from pydantic_core import PydanticCustomError

from lawgov_gen.data.court import MAX_COUNT, Court
from lawgov_gen.statute import PARTS


@dataclass(frozen=True)
class TextRole:
    """Marks a string field as printed text; `role` is title, text, lead or words."""

    role: str


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("text_blank", "不能为空（或只有空格）：请填写，或删除这一项")
    return value


Prose = Annotated[str, TextRole("text")]
Title = Annotated[str, TextRole("title"), AfterValidator(_not_blank)]
Lead = Annotated[str, TextRole("lead"), AfterValidator(_not_blank)]
# short printed strings: names, labels, units
Words = Annotated[str, TextRole("words"), AfterValidator(_not_blank)]
# YAML 1.1 reads these as 是/否 or 空值: an id spelled so means another thing to other tools
_YAML_WORDS = {w for word in ("yes", "no", "on", "off", "true", "false", "null")
               for w in (word, word.title(), word.upper())}  # fmt: skip


def _not_a_yaml_word(value: str) -> str:
    if value in _YAML_WORDS:
        message = "在 YAML 中表示是/否或空值，不能用作指标 id：请换一个，如 {id}_count"
        raise PydanticCustomError("id_yaml_word", message, {"id": value})
    return value


Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_]*$", max_length=64),
               AfterValidator(_not_a_yaml_word)]  # fmt: skip

# A township's figures are counts of cases, people, events or money in 万元; a larger
# number is a typo or a unit mistake, and would print as an absurd official figure.
MAX_FIGURE = MAX_COUNT
MIN_FIGURE = 1e-4  # below a ten-thousandth nothing a report counts is measured
# Entries of one list (items, points, shortcomings…): far beyond any report, and within
# what the numbering can write (chinese_number goes to 9999).
MAX_ENTRIES = 999


def _figure(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError(
            "figure_bool", "应为数字，现在是 yes/no/true/false（YAML 把它读成了是/否）"
        )
    if not isinstance(value, (int, float)):
        raise PydanticCustomError("figure_type", "应为数字")
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError(
            "figure_nan", "应为数字，现在是 .nan 或 .inf（不是数）：请写实际的数"
        )
    if value and abs(value) < MIN_FIGURE:
        raise PydanticCustomError(
            "figure_tiny", "数值 {shown} 过小：请核对小数点的位置", {"shown": f"{value:.3g}"}
        )
    if abs(value) > MAX_FIGURE:
        shown = f"{value:.3g}" if isinstance(value, float) else f"{str(value)[:12]}…"
        raise PydanticCustomError(
            "figure_huge",
            "数值 {shown} 过大（超过 10 亿）：请核对是否多写了数字或用错了单位",
            {"shown": shown},
        )
    return value


Number = Annotated[int | float, BeforeValidator(_figure)]


class Strict(BaseModel):
    """Unknown keys are errors; values keep their YAML types."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# Per-part heading overrides (without the 一、 numbering), one optional key per part.
PartTitles: type[Strict] = create_model(  # type: ignore[call-overload]
    "PartTitles",
    __base__=Strict,
    __doc__="Per-part heading overrides (without the 一、 numbering).",
    **{p.key: (Title | None, None) for p in PARTS},
)

ReportDate = Annotated[dt.date, Field(ge=dt.date(2000, 1, 1), le=dt.date(2101, 12, 31))]
DEFAULT_SUBJECT = "综合政务"  # 主题分类 when none is given: the State Council's class for these
FONT_ROLES = ("title", "body", "heading1", "heading2", "page_number")


class FontFiles(Strict):
    """Your own licensed font files for the PDF, per role (relative to the data file)."""

    title: str | None = None
    body: str | None = None
    heading1: str | None = None
    heading2: str | None = None
    page_number: str | None = None


def _font_name(value: str) -> str:
    if not value.strip() or any(c in '"\\;{}<>' or not c.isprintable() for c in value):
        raise PydanticCustomError(
            "font_name", "字体名称只能是字体的名字，如 仿宋_GB2312（不能含引号、分号、花括号等）"
        )
    return value


# a family name as Word and CSS know it: never markup in disguise
FontName = Annotated[str, StringConstraints(max_length=64), AfterValidator(_font_name)]


class FontNames(Strict):
    """Font family names written into the Word styles, per role; files for the PDF."""

    title: FontName = "方正小标宋简体"
    body: FontName = "仿宋_GB2312"
    heading1: FontName = "黑体"
    heading2: FontName = "楷体_GB2312"
    page_number: FontName = "宋体"
    files: FontFiles = Field(default_factory=FontFiles)


class ReportMeta(Strict):
    """`report:` metadata of the document."""

    org: Words = Field(min_length=1, max_length=60)
    short: Words = Field(min_length=1, max_length=30)
    # null: not known yet (an import could not tell it from the org's name); check says so
    level: Literal["township", "county", "department"] | None = "township"
    year: int = Field(ge=2000, le=2100, strict=True)
    date: ReportDate
    title: Title | None = Field(default=None, min_length=1, max_length=80)
    to: list[Words] = Field(default_factory=list)
    doc_number: Words | None = None
    index_number: Words | None = Field(default=None, max_length=60)  # 索引号 (公开版 only)
    publisher: Words | None = Field(default=None, max_length=60)  # 发布机构; default: org
    publish_date: ReportDate | None = None  # 发布日期; default: date
    subject: Words | None = Field(default=None, max_length=30)  # 主题分类; default: DEFAULT_SUBJECT
    signature: Words | None = Field(default=None, min_length=1, max_length=40)
    note: Words | None = None
    attachments: list[Words] = Field(default_factory=list)
    cc: list[Words] = Field(default_factory=list)
    titles: PartTitles = Field(default_factory=PartTitles)  # type: ignore[valid-type]
    ignore: list[str] = Field(default_factory=list)
    metrics_table: bool | list[Id] = False
    fonts: FontNames = Field(default_factory=FontNames)
    catalog: str | None = None


class LeftOut(Strict):
    """A report a 合计 does not add up, and why (written by `summary --metrics-out`)."""

    report: Words
    why: Words


class Metric(Strict):
    """One figure. Either `value` (typed) or `rate` (computed from two other figures).
    `left_out`: for a 合计, the reports whose figure it does not include (Q14 when quoted)."""

    label: Words = Field(min_length=1)
    value: Number | None = None
    unit: Words | None = Field(default=None, max_length=6)
    prev: Number | None = None
    approx: bool = False
    of: Id | None = None
    parts: list[Id] | None = None
    rate: tuple[Id, Id] | None = None
    left_out: list[LeftOut] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_a_value(self) -> Metric:
        if self.rate is None and self.value is None:
            raise PydanticCustomError(
                "figure_missing", "还没有填写数值：请写 value（比率请写 rate: [分子, 分母]）"
            )
        return self


class Point(Strict):
    """一是…二是… inside an item: a lead phrase and its text."""

    lead: Lead | None = None
    text: Prose | None = None


class Item(Strict):
    """A numbered item （一） with text, points and nested items.

    Without a title it is a run of paragraphs (and points) under the heading above,
    unnumbered: a part may open with a paragraph before its （一） items.
    """

    title: Title | None = Field(default=None, min_length=1)
    text: Prose | None = None
    points: list[Point] = Field(default_factory=list, max_length=MAX_ENTRIES)
    points_style: Literal["inline", "block"] = "inline"
    items: list[Item] = Field(default_factory=list, max_length=MAX_ENTRIES)

    @model_validator(mode="after")
    def _untitled_has_no_items(self) -> Item:
        if self.title is None and self.items:
            raise PydanticCustomError(
                "untitled_items", "没有标题（title）的段落不能再有下级条目（items）"
            )
        return self


def _point_or_item(value: Any) -> str:
    # a model instance, or any other YAML value (text, list): a point, refused as a point
    keys = set(value) if isinstance(value, dict) else set(getattr(value, "__dict__", ()))
    return "item" if keys & {"title", "points", "items", "points_style"} else "point"


# An entry of part 二: a point (lead, text) unless it has a title, points or items.
Finding = Annotated[
    Annotated[Point, Tag("point")] | Annotated[Item, Tag("item")],
    Discriminator(_point_or_item),
]


class Problems(Strict):
    """Part 二: shortcomings and their causes, as 一是 points or as titled items."""

    intro: Prose | None = None
    shortcomings: list[Finding] = Field(default_factory=list, max_length=MAX_ENTRIES)
    causes: list[Finding] = Field(default_factory=list, max_length=MAX_ENTRIES)


class ReportData(Strict):
    """A whole data file after includes are merged."""

    version: Literal[1] = 1
    include: list[str] = Field(default_factory=list)
    previous: str | None = None
    report: ReportMeta
    intro: Prose | None = None
    metrics: dict[Id, Metric] = Field(default_factory=dict)
    measures: list[Item] = Field(default_factory=list, max_length=MAX_ENTRIES)
    problems: Problems = Field(default_factory=Problems)
    duties: list[Item] = Field(default_factory=list, max_length=MAX_ENTRIES)
    court: Court | None = None
    plans: list[Item] = Field(default_factory=list, max_length=MAX_ENTRIES)
    other: list[Item] = Field(default_factory=list, max_length=MAX_ENTRIES)

    @property
    def signature(self) -> str:
        return self.report.signature or self.report.org

    @property
    def title(self) -> str:
        meta = self.report
        return meta.title or f"{meta.short}{meta.year}年法治政府建设年度报告"


def _role_of(annotation: Any) -> str | None:
    if get_origin(annotation) is Annotated:
        for meta in annotation.__metadata__:
            if isinstance(meta, TextRole):
                return meta.role
    for arg in get_args(annotation):
        role = _role_of(arg)
        if role is not None:
            return role
    return None


@cache
def text_role(model: type[BaseModel], name: str) -> str | None:
    """The TextRole of a model field (title, text, lead, words), None when not printed."""
    field = model.model_fields[name]
    for meta in field.metadata:
        if isinstance(meta, TextRole):
            return meta.role
    return _role_of(field.annotation)
