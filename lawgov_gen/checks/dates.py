"""D and N rules: dates, deadlines, 文号, addressees and the title."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from lawgov_gen.checks.registry import CheckInput, rule
from lawgov_gen.diagnostics import Diagnostic

DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]+〔\d{4}〕[1-9]\d*号$")
_BRACKETS = {
    "[": "]",
    "【": "】",
    "(": ")",
    "（": "）",
    "〔": "〕",
    "［": "］",
    "﹝": "﹞",
    "{": "}",
}


@rule("D1", "warning", "成文日期不在报告年度的下一年", "报告 year 年的情况，成文日期应在 year+1 年")
def date_year(inp: CheckInput) -> Iterator[Diagnostic]:
    meta = inp.data.report
    if meta.date.year != meta.year + 1:
        yield inp.at(
            ("report", "date"),
            "D1",
            f"成文日期 {meta.date.isoformat()} 不在 {meta.year + 1} 年：报告 {meta.year} 年情况，应在次年成文",
        )


@rule("D2", "warning", "乡镇、部门报告晚于次年3月1日报送", "在3月1日前成文报送")
def date_late(inp: CheckInput) -> Iterator[Diagnostic]:
    meta = inp.data.report
    deadline = dt.date(meta.year + 1, 3, 1)
    disclose = dt.date(meta.year + 1, 4, 1)
    if meta.level in ("township", "department") and deadline < meta.date < disclose:
        yield inp.at(("report", "date"), "D2", f"成文日期晚于 {meta.year + 1}年3月1日的报送期限")


@rule("D3", "error", "成文日期在次年4月1日或之后，超过公开期限", "在4月1日前完成并公开")
def date_disclosure(inp: CheckInput) -> Iterator[Diagnostic]:
    meta = inp.data.report
    if meta.date >= dt.date(meta.year + 1, 4, 1):
        yield inp.at(
            ("report", "date"),
            "D3",
            f"成文日期不早于 {meta.year + 1}年4月1日：已超过向社会公开的期限",
        )


def corrected_doc_number(text: str) -> str | None:
    """Best guess at the right form of a 文号 (代字〔YYYY〕N号)."""
    m = re.match(
        r"^\s*([\u4e00-\u9fff]+?)\s*[\[【(（〔［﹝{]?\s*(\d{4})\s*[\]】)）〕］﹞}]?\s*第?\s*0*(\d+)\s*号?\s*$",
        text,
    )
    if not m or m.group(3) == "":
        return None
    return f"{m.group(1)}〔{m.group(2)}〕{int(m.group(3))}号"


@rule(
    "N1",
    "error",
    "发文字号不是“代字〔年份〕序号号”的格式",
    "用六角括号〔〕，年份写全，不写“第”，序号不加0",
)
def doc_number_format(inp: CheckInput) -> Iterator[Diagnostic]:
    number = inp.data.report.doc_number
    if number is None or DOC_NUMBER.match(number):
        return
    reasons = []
    for opening in _BRACKETS:
        if opening != "〔" and opening in number:
            reasons.append(f"括号“{opening}{_BRACKETS[opening]}”应为六角括号“〔〕”")
    if "第" in number:
        reasons.append("不加“第”")
    if re.search(r"[〕\]】)）］}]\s*0\d", number):
        reasons.append("序号不加前导0")
    fixed = corrected_doc_number(number)
    hint = f"，应为“{fixed}”" if fixed and fixed != number else ""
    why = "；".join(reasons) or "格式应为“代字〔2025〕5号”"
    yield inp.at(("report", "doc_number"), "N1", f"发文字号“{number}”不规范：{why}{hint}")


@rule("N2", "error", "发文字号中的年份与成文日期的年份不同", "改为成文日期所在年份")
def doc_number_year(inp: CheckInput) -> Iterator[Diagnostic]:
    meta = inp.data.report
    if meta.doc_number is None:
        return
    m = re.search(r"(\d{4})", meta.doc_number)
    if m and int(m.group(1)) != meta.date.year:
        yield inp.at(
            ("report", "doc_number"),
            "N2",
            f"发文字号的年份 {m.group(1)} 与成文日期的年份 {meta.date.year} 不一致",
        )


@rule(
    "N3",
    "warning",
    "乡镇报告没有主送机关（report.to）",
    "写明上级党委、政府，如 [中共XX县委员会, XX县人民政府]",
)
def addressee(inp: CheckInput) -> Iterator[Diagnostic]:
    meta = inp.data.report
    if meta.level == "township" and not meta.to:
        yield inp.at(
            ("report",), "N3", "乡镇报告没有主送机关：请在 report.to 中写明上级党委、政府", key=True
        )


@rule(
    "N5",
    "warning",
    "报告级别（report.level）还没有填写",
    "填写 township（乡镇、街道）、county（县、区、市人民政府）或 department（部门）",
)
def level_known(inp: CheckInput) -> Iterator[Diagnostic]:
    if inp.data.report.level is None:
        yield inp.at(
            ("report", "level"),
            "N5",
            "报告级别（report.level）还没有填写：请填写 township（乡镇、街道）、county（县、区、"
            "市人民政府）或 department（部门），报送期限（D2）和主送机关（N3）的检查按级别进行",
        )


@rule(
    "N4",
    "warning",
    "标题缺少年份、“法治政府建设”或“报告”",
    "按“XX{年份}年法治政府建设年度报告”命名",
)
def title_words(inp: CheckInput) -> Iterator[Diagnostic]:
    meta = inp.data.report
    title = inp.data.title
    missing = [w for w in (f"{meta.year}", "法治政府建设", "报告") if w not in title]
    if "{{" in title:
        return
    if missing:
        path = ("report", "title") if meta.title else ("report",)
        yield inp.at(
            path, "N4", f"标题“{title}”缺少“{'、'.join(missing)}”：应为年度报告，而非工作总结"
        )


@rule(
    "D5", "error", "发布日期早于成文日期", "发布日期（report.publish_date）应在成文日期当天或之后"
)
def publish_before_written(inp: CheckInput) -> Iterator[Diagnostic]:
    meta = inp.data.report
    if meta.publish_date is not None and meta.publish_date < meta.date:
        yield inp.at(
            ("report", "publish_date"),
            "D5",
            f"发布日期 {meta.publish_date.isoformat()} 早于成文日期 {meta.date.isoformat()}：请核对",
        )


@rule("D6", "warning", "发布日期在次年4月1日或之后，超过公开期限", "在4月1日前向社会公开")
def publish_late(inp: CheckInput) -> Iterator[Diagnostic]:
    meta = inp.data.report
    if meta.publish_date is not None and meta.publish_date >= dt.date(meta.year + 1, 4, 1):
        yield inp.at(
            ("report", "publish_date"),
            "D6",
            f"发布日期不早于 {meta.year + 1}年4月1日：已超过向社会公开的期限",
        )


# 索引号: 机构代码-年份-流水号 (the code itself may hold hyphens; some sites write a slash)
_INDEX_YEAR = re.compile(r"(?:^|[-/])(\d{4})-\d+$")


@rule(
    "N6",
    "warning",
    "索引号中的年份与成文日期、发布日期的年份都不同（多是沿用了上年的索引号）",
    "按“机构代码-年份-流水号”填写本年的索引号",
)
def index_number_year(inp: CheckInput) -> Iterator[Diagnostic]:
    meta = inp.data.report
    found = _INDEX_YEAR.search(meta.index_number or "")
    if found is None:
        return
    years = {meta.date.year, (meta.publish_date or meta.date).year}
    if int(found.group(1)) not in years:
        shown = "、".join(str(y) for y in sorted(years))
        yield inp.at(
            ("report", "index_number"),
            "N6",
            f"索引号“{meta.index_number}”中的年份 {found.group(1)} 不是成文或发布的年份 {shown}："
            "是否沿用了上年的索引号？",
        )
