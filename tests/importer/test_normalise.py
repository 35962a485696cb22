"""Shared normalisation: punctuation width, spaces, residue lines, metadata, joins."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from lawgov_gen.commands.importer import residue
from lawgov_gen.commands.importer.normalise import normalise
from lawgov_gen.commands.importer.paragraphs import SourceParagraph
from lawgov_gen.commands.importer.pipeline import can_join, finish, join_broken


def norm(text: str) -> tuple[str, dict[str, int]]:
    counts: Counter[str] = Counter()
    return normalise(text, counts), dict(counts)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("青禾镇坚持依法行政,全面推进法治建设.", "青禾镇坚持依法行政，全面推进法治建设."),
        ("现将有关情况报告如下:", "现将有关情况报告如下："),
        ("一是学法;二是用法", "一是学法；二是用法"),
        ("成效明显!是否达标?", "成效明显！是否达标？"),
        ("《示例纲要(2021-2025年)》", "《示例纲要（2021-2025年）》"),
        ("(1)加强学习", "（1）加强学习"),
        ("(一) 提高政治站位", "（一）提高政治站位"),
        ("会议8:30开始,共1,200人", "会议8:30开始，共1,200人"),
        ("增长3.5个百分点", "增长3.5个百分点"),
        ("详见https://www.example.gov.cn/a,b;c:d(1)", "详见https://www.example.gov.cn/a,b;c:d(1)"),
        ("网址:https://www.example.gov.cn/a,详见", "网址：https://www.example.gov.cn/a，详见"),
        ("Python (3.11) works, fine: yes", "Python (3.11) works, fine: yes"),
    ],
)
def test_half_width_punctuation_beside_chinese(raw: str, clean: str) -> None:
    assert norm(raw)[0] == clean


def test_punctuation_is_counted_per_mark() -> None:
    assert norm("依法行政,全面推进(试行)")[1] == {"半角标点改为全角": 3}


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("2023 年以来，共开展活动 164 余次。", "2023年以来，共开展活动164余次。"),
        ("青禾镇 2023 年法治政府建设 年度报告", "青禾镇2023年法治政府建设年度报告"),
        ("依法 行政，规范 执法。", "依法行政，规范执法。"),
        ("成功率达 96.2% ，比上年提高。", "成功率达96.2%，比上年提高。"),
        ("张 三", "张 三"),
        ("示例县青禾镇人民政府      2024年2月20日", "示例县青禾镇人民政府 2024年2月20日"),
        ("使用 PDF 文件，共 3 份。", "使用 PDF 文件，共3份。"),
    ],
)
def test_spaces(raw: str, clean: str) -> None:
    assert norm(raw)[0] == clean


def test_space_counters() -> None:
    assert norm("青禾镇 2023 年法治政府建设 年度报告")[1] == {
        "删除汉字与数字间的空格": 2,
        "删除汉字间的空格": 1,
    }
    assert norm("工作 ， 成效")[1] == {"删除标点旁的空格": 2}
    assert norm("调解成功率96.2 %，参学率 100 ％。") == (
        "调解成功率96.2%，参学率100％。",
        {"删除数字与百分号间的空格": 2, "删除汉字与数字间的空格": 1},
    )


def test_invisible_characters_and_indentation() -> None:
    assert norm("\u3000\u3000青\u200b禾镇\ufeff\u00a0依法行政。") == (
        "青禾镇依法行政。",
        {"删除不可见字符": 2, "删除行首缩进": 1, "删除汉字间的空格": 1},
    )


@pytest.mark.parametrize(
    "line",
    ["— 3 —", "- 12 -", "－3－", "第3页", "第 3 页 共 10 页", "共10页 第3页", "3/10", "Page 3"],
)
def test_page_numbers(line: str) -> None:
    assert residue.is_page_number(line)


def test_bare_digits_are_page_numbers_only_where_allowed() -> None:
    assert not residue.is_page_number("3")
    assert residue.is_page_number("3", bare=True)
    assert not residue.is_page_number("第3页至第5页的内容")


@pytest.mark.parametrize(
    "line",
    [
        "首页 > 政务公开 > 法治政府建设",
        "当前位置：首页 > 信息公开",
        "发布时间：2024-02-20 09:30 浏览量：321 字体：【大 中 小】",
        "来源：示例县青禾镇人民政府",
        "分享到：",
        "【打印本页】 【关闭窗口】",
        "【打印】【关闭】",
        "上一篇：青禾镇2022年法治政府建设年度报告",
        "扫一扫在手机上查看当前页面",
        "主办单位：示例县人民政府办公室 网站标识码：0000000000 示ICP备00000000号",
        "示公网安备 00000000000000号",
    ],
)
def test_website_residue(line: str) -> None:
    assert residue.is_residue(line)


@pytest.mark.parametrize(
    "line",
    [
        "青禾镇全年开展普法宣传活动15场次，发放资料2000余份。",
        "一、主要举措和成效",
        "群众用手机扫描二维码即可查询办件进度。",
        "关闭整治无证小作坊12家。",
        "全年政务网站访问量：12万人次。",
        "依法保护版权所有人的合法权益。",
        "活动主办单位：示例县司法局。",
    ],
)
def test_report_sentences_are_not_residue(line: str) -> None:
    assert not residue.is_residue(line)


def test_metadata_pairs_in_cells_and_lines() -> None:
    cells = [
        "索 引 号：",
        "00000000/2024-00001",
        "发文机关",
        "示例县青禾镇人民政府",
        "主题分类：",
        "综合政务",
    ]
    assert residue.metadata_pairs(cells) == (
        {"索引号": "00000000/2024-00001", "发布机构": "示例县青禾镇人民政府"},
        {0, 1, 2, 3, 4, 5},
    )
    line = "文号：青政〔2024〕3号 成文日期：2024-02-20 标题：青禾镇2023年法治政府建设年度报告"
    assert residue.metadata_pairs([line])[0] == {
        "文号": "青政〔2024〕3号",
        "成文日期": "2024-02-20",
        "标题": "青禾镇2023年法治政府建设年度报告",
    }


def p(text: str, **kw: Any) -> SourceParagraph:
    return SourceParagraph(text=text, **kw)


def test_join_rules() -> None:
    body = "镇司法所全年排查化解各类纠纷130起，调解成功率达"
    assert can_join(p(body), p("96.2%。"))
    assert not can_join(p(body + "96.2%。"), p("下一步，继续推进。"))
    assert not can_join(p(body), p("（二）推进依法决策"))
    assert not can_join(p(body), p("2.严格执法", label=None))
    assert not can_join(p(body), p("推进依法决策", label="（二）"))
    assert not can_join(p(body), p("推进依法决策。", bold_lead="推进依法决策。"))
    assert not can_join(p("（一）加强组织领导"), p("镇党委把法治建设纳入年度计划。"))
    assert not can_join(p("示例县青禾镇人民政府"), p("2024年2月20日"))
    assert not can_join(p("主要举措", heading=1), p("镇党委把法治建设纳入年度计划。"))
    assert can_join(p("1.加强学习。镇党委理论学习中心组全年开展集中学习"), p("12次。"))


def test_join_broken_keeps_the_first_part() -> None:
    counts: Counter[str] = Counter()
    parts = [
        p("全年排查化解各类纠纷130起，调解成功率达", where="第3行"),
        p("96.2%。", where="第5行"),
    ]
    assert join_broken(parts, counts) == [
        p("全年排查化解各类纠纷130起，调解成功率达96.2%。", where="第3行")
    ]
    assert counts == {"合并断开的段落": 1}


def test_finish_drops_residue_and_keeps_lead_a_prefix() -> None:
    counts: Counter[str] = Counter()
    raw = [
        p("  分享到:"),
        p("— 2 —"),
        p("（一）加强组织领导.", bold_lead="（一）加强组织领导."),
        p("(二)推进依法决策 ,镇政府全年审查合同18份。", bold_lead="(二)推进依法决策 ,"),
    ]
    assert finish(raw, counts) == [
        p("（一）加强组织领导.", bold_lead="（一）加强组织领导."),
        p("（二）推进依法决策，镇政府全年审查合同18份。", bold_lead="（二）推进依法决策，"),
    ]
    assert counts == {
        "删除网页残留": 1,
        "删除页码": 1,
        "半角标点改为全角": 3,
        "删除标点旁的空格": 1,
    }
