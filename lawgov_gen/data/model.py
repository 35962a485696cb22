"""The typed model of a data file (schema version 1), validated by pydantic."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=False)]
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_]*$", max_length=64)]
Number = int | float


class Strict(BaseModel):
    """Unknown keys are errors; values keep their YAML types."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PartTitles(Strict):
    """Per-part heading overrides (without the 一、 numbering)."""

    measures: str | None = None
    problems: str | None = None
    duties: str | None = None
    plans: str | None = None
    other: str | None = None


class FontFiles(Strict):
    """Your own licensed font files for the PDF, per role (relative to the data file)."""

    title: str | None = None
    body: str | None = None
    heading1: str | None = None
    heading2: str | None = None
    page_number: str | None = None


class FontNames(Strict):
    """Font family names written into the Word styles, per role; files for the PDF."""

    title: str = "方正小标宋简体"
    body: str = "仿宋_GB2312"
    heading1: str = "黑体"
    heading2: str = "楷体_GB2312"
    page_number: str = "宋体"
    files: FontFiles = Field(default_factory=FontFiles)


class ReportMeta(Strict):
    """`report:` metadata of the document."""

    org: str = Field(min_length=1, max_length=60)
    short: str = Field(min_length=1, max_length=30)
    level: Literal["township", "county", "department"] = "township"
    year: int = Field(ge=2000, le=2100)
    date: dt.date
    title: str | None = Field(default=None, min_length=1, max_length=80)
    to: list[str] = Field(default_factory=list)
    doc_number: str | None = None
    index_number: str | None = None
    signature: str | None = Field(default=None, min_length=1, max_length=40)
    note: str | None = None
    attachments: list[str] = Field(default_factory=list)
    cc: list[str] = Field(default_factory=list)
    titles: PartTitles = Field(default_factory=PartTitles)
    ignore: list[str] = Field(default_factory=list)
    metrics_table: bool | list[Id] = False
    fonts: FontNames = Field(default_factory=FontNames)


class Metric(Strict):
    """One figure. Either `value` (typed) or `rate` (computed from two other figures)."""

    label: str = Field(min_length=1)
    value: Number | None = None
    unit: str | None = Field(default=None, max_length=6)
    prev: Number | None = None
    approx: bool = False
    of: Id | None = None
    parts: list[Id] | None = None
    rate: tuple[Id, Id] | None = None


class Point(Strict):
    """一是…二是… inside an item: a lead phrase and its text."""

    lead: str | None = None
    text: str | None = None


class Item(Strict):
    """A numbered item （一） with text, points and nested items."""

    title: str = Field(min_length=1)
    text: str | None = None
    points: list[Point] = Field(default_factory=list)
    points_style: Literal["inline", "block"] = "inline"
    items: list[Item] = Field(default_factory=list)


class Problems(Strict):
    """Part 二: shortcomings and their causes."""

    shortcomings: list[Point] = Field(default_factory=list)
    causes: list[Point] = Field(default_factory=list)


class Court(Strict):
    """Administrative litigation figures, printed as the first paragraph of part 五."""

    lawsuits: int = Field(default=0, ge=0)
    head_appearances: int = Field(default=0, ge=0)
    lost: int = Field(default=0, ge=0)
    judgments_due: int = Field(default=0, ge=0)
    judgments_performed: int = Field(default=0, ge=0)


class ReportData(Strict):
    """A whole data file after includes are merged."""

    version: Literal[1] = 1
    include: list[str] = Field(default_factory=list)
    previous: str | None = None
    report: ReportMeta
    intro: str | None = None
    metrics: dict[Id, Metric] = Field(default_factory=dict)
    measures: list[Item] = Field(default_factory=list)
    problems: Problems = Field(default_factory=Problems)
    duties: list[Item] = Field(default_factory=list)
    court: Court | None = None
    plans: list[Item] = Field(default_factory=list)
    other: list[Item] = Field(default_factory=list)

    @property
    def signature(self) -> str:
        return self.report.signature or self.report.org

    @property
    def title(self) -> str:
        meta = self.report
        return meta.title or f"{meta.short}{meta.year}年法治政府建设年度报告"


TOP_LEVEL_KEYS = tuple(ReportData.model_fields)
