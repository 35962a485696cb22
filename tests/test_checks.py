"""`lawgov-gen check`: every rule of rules.md with its id, level, line, column and message.

Each rule test breaks the minimal valid report in exactly one way and compares the whole
stdout of `check`, so a finding from another rule (or a missing one) fails the test. The
tests run inside tmp_path and pass relative names, so printed paths are stable.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from lawgov_gen.checks import RULES
from lawgov_gen.checks.runner import NOT_IGNORABLE
from tests.helpers import EXAMPLES, MINIMAL, char_at, invoke
from tests.helpers import check_lines as check

Minimal = Callable[..., Path]
Write = Callable[..., Path]

# Rule id → the test that breaks it (checked against RULES by test_every_rule_has_a_test).
RULE_TESTS = {
    "S1": "test_s1_required_part_empty",
    "S2": "test_s2_duties_empty",
    "S3": "test_s3_causes_missing",
    "S4": "test_s4_part_five_empty",
    "S5": "test_s5_title_override_drops_statutory_words",
    "S6": "test_s6_item_with_title_only",
    "S7": "test_s7_nesting_too_deep",
    "D1": "test_d1_date_not_in_following_year",
    "D2": "test_d2_late_to_body_above",
    "D3": "test_d3_past_disclosure_deadline",
    "N1": "test_n1_doc_number_format",
    "N2": "test_n2_doc_number_year",
    "N3": "test_n3_township_without_addressee",
    "N4": "test_n4_title_is_not_an_annual_report",
    "N5": "test_n5_level_not_known",
    "Q1": "test_q1_parts_do_not_add_up",
    "Q2": "test_q2_part_exceeds_whole",
    "Q3": "test_q3_bad_rate",
    "Q4": "test_q4_unknown_metric_id",
    "Q5": "test_q5_number_typed_in_text",
    "Q6": "test_q6_approx_denominator",
    "Q7": "test_q7_unused_metric",
    "Q8": "test_q8_tenfold_change",
    "Q9": "test_q9_prev_disagrees_with_previous_file",
    "T1": "test_t1_bad_template_reference",
    "F1": "test_f1_ascii_punctuation",
    "F2": "test_f2_space_between_chinese_and_digit",
    "F3": "test_f3_leftovers",
    "F4": "test_f4_nested_book_title_marks",
    "F5": "test_f5_typed_numbering",
    "F6": "test_f6_common_misuse",
    "F7": "test_f7_control_character",
    "F8": "test_verbatim_text.py::test_f8_invisible_characters",
    "Q10": "test_honest_figures.py::test_q10_cycles_and_rates_of_rates",
    "Q11": "test_honest_figures.py::test_q11_fraction_or_negative_count",
    "Q12": "test_honest_figures.py::test_q12_metric_meaning_changed",
    "Q13": "test_figure_units.py::test_q13_a_unit_that_makes_a_figure_dishonest",
    "Q14": "test_county_sums.py::test_the_county_report_is_told_at_each_line_that_quotes_an_incomplete_sum",
    "S8": "test_starter.py::test_s8_starter_samples_not_replaced",
    "C1": "test_county.py::test_c1_required_indicator_missing",
    "C2": "test_county.py::test_c2_unit_differs",
    "C3": "test_county.py::test_c3_label_differs",
    "C4": "test_county.py::test_c4_relations_differ",
    "D4": "test_carried.py::test_d4_a_filled_draft_still_says_last_year",
    "D5": "test_disclosure_rules.py::test_d5_published_before_written",
    "D6": "test_disclosure_rules.py::test_d6_published_after_the_deadline",
    "N6": "test_disclosure_rules.py::test_n6_last_years_index_number",
    # judged from the PDF fonts: tested in test_pdf.py
    "P1": "test_pdf.py::test_rare_character_fallback_is_reported",
    "P2": "test_pdf.py::test_character_no_font_has_is_an_error",
    "P3": "test_font_policy.py::test_p3_a_role_in_a_face_of_another_style",
    "P4": "test_font_policy.py::test_p4_no_chinese_font_is_said_not_passed_silently",
}

# The levels of rules.md (S7, Q9 and T1 are additions of the code: two errors, one warning).
LEVELS = {
    "S1": "error", "S2": "warning", "S3": "warning", "S4": "info", "S5": "warning",
    "S6": "error", "S7": "error",
    "D1": "warning", "D2": "warning", "D3": "error",
    "N1": "error", "N2": "error", "N3": "warning", "N4": "warning",
    "N5": "warning", "Q1": "error", "Q2": "error", "Q3": "error", "Q4": "error", "Q5": "info", "Q6": "warning",
    "Q7": "info", "Q8": "warning", "Q9": "warning", "T1": "error",
    "F1": "warning", "F2": "warning", "F3": "error", "F4": "warning", "F5": "error",
    "F6": "info", "F7": "error", "P1": "warning", "P2": "error", "P3": "warning", "P4": "warning",
    # additions for honest figures and clean text
    "F8": "error", "Q10": "error", "Q11": "error", "Q12": "warning", "S8": "warning",
    "Q13": "error",
    "Q14": "warning",
    # the county's indicator catalogue
    "C1": "error", "C2": "error", "C3": "warning", "C4": "error",
    # a draft made by init --from
    "D4": "warning",
    # the 公开版's disclosure block
    "D5": "error", "D6": "warning", "N6": "warning",
}  # fmt: skip

# Pieces of MINIMAL that the tests replace (line numbers are those of MINIMAL).
DUTY_TEXT = "主要负责人带头学法。"  # line 27, starts at column 11
DUTIES = "duties:\n  - title: 带头学法\n    text: 主要负责人带头学法。\n"  # lines 25–27
PLANS = "plans:\n  - title: 提升依法行政能力\n    text: 健全依法决策机制。\n"  # lines 33–35
CAUSES = "  causes:\n    - lead: 培训不够\n      text: 学法培训针对性不强。\n"  # lines 22–24
# lines 28–32:
COURT = (
    "court:\n  lawsuits: 2\n  head_appearances: 2\n  judgments_due: 1\n  judgments_performed: 1\n"
)
TO = "  to: [中共示例县委员会, 示例县人民政府]\n"  # line 7
LAST_METRIC = "  rate: {label: 调解成功率, rate: [solved, cases]}\n"  # line 13
# The tails of some long messages.
ALLOWED = "只能引用 m.指标id（及 .value .prev .change）、year、next_year、short、org"
UNCLOSED = "“{{”没有对应的“}}”：写成 {{ m.指标id }}；文字中要写“{{”本身，请写 {{ '{{' }}"
Q5_TAIL = "直接写在文字里：请定义为指标并用 {{ m.指标id }} 引用，以免各处数字不一致"


pytestmark = pytest.mark.usefixtures("in_tmp")


def expect(name: str, lines: list[str], status: int, strict_status: int | None = None) -> None:
    """`check NAME` prints exactly `lines` and exits with `status` (and `strict_status`)."""
    code, out = check(name)
    assert out == lines
    assert code == status
    if strict_status is not None:
        code, out = check(name, "--strict")
        assert out == lines
        assert code == strict_status


# --- the rule table -----------------------------------------------------------------------


def test_every_rule_has_a_test(minimal: Minimal) -> None:
    minimal()
    check("report.yaml")  # a run registers every rule module
    assert set(RULES) == set(RULE_TESTS)
    import importlib

    for rule_id, name in RULE_TESTS.items():
        if "::" in name:
            module_name, func = name.split("::")
            module = importlib.import_module(f"tests.{module_name.removesuffix('.py')}")
            assert callable(getattr(module, func, None)), (rule_id, name)
            continue
        assert callable(globals().get(name)), f"{rule_id}: no test function {name}"
        assert name.startswith(f"test_{rule_id.lower()}_"), (rule_id, name)


def test_rule_levels_match_rules_md(minimal: Minimal) -> None:
    minimal()
    check("report.yaml")
    assert {rule_id: r.level for rule_id, r in RULES.items()} == LEVELS
    for r in RULES.values():
        assert r.catches and r.fix, r.id


def test_minimal_report_has_no_findings(minimal: Minimal) -> None:
    minimal()
    expect("report.yaml", [], 0, 0)
    code, out = check("report.yaml", "--format", "json")
    assert (code, json.loads("\n".join(out))) == (0, [])


@pytest.mark.parametrize("name", ["township.yaml", "township-2023.yaml"])
def test_examples_pass_strict_with_no_findings(name: str) -> None:
    result = invoke("check", "--strict", str(EXAMPLES / name))
    assert result.stdout == ""
    assert result.exit_code == 0


# --- S: structure ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "where", "name"),
    [
        (PLANS, "plans: []\n", "33:1", "第四部分“主要安排”（plans）"),
        (
            "  shortcomings:\n    - lead: 能力不足\n      text: 少数干部法治意识不强。\n",
            "  shortcomings: []\n",
            "19:3",
            "第二部分的“存在的不足”（problems.shortcomings）",
        ),
        # A part left out altogether has no line of its own: the file's start.
        (PLANS, "", "1:1", "第四部分“主要安排”（plans）"),
    ],
)
def test_s1_required_part_empty(
    minimal: Minimal, old: str, new: str, where: str, name: str
) -> None:
    minimal((old, new))
    expect(
        "report.yaml",
        [f"report.yaml:{where}: 错误 S1 缺少{name}：法定的五部分必须齐全，请至少写一项"],
        1,
    )


def test_s1_measures_empty(write: Write) -> None:
    text = MINIMAL.replace(
        "measures:\n  - title: 加强组织领导\n    text: |\n"
        "      全年调解纠纷{{ m.cases }}，调解成功{{ m.solved }}，成功率{{ m.rate }}。\n",
        "measures: []\n",
    )
    assert "measures: []" in text
    # The figures are then quoted nowhere else: metrics_table keeps Q7 quiet.
    write(text.replace(TO, TO + "  metrics_table: true\n"))
    expect(
        "report.yaml",
        [
            "report.yaml:15:1: 错误 S1 缺少第一部分“主要举措和成效”（measures）："
            "法定的五部分必须齐全，请至少写一项"
        ],
        1,
    )


def test_s2_duties_empty(minimal: Minimal) -> None:
    minimal((DUTIES, "duties: []\n"))
    expect(
        "report.yaml",
        [
            "report.yaml:25:1: 警告 S2 第三部分“党政主要负责人履行第一责任人职责”为空，"
            "标题下将没有内容（不会替您印“无。”）：请补写履职情况"
        ],
        0,
        1,
    )


def test_s3_causes_missing(minimal: Minimal) -> None:
    minimal((CAUSES, ""))
    expect(
        "report.yaml",
        [
            "report.yaml:18:1: 警告 S3 第二部分只写了不足，没有写原因（problems.causes）："
            "法定内容是“不足和原因”"
        ],
        0,
        1,
    )


def test_s4_part_five_empty(minimal: Minimal) -> None:
    minimal((COURT, "other: []\n"))
    expect(
        "report.yaml",
        ["report.yaml:28:1: 提示 S4 第五部分“其他需要报告的情况”没有内容，将印为“无。”"],
        0,
        0,  # info never blocks, not even with --strict
    )


def test_s4_quiet_with_court_figures_or_other_items(minimal: Minimal) -> None:
    minimal((COURT, "other:\n  - title: 其他情况\n    text: 无重大事项。\n"))
    expect("report.yaml", [], 0, 0)


@pytest.mark.parametrize(
    ("key", "title", "col", "missing", "statutory"),
    [
        (
            "duties",
            "主要负责人履职情况",
            13,
            "第一责任人",
            "2024年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        ),
        ("problems", "存在的不足", 15, "原因", "2024年推进法治政府建设存在的不足和原因"),
    ],
)
def test_s5_title_override_drops_statutory_words(
    minimal: Minimal, key: str, title: str, col: int, missing: str, statutory: str
) -> None:
    minimal((TO, f"{TO}  titles:\n    {key}: {title}\n"))
    assert char_at("report.yaml", 9, col, len(title)) == title
    expect(
        "report.yaml",
        [f"report.yaml:9:{col}: 警告 S5 改写的标题缺少“{missing}”，不再对应法定内容“{statutory}”"],
        0,
        1,
    )


def test_s5_quiet_when_override_keeps_the_words(minimal: Minimal) -> None:
    minimal((TO, f"{TO}  titles:\n    measures: 2024年推进法治政府建设的主要举措和成效\n"))
    expect("report.yaml", [], 0, 0)


def test_s6_item_with_title_only(minimal: Minimal) -> None:
    minimal((f"    text: {DUTY_TEXT}\n", ""))
    assert char_at("report.yaml", 26, 5, 5) == "title"
    expect(
        "report.yaml",
        ["report.yaml:26:5: 错误 S6 条目“带头学法”只有标题：请补写 text、points 或 items"],
        1,
    )


def test_s6_quiet_with_points_only(minimal: Minimal) -> None:
    minimal(
        (
            f"    text: {DUTY_TEXT}\n",
            "    points:\n      - lead: 带头学法\n        text: 学习宪法。\n",
        )
    )
    expect("report.yaml", [], 0, 0)


def test_s7_nesting_too_deep(minimal: Minimal) -> None:
    minimal(
        (
            f"    text: {DUTY_TEXT}\n",
            "    items:\n"
            "      - title: 第二级\n"
            "        items:\n"
            "          - title: 第三级\n"
            "            items:\n"  # line 31: the （1） level may not nest further
            "              - title: 第四级\n"
            "                text: 太深了。\n",
        )
    )
    assert char_at("report.yaml", 31, 13, 5) == "items"
    expect(
        "report.yaml",
        ["report.yaml:31:13: 错误 S7 条目最多嵌套到（1）一级：请把这一层合并到上一级的文字中"],
        1,
    )


def test_s7_quiet_at_the_deepest_allowed_level(minimal: Minimal) -> None:
    minimal(
        (
            f"    text: {DUTY_TEXT}\n",
            "    items:\n      - title: 第二级\n        items:\n"
            "          - title: 第三级\n            text: 到此为止。\n",
        )
    )
    expect("report.yaml", [], 0, 0)


# --- D: dates ------------------------------------------------------------------------------


def test_d1_date_not_in_following_year(minimal: Minimal) -> None:
    minimal(("2025-02-20", "2024-12-30"))
    assert char_at("report.yaml", 6, 9, 10) == "2024-12-30"
    expect(
        "report.yaml",
        [
            "report.yaml:6:9: 警告 D1 成文日期 2024-12-30 不在 2025 年："
            "报告 2024 年情况，应在次年成文"
        ],
        0,
        1,
    )


@pytest.mark.parametrize("level", ["township", "department"])
def test_d2_late_to_body_above(minimal: Minimal, level: str) -> None:
    minimal(("2025-02-20", "2025-03-02"), ("  year:", f"  level: {level}\n  year:"))
    expect("report.yaml", ["report.yaml:7:9: 警告 D2 成文日期晚于 2025年3月1日的报送期限"], 0, 1)


@pytest.mark.parametrize(
    ("date", "level"),
    [("2025-03-01", "township"), ("2025-03-02", "county"), ("2025-03-31", "county")],
)
def test_d2_quiet_on_the_deadline_or_for_a_county(minimal: Minimal, date: str, level: str) -> None:
    minimal(("2025-02-20", date), ("  year:", f"  level: {level}\n  year:"))
    expect("report.yaml", [], 0, 0)


def test_d3_past_disclosure_deadline(minimal: Minimal) -> None:
    minimal(("2025-02-20", "2025-04-01"))  # D3 replaces D2: the later deadline is the one missed
    expect(
        "report.yaml",
        ["report.yaml:6:9: 错误 D3 成文日期不早于 2025年4月1日：已超过向社会公开的期限"],
        1,
    )


def test_d3_not_on_31_march(minimal: Minimal) -> None:
    minimal(("2025-02-20", "2025-03-31"))
    expect("report.yaml", ["report.yaml:6:9: 警告 D2 成文日期晚于 2025年3月1日的报送期限"], 0, 1)


# --- N: numbers and names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("示政[2025]05号", "括号“[]”应为六角括号“〔〕”；序号不加前导0，应为“示政〔2025〕5号”"),
        ("示政【2025】第05号", "括号“【】”应为六角括号“〔〕”；不加“第”，应为“示政〔2025〕5号”"),
        ("示政（2025）5号", "括号“（）”应为六角括号“〔〕”，应为“示政〔2025〕5号”"),
        ("示政〔2025〕05号", "序号不加前导0，应为“示政〔2025〕5号”"),
        ("示政〔25〕5号", "格式应为“代字〔2025〕5号”"),
    ],
)
def test_n1_doc_number_format(minimal: Minimal, number: str, why: str) -> None:
    minimal(("  to:", f"  doc_number: {number}\n  to:"))
    assert char_at("report.yaml", 7, 15, len(number)) == number
    expect("report.yaml", [f"report.yaml:7:15: 错误 N1 发文字号“{number}”不规范：{why}"], 1)


def test_n1_quiet_for_a_correct_number(minimal: Minimal) -> None:
    minimal(("  to:", "  doc_number: 示政〔2025〕15号\n  to:"))
    expect("report.yaml", [], 0, 0)


def test_n2_doc_number_year(minimal: Minimal) -> None:
    minimal(("  to:", "  doc_number: 示政〔2024〕5号\n  to:"))
    expect(
        "report.yaml",
        ["report.yaml:7:15: 错误 N2 发文字号的年份 2024 与成文日期的年份 2025 不一致"],
        1,
    )


def test_n3_township_without_addressee(minimal: Minimal) -> None:
    minimal((TO, ""))
    expect(
        "report.yaml",
        ["report.yaml:2:1: 警告 N3 乡镇报告没有主送机关：请在 report.to 中写明上级党委、政府"],
        0,
        1,
    )


def test_n3_quiet_for_a_county(minimal: Minimal) -> None:
    minimal((TO, "  level: county\n"))
    expect("report.yaml", [], 0, 0)


def test_n4_title_is_not_an_annual_report(minimal: Minimal) -> None:
    minimal(("  to:", "  title: 示例镇2024年法治工作总结\n  to:"))
    expect(
        "report.yaml",
        [
            "report.yaml:7:10: 警告 N4 标题“示例镇2024年法治工作总结”缺少“法治政府建设、报告”："
            "应为年度报告，而非工作总结"
        ],
        0,
        1,
    )


def test_n5_level_not_known(minimal: Minimal) -> None:
    minimal(("  short: 示例镇\n", "  short: 示例镇\n  level:\n"))
    expect(
        "report.yaml",
        [
            "report.yaml:5:9: 警告 N5 报告级别（report.level）还没有填写：请填写 township（乡镇、街道）、"
            "county（县、区、市人民政府）或 department（部门），报送期限（D2）和主送机关（N3）的检查按级别进行"
        ],
        0,
        1,
    )


def test_n4_names_a_missing_year(minimal: Minimal) -> None:
    minimal(("  to:", "  title: 示例镇2023年法治政府建设年度报告\n  to:"))
    code, out = check("report.yaml")
    assert out == [
        "report.yaml:7:10: 警告 N4 标题“示例镇2023年法治政府建设年度报告”缺少“2024”："
        "应为年度报告，而非工作总结"
    ]
    assert code == 0


# --- Q: figures ----------------------------------------------------------------------------


def test_q1_parts_do_not_add_up(minimal: Minimal) -> None:
    minimal(
        (
            LAST_METRIC,
            LAST_METRIC
            + "  penalty: {label: 行政处罚, value: 14, unit: 件, parts: [closed, open]}\n"
            "  closed: {label: 已结案, value: 10, unit: 件}\n"
            "  open: {label: 未结案, value: 3, unit: 件}\n",
        ),
        (DUTY_TEXT, "主要负责人带头学法，行政处罚{{ m.penalty }}。"),
    )
    assert char_at("report.yaml", 14, 53) == "["
    expect(
        "report.yaml",
        [
            "report.yaml:14:53: 错误 Q1 “行政处罚”的分项之和为 13（10 + 3），与 value 14 相差 1："
            "请改正分项或合计"
        ],
        1,
    )


@pytest.mark.parametrize(
    ("key", "value", "where", "message"),
    [
        ("judgments_performed", 2, "32:24", "已履行的生效裁判（2件）多于应履行的生效裁判（1件）"),
        ("head_appearances", 3, "30:21", "负责人出庭应诉（3件）多于行政诉讼案件（2件）"),
        ("lost", 3, "33:9", "败诉案件（3件）多于行政诉讼案件（2件）"),
    ],
)
def test_q2_part_exceeds_whole(
    minimal: Minimal, key: str, value: int, where: str, message: str
) -> None:
    if key == "lost":
        minimal((COURT, f"{COURT}  lost: {value}\n"))
    else:
        old = {
            "judgments_performed": "judgments_performed: 1",
            "head_appearances": "head_appearances: 2",
        }
        minimal((old[key], f"{key}: {value}"))
    expect("report.yaml", [f"report.yaml:{where}: 错误 Q2 {message}"], 1)


def test_q2_metric_larger_than_its_whole(minimal: Minimal) -> None:
    minimal(
        (LAST_METRIC, LAST_METRIC + "  closed: {label: 结案, value: 131, unit: 起, of: cases}\n"),
        (DUTY_TEXT, "主要负责人带头学法，结案{{ m.closed }}。"),
    )
    assert char_at("report.yaml", 14, 30, 3) == "131"
    expect("report.yaml", ["report.yaml:14:30: 错误 Q2 “结案” 131 大于其整体“调解纠纷” 130"], 1)


@pytest.mark.parametrize(
    ("reviews", "changed", "message"),
    [
        (0, 0, "“纠错率”的分母“复议案件”为0，无法计算比率"),
        (4, 5, "“纠错率”超过100%：分子 5 大于分母 4"),
    ],
)
def test_q3_bad_rate(minimal: Minimal, reviews: int, changed: int, message: str) -> None:
    minimal(
        (
            LAST_METRIC,
            LAST_METRIC + f"  reviews: {{label: 复议案件, value: {reviews}, unit: 件}}\n"
            f"  changed: {{label: 纠错, value: {changed}, unit: 件}}\n"
            "  ratio: {label: 纠错率, rate: [changed, reviews]}\n",
        ),
        (DUTY_TEXT, "主要负责人带头学法，纠错率{{ m.ratio }}。"),
    )
    assert char_at("report.yaml", 16, 29) == "["
    expect("report.yaml", [f"report.yaml:16:29: 错误 Q3 {message}"], 1)


def test_q4_unknown_metric_id(minimal: Minimal) -> None:
    minimal(("{{ m.cases }}", "{{ m.case }}"))
    assert char_at("report.yaml", 17, 16, 6) == "m.case"
    expect(
        "report.yaml",
        ["report.yaml:17:16: 错误 Q4 引用了不存在的指标“case”：最接近的是：cases、rate"],
        1,
    )


def test_q4_unknown_id_in_of_and_metrics_table(minimal: Minimal) -> None:
    minimal(("of: cases", "of: case"), (TO, f"{TO}  metrics_table: [cases, totally_new]\n"))
    assert char_at("report.yaml", 8, 26, 11) == "totally_new"
    assert char_at("report.yaml", 13, 50, 4) == "case"
    expect(
        "report.yaml",
        [
            "report.yaml:8:26: 错误 Q4 指标表引用了不存在的指标“totally_new”："
            "请先在 metrics 中定义它",
            "report.yaml:13:50: 错误 Q4 of 引用了不存在的指标“case”：最接近的是：cases、rate",
        ],
        1,
    )


def test_q5_number_typed_in_text(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "主要负责人带头学法12次。"))
    assert char_at("report.yaml", 27, 20, 2) == "12"
    expect(
        "report.yaml",
        [f"report.yaml:27:20: 提示 Q5 数字“12”{Q5_TAIL}"],
        0,
        0,
    )


def test_q5_quiet_for_years_dates_and_document_names(minimal: Minimal) -> None:
    minimal(
        (
            DUTY_TEXT,
            "主要负责人于2024年3月5日带头学习《法治政府建设实施纲要（2021—2025年）》"
            "和示政〔2025〕5号文件。",
        )
    )
    expect("report.yaml", [], 0, 0)


def test_q6_approx_denominator(minimal: Minimal) -> None:
    minimal(("unit: 起, prev: 118", "unit: 起, prev: 118, approx: true"))
    assert char_at("report.yaml", 11, 64, 4) == "true"
    expect(
        "report.yaml",
        [
            "report.yaml:11:64: 警告 Q6 “调解纠纷”是比率“调解成功率”的分母，却是约数（余）："
            "比率需要确数"
        ],
        0,
        1,
    )


def test_q7_unused_metric(minimal: Minimal) -> None:
    minimal((LAST_METRIC, LAST_METRIC + "  unused: {label: 未用, value: 1, unit: 件}\n"))
    expect("report.yaml", ["report.yaml:14:3: 提示 Q7 指标“unused”（未用）从未在文字中引用"], 0, 0)


def test_q7_quiet_for_a_metric_in_the_metrics_table(minimal: Minimal) -> None:
    minimal(
        (LAST_METRIC, LAST_METRIC + "  unused: {label: 未用, value: 1, unit: 件}\n"),
        (TO, f"{TO}  metrics_table: [unused]\n"),
    )
    expect("report.yaml", [], 0, 0)


@pytest.mark.parametrize("prev", ["11", "1400", "0"])
def test_q8_tenfold_change(minimal: Minimal, prev: str) -> None:
    minimal(("prev: 118", f"prev: {prev}"))
    assert char_at("report.yaml", 11, 31, 3) == "130"
    expect(
        "report.yaml",
        [
            f"report.yaml:11:31: 警告 Q8 “调解纠纷”由上年的 {prev} 变为 130，变化超过10倍："
            "请核对是否笔误"
        ],
        0,
        1,
    )


def test_q8_quiet_at_exactly_tenfold(minimal: Minimal) -> None:
    minimal(("prev: 118", "prev: 13"))
    expect("report.yaml", [], 0, 0)


def _last_year(write: Write) -> None:
    """A valid 2023 report next to report.yaml, with cases = 118."""
    text = (
        MINIMAL.replace("year: 2024", "year: 2023")
        .replace("2025-02-20", "2024-02-20")
        .replace("value: 130, unit: 起, prev: 118", "value: 118, unit: 起")
        .replace("value: 125", "value: 110")
    )
    write(text, "last.yaml")


def test_q9_prev_disagrees_with_previous_file(minimal: Minimal, write: Write) -> None:
    _last_year(write)
    minimal(("version: 1\n", "version: 1\nprevious: last.yaml\n"), ("prev: 118", "prev: 117"))
    assert char_at("report.yaml", 12, 51, 3) == "117"
    expect(
        "report.yaml",
        [
            "report.yaml:12:51: 警告 Q9 prev 为 117，而上年数据文件中“cases”为 118："
            "以手写的 prev 为准，请核对"
        ],
        0,
        1,
    )


def test_q9_quiet_when_prev_agrees_or_is_filled_in(minimal: Minimal, write: Write) -> None:
    _last_year(write)
    minimal(("version: 1\n", "version: 1\nprevious: last.yaml\n"))
    expect("report.yaml", [], 0, 0)
    minimal(("version: 1\n", "version: 1\nprevious: last.yaml\n"), (", prev: 118", ""))
    expect("report.yaml", [], 0, 0)


# --- T: template references ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "col", "message"),
    [
        (
            "主要负责人带头学法{{ foo }}。",
            23,
            f"未知的名称“foo”：{ALLOWED}",
        ),
        (
            "主要负责人带头学法{{ m.cases.bogus }}。",
            23,
            "指标没有“.bogus”：可用 .value、.prev、.change、.label、.unit",
        ),
        (
            "主要负责人带头学法{{ m.solved.change }}。",
            23,
            "指标“solved”没有上年数值，不能用 .change：请写 prev，或用 previous 指定上年的数据文件",
        ),
        ("主要负责人带头学法{{ m.cases }。", 23, UNCLOSED),
        ("主要负责人带头学法{{ m.cases + 1 }}。", 23, f"不能使用“运算”：{ALLOWED}"),
    ],
)
def test_t1_bad_template_reference(minimal: Minimal, text: str, col: int, message: str) -> None:
    minimal((DUTY_TEXT, text))
    expect("report.yaml", [f"report.yaml:27:{col}: 错误 T1 {message}"], 1)


def test_t1_quiet_for_the_documented_references(minimal: Minimal) -> None:
    minimal(
        (
            DUTY_TEXT,
            "由{{ short }}{{ year }}年、{{ next_year }}年由{{ org }}负责，"
            "纠纷{{ m.cases.value }}{{ m.cases.unit }}，{{ m.cases.change }}，"
            "上年{{ m.cases.prev }}，写法{{ '{{' }}。",
        )
    )
    expect("report.yaml", [], 0, 0)


# --- F: writing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cols", "half", "full"),
    [
        ("主要负责人带头学法,带头守法。", [20], ",", "，"),
        ("主要负责人带头学法:学宪法。", [20], ":", "："),
        ("主要负责人带头学法;带头守法。", [20], ";", "；"),
        ("主要负责人(书记)带头学法。", [16, 19], "()", "（）"),
        ("主要负责人带头学法!", [20], "!", "！"),
        ("主要负责人带头学法?", [20], "?", "？"),
    ],
)
def test_f1_ascii_punctuation(
    minimal: Minimal, text: str, cols: list[int], half: str, full: str
) -> None:
    minimal((DUTY_TEXT, text))
    lines = [
        f"report.yaml:27:{col}: 警告 F1 中文中用了半角“{h}”：应为全角“{f}”"
        for col, h, f in zip(cols, half, full, strict=True)
    ]
    for col, h in zip(cols, half, strict=True):
        assert char_at("report.yaml", 27, col) == h
    expect("report.yaml", lines, 0, 1)


def test_f1_quiet_between_latin_letters(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "主要负责人带头学法，学习 PDF, DOC 和 HTML (web) 材料。"))
    expect("report.yaml", [], 0, 0)


def test_f1_after_a_template_reference(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "主要负责人带头学法{{ m.cases }},带头守法。"))
    assert char_at("report.yaml", 27, 33) == ","
    expect("report.yaml", ["report.yaml:27:33: 警告 F1 中文中用了半角“,”：应为全角“，”"], 0, 1)


@pytest.mark.parametrize(
    ("text", "snippet", "col"),
    [
        ("主要负责人于 2024年带头学法。", "于 2", 16),
        ("主要负责人带头学法2024\u3000年。", "4\u3000年", 23),
    ],
)
def test_f2_space_between_chinese_and_digit(
    minimal: Minimal, text: str, snippet: str, col: int
) -> None:
    minimal((DUTY_TEXT, text))
    assert char_at("report.yaml", 27, col, len(snippet)) == snippet
    expect(
        "report.yaml",
        [f"report.yaml:27:{col}: 警告 F2 “{snippet}”中汉字与数字之间有空格：请删除空格"],
        0,
        1,
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("主要负责人带头学法。扫一扫", [(21, "网页残留“扫一扫”", "扫一扫")]),
        (
            "主要负责人**带头**学法。",
            [(16, "Markdown 粗体标记“**”", "**"), (20, "Markdown 粗体标记“**”", "**")],
        ),
        (
            "主要负责人带头学法，详见https://www.example.gov.cn/a",
            [(23, "网址", "https://www.example.gov.cn/a")],
        ),
    ],
)
def test_f3_leftovers(minimal: Minimal, text: str, found: list[tuple[int, str, str]]) -> None:
    minimal((DUTY_TEXT, text))
    lines = [
        f"report.yaml:27:{col}: 错误 F3 文字中有{what}（“{needle}”）："
        "这是从网页或 Markdown 复制来的残留，请删除"
        for col, what, needle in found
    ]
    expect("report.yaml", lines, 1)


def test_f3_markdown_heading_inside_block_text(minimal: Minimal) -> None:
    minimal(
        (
            "    text: |\n      全年调解纠纷",
            "    text: |\n      办理情况如下。\n      ## 标题\n      全年调解纠纷",
        )
    )
    assert char_at("report.yaml", 18, 7, 2) == "##"
    expect(
        "report.yaml",
        [
            "report.yaml:18:7: 错误 F3 文字中有Markdown 标题标记“#”（“##”）："
            "这是从网页或 Markdown 复制来的残留，请删除"
        ],
        1,
    )


def test_f4_nested_book_title_marks(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "主要负责人带头学习《关于《法治政府建设实施纲要》的通知》。"))
    assert char_at("report.yaml", 27, 23) == "《"
    expect(
        "report.yaml",
        ["report.yaml:27:23: 警告 F4 书名号内又用了《》：内层应改为单书名号〈〉"],
        0,
        1,
    )


def test_f4_quiet_with_single_marks_inside(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "主要负责人带头学习《关于〈法治政府建设实施纲要〉的通知》。"))
    expect("report.yaml", [], 0, 0)


@pytest.mark.parametrize(
    ("old", "new", "where", "typed"),
    [
        ("  - title: 带头学法", "  - title: 一、带头学法", "26:12", "一、"),
        ("  - title: 带头学法", "  - title: （一）带头学法", "26:12", "（一）"),
        (DUTY_TEXT, "1. 主要负责人带头学法。", "27:11", "1."),
        (DUTY_TEXT, "一是主要负责人带头学法。", "27:11", "一是"),
        ("    - lead: 培训不够", "    - lead: （二）培训不够", "23:13", "（二）"),
        ("    - lead: 能力不足", "    - lead: 一是能力不足", "20:13", "一是"),
    ],
)
def test_f5_typed_numbering(minimal: Minimal, old: str, new: str, where: str, typed: str) -> None:
    minimal((old, new))
    line, col = map(int, where.split(":"))
    assert char_at("report.yaml", line, col, len(typed)) == typed
    expect(
        "report.yaml",
        [
            f"report.yaml:{where}: 错误 F5 开头手写了编号“{typed}”："
            "编号由程序自动生成，请删除，否则会重复"
        ],
        1,
    )


def test_f5_quiet_for_numbers_that_are_not_numbering(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "一体推进学法用法。"))
    expect("report.yaml", [], 0, 0)


def test_f5_second_paragraph_points_at_its_own_numbering(minimal: Minimal) -> None:
    # not at the earlier “统一、” of line 28
    minimal((DUTY_TEXT, "|\n      推进统一、规范执法。\n\n      一、加强培训。"))
    assert char_at("report.yaml", 30, 7, 2) == "一、"
    expect(
        "report.yaml",
        ["report.yaml:30:7: 错误 F5 开头手写了编号“一、”：编号由程序自动生成，请删除，否则会重复"],
        1,
    )


@pytest.mark.parametrize(
    ("text", "col", "message"),
    [
        (
            "截止目前，主要负责人带头学法。",
            11,
            "“截止目前”：“截止”表示停止，表示“到某时为止”应写“截至”",
        ),
        ("主要负责人更好的落实学法制度。", 16, "“更好的落实”：状语后应用“地”，如“更好地落实”"),
    ],
)
def test_f6_common_misuse(minimal: Minimal, text: str, col: int, message: str) -> None:
    minimal((DUTY_TEXT, text))
    expect("report.yaml", [f"report.yaml:27:{col}: 提示 F6 {message}"], 0, 0)


@pytest.mark.parametrize(
    ("escaped", "code"), [("\\a", "0007"), ("\\x1b", "001B"), ("\\uFFFF", "FFFF")]
)
def test_f7_control_character(minimal: Minimal, escaped: str, code: str) -> None:
    minimal((DUTY_TEXT, f'"主要负责人{escaped}带头学法。"'))
    assert char_at("report.yaml", 27, 17, len(escaped)) == escaped  # at its escape
    expect(
        "report.yaml",
        [
            f"report.yaml:27:17: 错误 F7 含有控制字符 U+{code}（第 6 个字符），"
            "会损坏 Word 文件：请删除"
        ],
        1,
    )


def test_f7_raw_control_character_in_the_file(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "主要负责人\x07带头学法。"))
    expect(
        "report.yaml",
        ["report.yaml:27:16: 错误 F7 含有控制字符 U+0007，会损坏 Word 文件：请删除它"],
        1,
    )


def test_f7_tab_and_newline_are_allowed(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, '"主要负责人\\t带头学法。\\n"'))
    expect("report.yaml", [], 0, 0)


# --- positions in block text and included files --------------------------------------------


def test_finding_in_block_text_points_at_its_line(minimal: Minimal) -> None:
    minimal(("全年调解纠纷", "全年调解纠纷\n      第二行有半角标点:这里。\n      第三行"))
    assert char_at("report.yaml", 18, 15) == ":"
    expect("report.yaml", ["report.yaml:18:15: 警告 F1 中文中用了半角“:”：应为全角“：”"], 0, 1)


def test_finding_in_folded_text_points_at_its_line(minimal: Minimal) -> None:
    minimal(
        ("    text: |\n      全年", "    text: >\n      全年"),
        ("成功率{{ m.rate }}。", "成功率{{ m.rate }}\n      折叠行(测试)。"),
    )
    expect(
        "report.yaml",
        [
            "report.yaml:18:10: 警告 F1 中文中用了半角“(”：应为全角“（”",
            "report.yaml:18:13: 警告 F1 中文中用了半角“)”：应为全角“）”",
        ],
        0,
        1,
    )


def test_finding_in_included_file_names_that_file_and_line(minimal: Minimal, write: Write) -> None:
    minimal((DUTIES, ""), ("version: 1\n", "version: 1\ninclude: [parts/duties.yaml]\n"))
    write(
        """\
        # 第三部分
        duties:
          - title: 带头学法
            text: |
              主要负责人带头学法。
              带头守法,带头用法。
        """,
        "parts/duties.yaml",
    )
    assert char_at("parts/duties.yaml", 6, 11) == ","
    expect("report.yaml", ["parts/duties.yaml:6:11: 警告 F1 中文中用了半角“,”：应为全角“，”"], 0, 1)


def test_structure_finding_in_included_file(minimal: Minimal, write: Write) -> None:
    minimal((DUTIES, ""), ("version: 1\n", "version: 1\ninclude: [duties.yaml]\n"))
    write("duties: []\n", "duties.yaml")
    expect(
        "report.yaml",
        [
            "duties.yaml:1:1: 警告 S2 第三部分“党政主要负责人履行第一责任人职责”为空，"
            "标题下将没有内容（不会替您印“无。”）：请补写履职情况"
        ],
        0,
        1,
    )


def test_included_metric_points_into_included_file(minimal: Minimal, write: Write) -> None:
    minimal(
        (
            "metrics:\n  cases: {label: 调解纠纷, value: 130, unit: 起, prev: 118}\n",
            "metrics:\n",
        ),
        ("version: 1\n", "version: 1\ninclude: [metrics.yaml]\n"),
    )
    write("metrics:\n  cases: {label: 调解纠纷, value: 130, unit: 起, prev: 11}\n", "metrics.yaml")
    expect(
        "report.yaml",
        ["metrics.yaml:2:31: 警告 Q8 “调解纠纷”由上年的 11 变为 130，变化超过10倍：请核对是否笔误"],
        0,
        1,
    )


# --- report.ignore -------------------------------------------------------------------------


def test_ignore_silences_a_rule(minimal: Minimal) -> None:
    minimal(("  to:", "  ignore: [F1]\n  to:"), (DUTY_TEXT, "主要负责人带头学法,带头守法。"))
    expect("report.yaml", [], 0, 0)


def test_ignore_silences_only_the_named_rule(minimal: Minimal) -> None:
    minimal(("  to:", "  ignore: [F2]\n  to:"), (DUTY_TEXT, "主要负责人带头学法,带头守法。"))
    expect("report.yaml", ["report.yaml:28:20: 警告 F1 中文中用了半角“,”：应为全角“，”"], 0, 1)


def test_ignore_unknown_rule_is_a_schema_error(minimal: Minimal) -> None:
    minimal(("  to:", "  ignore: [F1, X9]\n  to:"))
    assert char_at("report.yaml", 7, 16, 2) == "X9"
    known = "、".join(
        sorted((r for r in LEVELS if r not in NOT_IGNORABLE), key=lambda r: (r[0], int(r[1:])))
    )
    expect(
        "report.yaml",
        [f"report.yaml:7:16: 错误 SCHEMA report.ignore 中的“X9”不是已知的规则编号：可用 {known}"],
        1,
    )


@pytest.mark.parametrize("rule", ["Q4", "T1"])
def test_a_rule_rendering_cannot_survive_cannot_be_ignored(minimal: Minimal, rule: str) -> None:
    # ignoring Q4 once passed check --strict and then failed render: now check says so
    minimal(("  to:", f"  ignore: [{rule}]\n  to:"), ("{{ m.solved }}", "{{ m.solve }}"))
    refused = f"规则“{rule}”不能关闭：它指出的问题会让生成的文件出错或无法生成，请改正数据"
    expect(
        "report.yaml",
        [
            f"report.yaml:7:12: 错误 SCHEMA {refused}",
            "report.yaml:18:34: 错误 Q4 引用了不存在的指标“solve”：最接近的是：solved",
        ],
        1,
    )
    assert invoke("render", "report.yaml").exit_code == 1


def test_text_reference_points_at_its_own_expression(minimal: Minimal) -> None:
    # an unknown `m.solve` after a valid `m.solved`: column 65, not 34 (inside m.solved)
    minimal(("{{ m.rate }}", "{{ m.rate }}，{{ m.solve }}"))
    assert char_at("report.yaml", 17, 65, 7) == "m.solve"
    expect(
        "report.yaml",
        ["report.yaml:17:65: 错误 Q4 引用了不存在的指标“solve”：最接近的是：solved"],
        1,
    )


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        # The filter stands on line 29: the finding points inside its {{ }}.
        (
            "|\n      主要负责人带头学法。\n      带头守法{{ short | upper }}。",
            "29:14",
            f"不能使用“过滤器（|）”：{ALLOWED}",
        ),
        # The broken `{{` stands on line 29: the finding points at it, not at line 28.
        (
            "|\n      主要负责人带头学法{{ short }}。\n      带头守法{{ short }。",
            "29:14",
            UNCLOSED,
        ),
    ],
)
def test_t1_location_in_block_text(minimal: Minimal, text: str, where: str, message: str) -> None:
    minimal((DUTY_TEXT, text))
    assert char_at("report.yaml", 29, 11, 2) == "{{"
    expect("report.yaml", [f"report.yaml:{where}: 错误 T1 {message}"], 1)


def test_t1_plain_name_in_block_text_points_at_its_line(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "|\n      主要负责人带头学法。\n      带头守法{{ shrt }}。"))
    assert char_at("report.yaml", 29, 14, 4) == "shrt"
    expect(
        "report.yaml",
        [f"report.yaml:29:14: 错误 T1 未知的名称“shrt”：{ALLOWED}"],
        1,
    )


# --- output formats, exit codes, several files ---------------------------------------------


def test_json_format(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "主要负责人带头学法,带头守法12次。"), ("{{ m.cases }}", "{{ m.case }}"))
    result = invoke("check", "report.yaml", "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    assert isinstance(found, list)
    for obj in found:
        assert set(obj) == {"path", "line", "col", "level", "rule", "message"}
    assert found == [
        {
            "path": "report.yaml",
            "line": 17,
            "col": 16,
            "level": "error",
            "rule": "Q4",
            "message": "引用了不存在的指标“case”：最接近的是：cases、rate",
        },
        {
            "path": "report.yaml",
            "line": 27,
            "col": 20,
            "level": "warning",
            "rule": "F1",
            "message": "中文中用了半角“,”：应为全角“，”",
        },
        {
            "path": "report.yaml",
            "line": 27,
            "col": 25,
            "level": "info",
            "rule": "Q5",
            "message": f"数字“12”{Q5_TAIL}",
        },
    ]


def test_json_same_findings_as_text(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "截止目前，主要负责人带头学法,带头守法。"), (TO, ""))
    _, text = check("report.yaml")
    _, out = check("report.yaml", "--format", "json")
    words = {"error": "错误", "warning": "警告", "info": "提示"}
    as_text = [
        f"{d['path']}:{d['line']}:{d['col']}: {words[d['level']]} {d['rule']} {d['message']}"
        for d in json.loads("\n".join(out))
    ]
    assert as_text == text
    assert len(text) == 3


def test_exit_status_by_level(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "截止目前，主要负责人带头学法。"), name="info.yaml")
    minimal((DUTY_TEXT, "主要负责人带头学法,带头守法。"), name="warning.yaml")
    minimal(("2025-02-20", "2025-04-02"), name="error.yaml")
    assert check("info.yaml")[0] == 0
    assert check("info.yaml", "--strict")[0] == 0
    assert check("warning.yaml")[0] == 0
    assert check("warning.yaml", "--strict")[0] == 1
    assert check("error.yaml")[0] == 1
    assert check("error.yaml", "--strict")[0] == 1


def test_several_files_in_one_call(minimal: Minimal) -> None:
    minimal(name="clean.yaml")
    minimal((DUTY_TEXT, "主要负责人带头学法,带头守法。"), name="warn.yaml")
    minimal(("2025-02-20", "2025-04-02"), name="late.yaml")
    code, out = check("warn.yaml", "clean.yaml")
    assert out == ["warn.yaml:27:20: 警告 F1 中文中用了半角“,”：应为全角“，”"]
    assert code == 0
    code, out = check("warn.yaml", "clean.yaml", "late.yaml")
    assert out == [
        "warn.yaml:27:20: 警告 F1 中文中用了半角“,”：应为全角“，”",
        "late.yaml:6:9: 错误 D3 成文日期不早于 2025年4月1日：已超过向社会公开的期限",
    ]
    assert code == 1


def test_folder_means_every_yaml_in_it(minimal: Minimal, write: Write) -> None:
    minimal((DUTY_TEXT, "主要负责人带头学法,带头守法。"), name="towns/b.yaml")
    minimal(("2025-02-20", "2025-04-02"), name="towns/a.yaml")
    minimal(name="towns/c.yaml")
    write("not: [yaml", "towns/notes.txt")
    write("not: [yaml", "towns/old.yml")
    minimal(("2025-02-20", "2025-04-02"), name="towns/sub/d.yaml")
    code, out = check("towns")
    assert out == [
        "towns/a.yaml:6:9: 错误 D3 成文日期不早于 2025年4月1日：已超过向社会公开的期限",
        "towns/b.yaml:27:20: 警告 F1 中文中用了半角“,”：应为全角“，”",
        "towns/old.yml:1:11: 错误 YAML YAML 语法错误：方括号列表没有闭合：缺少“]”或逗号",
    ]
    assert code == 1


def test_printed_path_outside_cwd_is_as_given(
    minimal: Minimal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = minimal((DUTY_TEXT, "主要负责人带头学法,带头守法。"))
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    message = "27:20: 警告 F1 中文中用了半角“,”：应为全角“，”"
    assert check(str(path)) == (0, [f"{path}:{message}"])
    # a relative name outside the current directory is printed as given
    assert check("../report.yaml") == (0, [f"../report.yaml:{message}"])
