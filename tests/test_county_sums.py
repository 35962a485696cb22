"""Issue 16.3 and 17.7: county figures are never silently incomplete. In the county folder
丁镇 lacks a required figure and 庚镇 gives two figures in the wrong unit: every valid figure
still counts in its column, each 合计 records (as data) which reports it leaves out and why,
the table marks those cells, and the county report that quotes them is told at the line."""

from __future__ import annotations

from pathlib import Path

import yaml
from openpyxl import load_workbook

from tests.county import township
from tests.helpers import invoke, minimal_text

TOWNS = "2024/乡镇"
UNREAD = {"report": "戊镇", "why": "无法读取"}


def _add(name: str, text: str) -> None:
    (Path(TOWNS) / f"{name}.yaml").write_text(text, "utf-8")


def _sums(county: Path) -> dict[str, dict[str, object]]:
    _add("庚镇", township("庚镇", "  mediation_cases: {value: 60, unit: 件}\n  mediation_success: 50\n"
                          "  leaflets: {value: 2, unit: 万份}\n"))  # fmt: skip
    result = invoke("summary", TOWNS, "-o", "汇总.xlsx", "--metrics-out", "2024/全县合计.yaml")
    assert result.exit_code == 0, result.output
    data: dict[str, dict[str, object]] = yaml.safe_load(
        Path("2024/全县合计.yaml").read_text("utf-8")
    )["metrics"]
    return data


def test_each_sum_counts_every_valid_figure_and_records_what_it_leaves_out(county: Path) -> None:
    sums = _sums(county)
    unit = {"report": "庚镇", "why": "单位是“件”，不能与“起”相加"}
    # 130 + 80 + 40 + 50 (丁镇, with errors elsewhere) + 20; 庚镇's 60 件 is not added to 起
    assert sums["mediation_cases"] == {
        "label": "调解矛盾纠纷", "value": 320, "unit": "起", "left_out": [unit, UNREAD]
    }  # fmt: skip
    assert sums["mediation_success"]["value"] == 125 + 76 + 38 + 20 + 50
    assert sums["mediation_success"]["left_out"] == [{"report": "丁镇", "why": "没有填写"}, UNREAD]
    assert sums["leaflets"]["left_out"] == [
        {"report": "丁镇", "why": "没有填写"},
        {"report": "丙镇", "why": "没有填写"},
        {"report": "庚镇", "why": "单位是“万份”，不能与“份”相加"},
        UNREAD,
    ]
    assert "mediation_rate" not in sums  # 丁镇 and 庚镇 each lack one side of it

    sheet = load_workbook("汇总.xlsx")["汇总"]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    head, total = rows[0], rows[-1]
    by_head = dict(zip(head, total, strict=True))
    assert by_head["调解矛盾纠纷（起）"] == 320 and by_head["调解成功（起）"] == 309
    assert by_head["调解成功率（%）"] is None
    row = len(rows)
    cases = sheet.cell(row=row, column=head.index("调解矛盾纠纷（起）") + 1)
    assert cases.number_format == '0"*"'
    assert cases.comment is not None
    assert (
        cases.comment.text == "合计不全，不含：庚镇（单位是“件”，不能与“起”相加）、戊镇（无法读取）"
    )
    status = {r[0]: r[2] for r in rows[1:]}
    assert status["庚镇"] == "2个错误，0个警告；不计入合计的数字：调解矛盾纠纷、发放宣传资料"
    assert status["丁镇"] == "3个错误，0个警告"
    assert "标 * 的合计缺少部分报告的数字" in status["合计"]


