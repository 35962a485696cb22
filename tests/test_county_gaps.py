"""The county folder's audit (issue 12): outputs that a report reads, honest 合计 rates."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lawgov_gen.commands.rollup.table import Cell, Column, Row, Summary
from tests.county import build_county, township
from tests.helpers import invoke

pytestmark = pytest.mark.usefixtures("in_tmp")
TOWNS = "2024/乡镇"


@pytest.fixture
def county(in_tmp: Path) -> Path:
    build_county(in_tmp)
    return in_tmp


def _town(name: str, metrics: str, *extra: tuple[str, str]) -> Path:
    text = township(name, metrics)
    for old, new in extra:
        assert old in text
        text = text.replace(old, new, 1)
    path = Path(TOWNS) / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_summary_refuses_to_overwrite_a_file_a_report_includes(county: Path) -> None:
    figures = Path(TOWNS) / "庚镇指标.yaml"
    figures.write_text("metrics:\n  mediation_cases: 30\n  mediation_success: 20\n", "utf-8")
    _town("庚镇", "  leaflets: 10\n", ("version: 1\n", "version: 1\ninclude: [庚镇指标.yaml]\n"))
    before = figures.read_bytes()
    result = invoke("summary", TOWNS, "-o", "t.csv", "--metrics-out", str(figures))
    assert (result.exit_code, result.stderr) == (
        1,
        "2024/乡镇/庚镇指标.yaml: 错误 报告 2024/乡镇/庚镇.yaml 用到这个文件，"
        "不能用汇总结果覆盖它：请换一个文件名\n",
    )
    assert figures.read_bytes() == before and not Path("t.csv").exists()
    # a file that a report which does not load includes
    (Path(TOWNS) / "戊镇.yaml").write_text("include: [../戊镇指标.yaml]\nreport: 1\n", "utf-8")
    Path("2024/戊镇指标.yaml").write_text("metrics: {}\n", "utf-8")
    result = invoke("summary", TOWNS, "-o", "t.csv", "--metrics-out", "2024/戊镇指标.yaml")
    assert result.exit_code == 1 and not Path("t.csv").exists()
    assert result.stderr.startswith("2024/戊镇指标.yaml: 错误 报告 2024/乡镇/戊镇.yaml 用到")


def test_a_total_rate_needs_the_same_reports_on_both_sides(county: Path) -> None:
    import yaml
    from openpyxl import load_workbook

    catalog = Path("指标目录.yaml")
    catalog.write_text(
        catalog.read_text("utf-8")
        .replace(", required: true", "")
        .replace(", of: mediation_cases", ""),
        "utf-8",
    )
    for name in ("丁镇", "戊镇"):
        (Path(TOWNS) / f"{name}.yaml").unlink()
    _town("庚镇", "  mediation_success: 1000\n", ("成功率{{ m.mediation_rate }}", ""))
    _town("辛镇", "  mediation_cases: 20\n", ("成功率{{ m.mediation_rate }}", ""))
    for name in ("庚镇", "辛镇"):  # each gives one of the two figures, without an error
        path = Path(TOWNS) / f"{name}.yaml"
        path.write_text(
            path.read_text("utf-8")
            .replace("全年调解矛盾纠纷{{ m.mediation_cases }}，", "")
            .replace("调解成功{{ m.mediation_success }}，", ""),
            "utf-8",
        )
    result = invoke("summary", TOWNS, "-o", "t.xlsx", "--metrics-out", "sums.yaml", "--strict")
    assert result.exit_code == 0, result.output
    sheet = load_workbook("t.xlsx")["汇总"]
    total = [c.value for c in sheet[sheet.max_row]]
    # 1076 successes of 290 cases would be 371%: no 合计 rate, and the reason in its status
    assert total[:6] == [
        "合计",
        None,
        "调解成功率未合计：庚镇缺少“调解矛盾纠纷”、辛镇缺少“调解成功”",
        290,
        1259,
        None,
    ]
    sums = yaml.safe_load(Path("sums.yaml").read_text("utf-8"))["metrics"]
    assert "mediation_rate" not in sums
    assert (
        "# 未写出的比率：mediation_rate（调解成功率）——庚镇缺少“调解矛盾纠纷”、辛镇缺少“调解成功”，"
        "合计算不出如实的比率。请先补齐各乡镇的数字\n" in Path("sums.yaml").read_text("utf-8")
    )


def _wide_summary(reports: int, figures: int) -> Summary:
    columns = [Column(f"m{i}", f"第{i}项指标", "件", "count") for i in range(figures)]
    rows = [
        Row(
            f"示例{r:02}镇",
            "2025-02-20",
            "正常",
            {c.key: Cell(Decimal(r * 10 + 7)) for c in columns},
            "",
        )
        for r in range(reports)
    ]
    total = {c.key: Cell(Decimal(sum(r * 10 + 7 for r in range(reports)))) for c in columns}
    return Summary(columns, rows, total)


def test_the_docx_table_of_30_reports_is_written_in_well_under_a_second(county: Path) -> None:
    import time

    from lawgov_gen.commands.rollup.docx_table import to_docx

    summary = _wide_summary(30, 20)
    start = time.perf_counter()
    to_docx(summary, "汇总表")
    # python-docx's Table.cell() made this 20-30 s; the whole process must stay under 1.5 s
    assert time.perf_counter() - start < 3
