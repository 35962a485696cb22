"""The disclosure block of the 公开版 (政府信息公开目录信息): 索引号, 发布机构, 成文日期,
发布日期, 主题分类, 文号, as a county site shows them above the text, and the values its
crawler metadata repeats. A value the data does not give (索引号, 文号) stays empty, as on
the sites: the label is there, nothing is made up for it."""

from __future__ import annotations

from dataclasses import dataclass

from lawgov_gen.content.prose import chinese_date
from lawgov_gen.data.model import DEFAULT_SUBJECT, ReportData


@dataclass(frozen=True)
class Disclosure:
    """The 公开目录信息 of one report, each value final (defaults applied), and who wrote it
    (org, short: the names a county's order lists it by)."""

    title: str
    org: str
    short: str
    year: int  # the year reported on
    index_number: str | None
    publisher: str
    date: str  # 成文日期 as printed: 2025年2月18日
    date_iso: str
    publish_date: str
    publish_date_iso: str
    subject: str
    doc_number: str | None

    @property
    def rows(self) -> list[tuple[str, str]]:
        """(label, value) in the order county sites show them; an absent value is empty."""
        return [
            ("索引号", self.index_number or ""),
            ("发布机构", self.publisher),
            ("成文日期", self.date),
            ("发布日期", self.publish_date),
            ("主题分类", self.subject),
            ("文号", self.doc_number or ""),
        ]


def build_disclosure(data: ReportData, title: str) -> Disclosure:
    """The block from `report`: 发布机构 defaults to org, 发布日期 to the 成文日期, 主题分类
    to DEFAULT_SUBJECT."""
    meta = data.report
    published = meta.publish_date or meta.date
    return Disclosure(
        title=title,
        org=meta.org,
        short=meta.short,
        year=meta.year,
        index_number=meta.index_number,
        publisher=meta.publisher or meta.org,
        date=chinese_date(meta.date),
        date_iso=meta.date.isoformat(),
        publish_date=chinese_date(published),
        publish_date_iso=published.isoformat(),
        subject=meta.subject or DEFAULT_SUBJECT,
        doc_number=meta.doc_number,
    )
