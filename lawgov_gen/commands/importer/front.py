"""The document around the body: 发文字号, title, 主送机关 before it; 附件说明, signature,
date, 附注 and 抄送 after it; and the website's disclosure metadata as a fallback."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from lawgov_gen.checks.dates import corrected_doc_number
from lawgov_gen.commands.importer.labels import chinese_to_int, split_label
from lawgov_gen.commands.importer.paragraphs import SourceDocument, SourceParagraph
from lawgov_gen.commands.starter import default_short

_DOC_NUMBER = re.compile(
    r"^[\u4e00-\u9fff]{1,10}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d+\s*号$"
)
# 上行文 print 签发人 on the 发文字号 line; the data file has no place for the signer.
_SIGNER = re.compile(r"\s*签发人\s*[:：]\s*(\S.*)$")
_TITLE_WORDS = ("法治政府建设", "法治建设", "依法行政", "法治政府")
_TITLE_KINDS = ("报告", "总结", "情况")
_ORG_END = re.compile(r"(人民政府|政府|办事处|委员会|管委会|局|办公室|中心|司法所|法院|检察院)$")
# Typists write the zero of 二〇二四 as 〇, ○ (a circle), O or the digit 0.
_ZERO = "〇零○0０OＯ"
_CN_DATE = re.compile(
    rf"^([{_ZERO}一二三四五六七八九]{{4}})年([一二三四五六七八九十]{{1,3}})月([一二三四五六七八九十]{{1,3}})日$"
)
_DATE = re.compile(r"^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$")
_NOTE = re.compile(r"^[（(](此件[^）)]*)[）)]$")
_YEAR = re.compile(r"(20\d\d)\s*年")
_TITLE_PLACE = re.compile(
    r"^(?:.{1,8}[省市县区旗](?=.+?[镇乡]))?(.{1,10}?(?:镇|乡|街道|县|区|市|旗))(?:人民政府)?(?:关于)?\d{4}年"
)


def parse_date(text: str) -> dt.date | None:
    """2024年1月25日, 2024-01-25, 2024.1.25 or 二〇二四年一月二十五日 as a date (None if not one)."""
    text = text.strip()
    m = _DATE.match(text)
    if m:
        numbers = [int(g) for g in m.groups()]
    else:
        m = _CN_DATE.match(text)
        if not m:
            return None
        year = re.sub(f"[{_ZERO}]", "〇", m.group(1))
        numbers = [chinese_to_int(g) for g in (year, m.group(2), m.group(3))]
    try:
        return dt.date(*numbers)
    except ValueError:
        return None


def is_title_text(text: str) -> bool:
    """A report's title: short, naming the rule-of-law work and a report or summary."""
    return (
        len(text) <= 70
        and any(w in text for w in _TITLE_WORDS)
        and any(w in text for w in _TITLE_KINDS)
    )


def _short_line(p: SourceParagraph) -> bool:
    text = p.text
    return (
        len(text) <= 40
        and not re.search(r"[，。；：]", text)
        and split_label(p).kind is None
        and not _DOC_NUMBER.match(text)
    )


def _org_above_title(paras: list[SourceParagraph]) -> bool:
    """An org line above a title that names the org again: a letterhead, not the title."""
    if len(paras) < 2 or not _is_org(paras[0].text):
        return False
    org, second = paras[0].text, paras[1].text
    return second.startswith((org, default_short(org))) and title_length(paras[1:]) > 0


def title_length(paras: list[SourceParagraph]) -> int:
    """How many of the first paragraphs form the title (a long title may be broken in two)."""
    if _org_above_title(paras):
        return 0
    for n in (1, 2, 3):
        lines = paras[:n]
        if len(lines) < n or not all(_short_line(p) for p in lines):
            return 0
        if is_title_text("".join(p.text for p in lines)):
            return n
    return 0


def _is_addressee(p: SourceParagraph) -> bool:
    """中共示例县委员会、示例县人民政府： (names, no sentence)."""
    text = p.text
    return (
        text.endswith(("：", ":"))
        and len(text) <= 80
        and not re.search(r"[，。；,]", text)
        and split_label(p).kind is None
    )


def _is_org(text: str) -> bool:
    return len(text) <= 40 and bool(_ORG_END.search(text)) and not re.search(r"[，。；：、]", text)


def _doc_number(text: str, front: Front) -> bool:
    """Take a 发文字号 line (maybe with 签发人 after it, or a 签发人 line alone) into `front`."""
    signer = _SIGNER.search(text)
    if signer and (not text[: signer.start()] or _DOC_NUMBER.match(text[: signer.start()])):
        front.warnings.append(
            f"原文的“签发人：{signer.group(1)}”没有对应的数据项，未导入："
            "lawgov-gen 生成的报告不印签发人"
        )
        text = text[: signer.start()]
        if not text:
            return True
    if not _DOC_NUMBER.match(text):
        return False
    front.report["doc_number"] = corrected_doc_number(text) or text
    return True