def test_the_county_report_is_told_at_each_line_that_quotes_an_incomplete_sum(
    county: Path,
) -> None:
    _sums(county)
    Path("2024/全县.yaml").write_text(
        Path("2024/全县.yaml").read_text("utf-8").replace("，成功率{{ m.mediation_rate }}", ""),
        "utf-8",
    )
    result = invoke("check", "2024/全县.yaml")
    q14 = [line for line in result.stdout.splitlines() if " Q14 " in line]
    tail = "：这不是全部单位的数字，请补齐后重新汇总，或在文字中写明不含哪些单位"
    assert q14 == [
        "2024/全县.yaml:11:30: 警告 Q14 “调解矛盾纠纷”的合计不全，不含：庚镇（单位是“件”，"
        "不能与“起”相加）、戊镇（无法读取）" + tail,
        "2024/全县.yaml:11:58: 警告 Q14 “调解成功”的合计不全，不含：丁镇（没有填写）、戊镇（无法读取）"
        + tail,
        "2024/全县.yaml:14:22: 警告 Q14 “发放宣传资料”的合计不全，不含：丁镇（没有填写）、丙镇（没有填写）、"
        "庚镇（单位是“万份”，不能与“份”相加）、戊镇（无法读取）" + tail,
    ]
    assert result.exit_code == 0
    strict = invoke("check", "2024/全县.yaml", "--strict")
    assert strict.exit_code == 1 and strict.stdout.count(" Q14 ") == 3  # blocks under --strict
    assert invoke("render", "2024/全县.yaml", "--strict").exit_code == 1
    assert not Path("全县.docx").exists()


def test_the_same_unit_under_two_short_names_is_counted_once(in_tmp: Path) -> None:
    one = minimal_text(("value: 130, unit: 起, prev: 118", "value: 130, unit: 起"))
    other = one.replace("  short: 示例镇\n", "  short: 示例镇人民政府\n", 1)
    Path("a.yaml").write_text(one, "utf-8")
    Path("b.yaml").write_text(other, "utf-8")
    result = invoke("summary", "a.yaml", "b.yaml", "-o", "t.csv", "--metrics-out", "s.yaml")
    assert result.exit_code == 0
    assert result.stderr == (
        "b.yaml:3:8: 警告 R2 单位“示例县示例镇人民政府”已有一份 2024 年度的报告 a.yaml（示例镇）："
        "这一份不计入合计，请删去重复的文件\n"
    )
    sums = yaml.safe_load(Path("s.yaml").read_text("utf-8"))["metrics"]
    assert sums["cases"]["value"] == 130  # once, not 260


def test_money_in_another_unit_is_left_out_and_said_never_dropped_silently(in_tmp: Path) -> None:
    funds = "  funds: {label: 普法经费, value: %s, unit: %s}\n"
    for name, value, unit in (("甲镇", "18", "万元"), ("乙镇", "50000", "元")):
        text = minimal_text(
            ("  rate: {label: 调解成功率, rate: [solved, cases]}\n",
             "  rate: {label: 调解成功率, rate: [solved, cases]}\n" + funds % (value, unit)),
            ("示例县示例镇人民政府\n  short: 示例镇\n", f"示例县{name}人民政府\n  short: {name}\n"),
            ("主要负责人带头学法。", "主要负责人带头学法，投入经费{{ m.funds }}。"),
        )  # fmt: skip
        Path(f"{name}.yaml").write_text(text, "utf-8")
    result = invoke("summary", "甲镇.yaml", "乙镇.yaml", "-o", "t.csv", "--metrics-out", "s.yaml")
    assert result.exit_code == 0, result.output
    sums = yaml.safe_load(Path("s.yaml").read_text("utf-8"))["metrics"]
    assert sums["funds"] == {
        "label": "普法经费",
        "value": 18,
        "unit": "万元",
        "left_out": [{"report": "乙镇", "why": "单位是“元”，不能与“万元”相加"}],
    }
    rows = [r.split(",") for r in Path("t.csv").read_text("utf-8-sig").splitlines()]
    at = rows[0].index("普法经费（万元）")
    assert rows[0][at + 1] == "普法经费（元）"
    assert rows[-1][at : at + 2] == ["18*", "50000*"]  # each 合计 marked: it lacks the other
