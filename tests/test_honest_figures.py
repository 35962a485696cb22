"""A figure that cannot be printed honestly is an error at its line, never "NaN", "—",
"inf" or a 301-digit number in an official document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES, char_at, check_lines, invoke, write_file

Minimal = Callable[..., Path]
LAST_METRIC = "  rate: {label: 调解成功率, rate: [solved, cases]}\n"  # line 13 of MINIMAL
DUTY_TEXT = "主要负责人带头学法。"  # line 27, column 11


pytestmark = pytest.mark.usefixtures("in_tmp")


def _metric(minimal: Minimal, line: str, quote: str = "") -> None:
    minimal((LAST_METRIC, LAST_METRIC + line + "\n"), (DUTY_TEXT, f"主要负责人带头学法{quote}。"))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".nan", "“metrics.x.value”应为数字，现在是 .nan 或 .inf（不是数）：请写实际的数"),
        (".inf", "“metrics.x.value”应为数字，现在是 .nan 或 .inf（不是数）：请写实际的数"),
        ("-.inf", "“metrics.x.value”应为数字，现在是 .nan 或 .inf（不是数）：请写实际的数"),
        (
            "1.0e+300",
            "“metrics.x.value”数值 1e+300 过大（超过 10 亿）：请核对是否多写了数字或用错了单位",
        ),
        (
            "1" * 301,
            "“metrics.x.value”数值 111111111111… 过大（超过 10 亿）：请核对是否多写了数字或用错了单位",
        ),
        ("yes", "“metrics.x.value”应为数字，现在是 yes/no/true/false（YAML 把它读成了是/否）"),
        ("'130'", "“metrics.x.value”应为数字，现在是“130”"),
    ],
)
def test_values_that_are_not_honest_numbers(minimal: Minimal, value: str, message: str) -> None:
    _metric(minimal, f"  x: {{label: 宣传, value: {value}, unit: 份}}", "{{ m.x }}")
    code, out = check_lines("report.yaml")
    assert (code, out) == (1, [f"report.yaml:14:25: 错误 SCHEMA {message}"])
    assert invoke("render", "report.yaml", "--pdf").exit_code == 1
    assert not Path("report.docx").exists() and not Path("report.pdf").exists()


def test_nan_in_last_years_file_is_an_error_there(minimal: Minimal) -> None:
    last = (EXAMPLES / "township-2023.yaml").read_text("utf-8")
    write_file(Path("last.yaml"), last.replace("value: 128,", "value: .nan,", 1))
    minimal(("version: 1\n", "version: 1\nprevious: last.yaml\n"))
    code, out = check_lines("report.yaml")
    assert code == 1
    assert out[0].startswith("last.yaml:") and "现在是 .nan 或 .inf" in out[0]
    assert out[-1] == "report.yaml:2:11: 错误 SCHEMA 上一年度的数据文件有错误（见上）"


def test_q10_cycles_and_rates_of_rates(minimal: Minimal) -> None:
    _metric(
        minimal,
        "  a: {label: 甲, value: 5, unit: 件, of: b}\n"
        "  b: {label: 乙, value: 5, unit: 件, of: a}\n"
        "  r2: {label: 率之率, rate: [rate, cases]}\n"
        "  r3: {label: 自比, rate: [r3, cases]}",
        "{{ m.a }}{{ m.b }}{{ m.r2 }}{{ m.r3 }}",
    )
    assert char_at("report.yaml", 14, 3) == "a"
    code, out = check_lines("report.yaml")
    assert code == 1
    assert out == [
        "report.yaml:14:3: 错误 Q10 指标之间循环包含：a → b → a",
        "report.yaml:16:26: 错误 Q10 比率“率之率”的分子“调解成功率”本身是比率：请用直接填写数值的指标",
        "report.yaml:17:25: 错误 Q10 比率“自比”用自己作分子或分母",
    ]
    with_ignore = Path("report.yaml").read_text("utf-8").replace("  to:", "  ignore: [Q10]\n  to:")
    Path("report.yaml").write_text(with_ignore, encoding="utf-8")
    assert check_lines("report.yaml")[1][0] == (
        "report.yaml:7:12: 错误 SCHEMA 规则“Q10”不能关闭：它指出的问题会让生成的文件出错或无法生成，请改正数据"
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "  x: {label: 培训, value: 3.5, unit: 人}",
            "“培训”为 3.5人，带小数：以“人”计的数应为整数",
        ),
        ("  x: {label: 培训, value: -2, unit: 人次}", "“培训”为 -2人次，是负数：计数不能小于0"),
    ],
)
def test_q11_fraction_or_negative_count(minimal: Minimal, line: str, message: str) -> None:
    _metric(minimal, line, "{{ m.x }}")
    assert check_lines("report.yaml") == (1, [f"report.yaml:14:25: 错误 Q11 {message}"])


def test_money_may_be_negative_and_its_change_reads_right(minimal: Minimal) -> None:
    _metric(
        minimal,
        "  fund: {label: 经费, value: -3, unit: 万元, prev: 12.5}\n"
        "  fund2: {label: 结余, value: 2, unit: 万元, prev: -1}",
        "，经费{{ m.fund }}，{{ m.fund.change }}，结余{{ m.fund2.change }}",
    )
    assert check_lines("report.yaml") == (0, [])
    assert invoke("render", "report.yaml").exit_code == 0
    import docx

    text = "\n".join(p.text for p in docx.Document("report.docx").paragraphs)
    assert "经费-3万元，同比减少15.5万元，结余同比增加3万元。" in text


def test_a_percentage_typed_as_a_value_changes_in_points(minimal: Minimal) -> None:
    _metric(
        minimal,
        "  satisfied: {label: 群众满意度, value: 96.5, unit: '%', prev: 94}",
        "，满意度{{ m.satisfied }}，{{ m.satisfied.change }}",
    )
    assert check_lines("report.yaml") == (0, [])
    invoke("render", "report.yaml")
    import docx

    text = "\n".join(p.text for p in docx.Document("report.docx").paragraphs)
    assert "满意度96.5%，提高2.5个百分点。" in text


def test_a_percentage_over_100_is_q3(minimal: Minimal) -> None:
    _metric(minimal, "  satisfied: {label: 群众满意度, value: 101, unit: '%'}", "{{ m.satisfied }}")
    assert check_lines("report.yaml") == (
        1,
        ["report.yaml:14:36: 错误 Q3 “群众满意度”为 101%，不在0–100%之间：请核对"],
    )


def test_q12_metric_meaning_changed(minimal: Minimal) -> None:
    write_file(Path("last.yaml"), minimal_last())
    minimal(
        ("version: 1\n", "version: 1\nprevious: last.yaml\n"),
        (
            "cases: {label: 调解纠纷, value: 130, unit: 起, prev: 118}",
            "cases: {label: 调解纠纷, value: 130, unit: 件}",
        ),
        ("unit: 起, of: cases", "unit: 件, of: cases"),
    )
    code, out = check_lines("report.yaml")
    assert out == [
        "report.yaml:12:3: 警告 Q12 指标“cases”上年是以“起”计的数，今年是以“件”计的数：含义不同，不计算与上年相比的增减",
        "report.yaml:13:3: 警告 Q12 指标“solved”上年是以“起”计的数，今年是以“件”计的数：含义不同，不计算与上年相比的增减",
    ]
    assert code == 0
    # diff and the report word it alike: no change, last year's figure in its own unit
    result = invoke("diff", "last.yaml", "report.yaml")
    row = next(ln.split() for ln in result.stdout.splitlines() if ln.startswith("调解纠纷"))
    assert row == ["调解纠纷", "件", "130起", "130", "含义不同，不比较"]


def minimal_last() -> str:
    """Last year's file for the meaning-change test: cases counted in 起, a rate."""
    from tests.helpers import minimal_text

    return minimal_text(
        ("year: 2024", "year: 2023"), ("2025-02-20", "2024-02-20"), (", prev: 118", "")
    )


def test_a_tiny_number_is_an_error_not_a_crash(minimal: Minimal) -> None:
    _metric(
        minimal,
        "  money: {label: 经费, value: 100, unit: 万元, prev: 1.0e-30}",
        "{{ m.money.change }}",
    )
    assert check_lines("report.yaml") == (
        1,
        ["report.yaml:14:50: 错误 SCHEMA “metrics.money.prev”数值 1e-30 过小：请核对小数点的位置"],
    )


def test_a_rate_of_negative_numbers_is_q3(minimal: Minimal) -> None:
    _metric(
        minimal,
        "  budget: {label: 预算调整, value: -10, unit: 万元}\n"
        "  spent: {label: 实际调整, value: -25, unit: 万元}\n"
        "  brate: {label: 执行率, rate: [spent, budget]}",
        "{{ m.brate }}",
    )
    code, out = check_lines("report.yaml")
    assert code == 1
    assert out == [
        "report.yaml:16:29: 错误 Q3 “执行率”的分子或分母是负数（-25、-10）：比率只能由非负的数计算"
    ]