@dataclass
class Front:
    """What stands around the body, as `report:` values, and the body's paragraphs."""

    report: dict[str, Any] = field(default_factory=dict)
    body: list[SourceParagraph] = field(default_factory=list)
    found: dict[str, str] = field(default_factory=dict)  # what was recognised, for the summary
    warnings: list[str] = field(default_factory=list)


def split_front(doc: SourceDocument) -> Front:
    """Take the front matter and the ending off the document's paragraphs."""
    paras = list(doc.paragraphs)
    front = Front()
    report = front.report
    top_org = None
    # --- before the body
    while paras and title_length(paras) == 0 and len(paras[0].text) <= 40:
        text = paras[0].text
        if _doc_number(text, front):
            pass
        elif _is_org(text):
            top_org = text
        else:
            break
        paras.pop(0)
    n = title_length(paras)
    if n:
        title = "".join(p.text for p in paras[:n])
        del paras[:n]
        if top_org and title.startswith("关于"):
            title = top_org + title  # 某某镇人民政府 / 关于……的报告: one title on two lines
        report["title"] = title
    # 发文字号 printed under the title (as many published copies do)
    while paras and "doc_number" not in report and len(paras[0].text) <= 40:
        if not _doc_number(paras[0].text, front):
            break
        paras.pop(0)
    if paras and _is_addressee(paras[0]):
        names = paras.pop(0).text.rstrip("：:")
        report["to"] = [n.strip() for n in re.split(r"[、，,]", names) if n.strip()]
    # --- after the body, from the end: first an attachment page (附件 / its title / a table)
    for i, p in enumerate(paras):
        if re.fullmatch(r"附件\s*\d*", p.text) and i > 0:
            dropped = len(paras) - i
            del paras[i:]
            front.found["附件页"] = f"{dropped} 段"
            break
    tail: dict[str, Any] = {}
    while paras:
        text = paras[-1].text
        if text.startswith("抄送"):
            tail["cc"] = [
                n for n in re.split(r"[，、,]", text.split("：", 1)[-1].rstrip("。")) if n
            ]
        elif _NOTE.match(text):
            tail["note"] = _NOTE.match(text).group(1)  # type: ignore[union-attr]
        elif parse_date(text) is not None and "date" not in tail:
            tail["date"] = parse_date(text)
        elif _is_org(text) and "signature" not in tail and "date" in tail:
            tail["signature"] = text
        elif text.startswith("附件") and ("signature" in tail or "date" in tail):
            tail.setdefault("attachments", []).insert(0, re.sub(r"^附件\s*[:：]\s*", "", text))
        elif re.match(r"^\d+[.．]\S", text) and "attachments" in tail:
            tail["attachments"].insert(0, text)
        else:
            break
        paras.pop()
    attachments = [re.sub(r"^\d+[.．]\s*", "", a) for a in tail.pop("attachments", [])]
    if attachments:
        report["attachments"] = attachments
    report.update(tail)
    meta = doc.metadata
    org = report.pop("signature", None) or meta.get("发布机构") or top_org
    if org:
        report["org"] = org
    if "doc_number" not in report and meta.get("文号"):
        report["doc_number"] = corrected_doc_number(meta["文号"]) or meta["文号"]
    if "date" not in report and meta.get("成文日期"):
        parsed = parse_date(meta["成文日期"])
        if parsed:
            report["date"] = parsed
    if "title" not in report and meta.get("标题"):
        report["title"] = meta["标题"]
    if meta.get("索引号"):
        report["index_number"] = meta["索引号"]
    front.body = paras
    _year_and_names(front)
    return front


def _year_and_names(front: Front) -> None:
    report = front.report
    sources = [report.get("title", "")] + [p.text for p in front.body[:3]]
    year = next((int(m.group(1)) for t in sources if (m := _YEAR.search(t))), None)
    if year is None and isinstance(report.get("date"), dt.date):
        year = report["date"].year - 1
    if year is not None:
        report["year"] = year
    org = report.get("org")
    if org:
        report["short"] = default_short(org)
    elif m := _TITLE_PLACE.match(report.get("title", "")):
        report["short"] = m.group(1)  # no signature: the place the title names
    title = report.get("title")
    if title and year and title == f"{report.get('short')}{year}年法治政府建设年度报告":
        del report["title"]  # the default title: no need to keep it
