"""Units and last year's figures: a figure whose unit makes it dishonest (Q13), and the
number a change starts from held to Q3 and Q11 like this year's."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.helpers import Minimal, char_at, check_lines, invoke, minimal_text, write_file

LAST_METRIC = "  rate: {label: 调解成功率, rate: [solved, cases]}\n"  # line 13 of MINIMAL
DUTY_TEXT = "主要负责人带头学法。"

pytestmark = pytest.mark.usefixtures("in_tmp")


def _metrics(minimal: Minimal, lines: str, quote: str) -> None:
    minimal((LAST_METRIC, LAST_METRIC + lines + "\n"), (DUTY_TEXT, f"主要负责人带头学法{quote}。"))


def _printed() -> str:
    assert invoke("render", "report.yaml").exit_code == 0
    return "\n".join(p.text for p in docx.Document("report.docx").paragraphs)


@pytest.mark.parametrize(
    ("lines", "where", "message"),
    [
        (
            "  s: {label: 满意度, value: 150, unit: '％', prev: 95}",
            "14:37",
            "“满意度”的单位是全角“％”：请改为半角“%”（百分数按0–100%核对、按个百分点比较）",
        ),
        (
            "  s: {label: 满意度, value: 96, unit: '%', approx: true}",
            "14:49",
            "“满意度”是百分数，不能标 approx（会印成“96余%”）：余只用于计数，请删除 approx",
        ),
        (
            "  s: {label: 满意度, value: 3, unit: '%'}\n  r: {label: 比率, rate: [s, cases]}",
            "15:24",
            "比率“比率”的分子“满意度”是百分数：分子、分母应为计数或金额，请改用原始数字",
        ),
        (
            "  s: {label: 经费, value: 3, unit: 万元}\n  r: {label: 比率, rate: [s, cases]}",
            "15:24",
            "比率“比率”的分子“经费”以“万元”计，分母“调解纠纷”以“起”计：分子、分母应使用同一单位",
        ),
        (
            "  b: {label: 乙, value: 5, unit: 万元, of: cases}",
            "14:41",
            "“乙”以“万元”计，其整体“调解纠纷”以“起”计：部分与整体应使用同一单位",
        ),
        (
            "  a: {label: 甲, value: 10, unit: 件, parts: [b, c]}\n"
            "  b: {label: 乙, value: 5, unit: 万元}\n"
            "  c: {label: 丙, value: 5, unit: 件}",
            "14:45",
            "“甲”的分项“乙”以“万元”计，合计以“件”计：分项与合计应使用同一单位",
        ),
    ],
)
def test_q13_a_unit_that_makes_a_figure_dishonest(
    minimal: Minimal, lines: str, where: str, message: str
) -> None:
    quoted = "".join(f"{{{{ m.{ln.split(':')[0].strip()} }}}}" for ln in lines.split("\n"))
    _metrics(minimal, lines, quoted)
    code, out = check_lines("report.yaml")
    assert (code, out) == (1, [f"report.yaml:{where}: 错误 Q13 {message}"])
    assert invoke("render", "report.yaml").exit_code == 1
    assert not Path("report.docx").exists()


def test_q13_cannot_be_ignored(minimal: Minimal) -> None:
    minimal(("  to:", "  ignore: [Q13]\n  to:"))
    assert check_lines("report.yaml") == (
        1,
        [
            "report.yaml:7:12: 错误 SCHEMA 规则“Q13”不能关闭：它指出的问题会让生成的文件出错或无法生成，请改正数据"
        ],
    )


@pytest.mark.parametrize(
    ("lines", "where", "message"),
    [
        (
            "  s: {label: 满意度, value: 99, unit: '%', prev: 120}",
            "14:47",
            "“满意度”的上年数（prev）为 120%，不在0–100%之间：请核对",
        ),
        (
            "  s: {label: 结案率, rate: [solved, cases], prev: 150}",
            "14:48",
            "“结案率”的上年数（prev）为 150%，不在0–100%之间：请核对",
        ),
    ],
)
def test_q3_a_typed_prev_over_100(minimal: Minimal, lines: str, where: str, message: str) -> None:
    _metrics(minimal, lines, "{{ m.s }}{{ m.s.change }}")
    assert char_at("report.yaml", 14, int(where.split(":")[1]), 3) in ("120", "150")
    assert check_lines("report.yaml") == (1, [f"report.yaml:{where}: 错误 Q3 {message}"])


def _with_last_year(minimal: Minimal, metric_last: str, metric_now: str, quote: str) -> None:
    last = minimal_text(
        ("year: 2024", "year: 2023"),
        ("2025-02-20", "2024-02-20"),
        (LAST_METRIC, LAST_METRIC + metric_last + "\n"),
    )
    write_file(Path("last.yaml"), last)
    _metrics(minimal, metric_now, quote)
    text = Path("report.yaml").read_text("utf-8").replace(", prev: 118", "")
    Path("report.yaml").write_text(
        text.replace("version: 1\n", "version: 1\nprevious: last.yaml\n")
    )


def test_last_years_percentage_over_100_is_q3_in_its_file(minimal: Minimal) -> None:
    _with_last_year(
        minimal,
        "  s: {label: 满意度, value: 150, unit: '%'}",
        "  s: {label: 满意度, value: 10, unit: '%'}",
        "{{ m.s }}{{ m.s.change }}",
    )
    assert char_at("last.yaml", 14, 26, 3) == "150"
    code, out = check_lines("report.yaml")
    assert code == 1
    assert "last.yaml:14:26: 错误 Q3 “满意度”为 150%，不在0–100%之间：请核对" in out


def test_last_years_fractional_count_is_q11_in_its_file(minimal: Minimal) -> None:
    _with_last_year(
        minimal,
        "  a: {label: 受理, value: 10.5, unit: 件}",
        "  a: {label: 受理, value: 10, unit: 件}",
        "{{ m.a }}{{ m.a.change }}",
    )
    assert check_lines("report.yaml") == (
        1,
        ["last.yaml:14:25: 错误 Q11 “受理”为 10.5件，带小数：以“件”计的数应为整数"],
    )


def test_a_percentage_a_hair_from_last_year_is_about_the_same(minimal: Minimal) -> None:
    _metrics(
        minimal,
        "  s: {label: 满意度, value: 96.51, unit: '%', prev: 96.5}\n"
        "  t: {label: 知晓率, value: 90, unit: '%', prev: 90}",
        "，满意度{{ m.s.change }}，知晓率{{ m.t.change }}",
    )
    assert check_lines("report.yaml") == (0, [])
    assert "满意度与上年基本持平，知晓率与上年持平。" in _printed()
