"""The county folder's audit (issue 12): outputs that a report reads, honest 合计 rates and
totals (one year, each 单位 once, no report with errors), the .docx on paper and its speed,
court columns only when given, catalogues checked in one pass, the .xlsx cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lawgov_gen.commands.rollup.columns import Column
from lawgov_gen.commands.rollup.table import Cell, Row, Summary
from tests.county import township
from tests.helpers import invoke, requires_libreoffice

pytestmark = pytest.mark.usefixtures("in_tmp")
TOWNS = "2024/乡镇"


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
        "调解成功率未合计：庚镇缺少“调解矛盾纠纷”、辛镇缺少“调解成功”；标 * 的合计缺少部分报告的数字",
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


def _wide_summary(reports: int, figures: int, base: int = 7) -> Summary:
    columns = [Column(f"m{i}", f"第{i}项指标", "件", "count") for i in range(figures)]
    rows = [
        Row(
            f"示例{r:02}镇",
            "2025-02-20",
            "正常",
            {c.key: Cell(Decimal(base + r * 1111)) for c in columns},
            "",
        )
        for r in range(reports)
    ]
    total = {c.key: Cell(Decimal(sum(base + r * 1111 for r in range(reports)))) for c in columns}
    return Summary(columns, rows, total)


def test_the_docx_table_is_built_without_python_docx_cell_lookups(
    county: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Table.cell() walks the whole grid on each call: 30 reports took 20-30 s through it.
    # The speed itself is measured in benchmarks/county_bench.py (summary -o .docx).
    import docx.table

    from lawgov_gen.commands.rollup.docx_table import to_docx

    def refused(*_: object) -> None:
        raise AssertionError("Table.cell() is quadratic in the table's size")

    monkeypatch.setattr(docx.table.Table, "cell", refused)
    summary = _wide_summary(30, 20)
    assert to_docx(summary, "汇总表")[:2] == b"PK"


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _tables(path: Path) -> list[tuple[list[int], list[list[tuple[int, str, str]]], list[bool]]]:
    """Per table: the grid's widths, each row's cells (width, text, size) and tblHeader rows."""
    import docx

    out = []
    for table in docx.Document(str(path)).tables:
        tbl = table._tbl
        grid = [int(g.get(f"{W}w")) for g in tbl.iter(f"{W}gridCol")]
        rows, header = [], []
        for tr in tbl.iter(f"{W}tr"):
            header.append(tr.find(f"{W}trPr/{W}tblHeader") is not None)
            cells = []
            for tc in tr.iter(f"{W}tc"):
                size = tc.find(f".//{W}r/{W}rPr/{W}sz")
                text = "".join(t.text or "" for t in tc.iter(f"{W}t"))
                width = int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w"))
                cells.append((width, text, "" if size is None else size.get(f"{W}val")))
            rows.append(cells)
        out.append((grid, rows, header))
    return out


def test_the_docx_table_is_usable_on_paper(county: Path) -> None:
    from lawgov_gen.commands.rollup.docx_table import to_docx

    assert invoke("summary", TOWNS, "-o", "汇总.docx").exit_code == 0
    ((grid, rows, header),) = _tables(Path("汇总.docx"))
    assert header == [True] + [False] * (len(rows) - 1)  # the heading row repeats on each page
    assert all([w for w, _, _ in row] == grid for row in rows)  # cells as wide as the grid
    # 14 columns fit a landscape page in 五号, not in 4号 or 小四
    assert {size for row in rows for _, text, size in row if text} == {"21"}
    assert rows[0][3][1] == "调解矛盾纠纷（起）"
    # 单位 fits four characters; a number is never narrower than its digits (0.64 em each)
    assert grid[0] >= 4 * 210
    assert all(w >= len(text) * 0.64 * 210 for row in rows[1:] for w, text, _ in row[3:])
    # a wide table: 五号, in parts that each repeat 单位 and fit 225 mm, after 续表
    Path("wide.docx").write_bytes(to_docx(_wide_summary(30, 40, 1_000_000), "汇总表"))
    tables = _tables(Path("wide.docx"))
    assert len(tables) > 1
    for grid, rows, _ in tables:
        assert [row[0][1] for row in rows][:2] == ["单位", "示例00镇"]
        assert sum(grid) <= 225 * 1440 / 25.4
        assert {size for row in rows for _, text, size in row if text} == {"21"}
    assert sum(len(grid) - 1 for grid, _, _ in tables) == 42  # every column once, 单位 repeated
    import docx

    texts = [p.text for p in docx.Document("wide.docx").paragraphs]
    assert texts.count("续表") == len(tables) - 1


@requires_libreoffice
def test_the_wide_table_prints_whole_numbers_and_repeats_its_heading(county: Path) -> None:
    import subprocess

    import pdfplumber

    from lawgov_gen.commands.rollup.docx_table import to_docx
    from tests.helpers import SOFFICE

    Path("wide.docx").write_bytes(to_docx(_wide_summary(30, 40, 1_000_000), "汇总表"))
    assert SOFFICE is not None
    profile = (Path.cwd() / "profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "wide.docx",
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with pdfplumber.open("wide.pdf") as pdf:
        pages = [page.extract_text().splitlines() for page in pdf.pages]
    assert all(any(line.startswith("单位") for line in page) for page in pages)  # heading repeats
    lines = [line for page in pages for line in page]
    parts = lines.count("续表") + 1
    assert parts > 1
    assert sum(t.count("2025-02-20") for t in lines) == 30  # dates whole, on one line
    for r in range(30):  # each report's row in each part; every figure whole on its line
        assert sum(t.startswith(f"示例{r:02}镇 ") for t in lines) == parts
        assert sum(t.count(str(1_000_000 + r * 1111)) for t in lines) == 40


COURT = (
    "court:\n  lawsuits: 2\n  head_appearances: 2\n  judgments_due: 1\n  judgments_performed: 1\n"
)


def test_without_court_figures_there_are_no_court_columns(county: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT

    for name in ("丙镇", "丁镇", "戊镇", "己镇"):
        (Path(TOWNS) / f"{name}.yaml").unlink()
    for name in ("甲镇", "乙镇"):
        path = Path(TOWNS) / f"{name}.yaml"
        path.write_text(path.read_text("utf-8").replace(COURT, ""), "utf-8")
    assert invoke("summary", TOWNS, "-o", "n.csv").exit_code == 0
    head = Path("n.csv").read_bytes().decode("utf-8-sig").splitlines()[0]
    assert head == (
        "单位,成文日期,状态,调解矛盾纠纷（起）,调解成功（起）,调解成功率（%）,发放宣传资料（份）,"
        "法律服务热线接听（次）"
    )
    assert invoke("summary", TOWNS, "-o", "n.docx").exit_code == 0
    document = docx.Document("n.docx")
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT  # eight columns fit 156 mm
    assert len(document.tables[0].columns) == 8
    # one township with court figures brings the six columns back
    path = Path(TOWNS) / "甲镇.yaml"
    path.write_text(path.read_text("utf-8").replace("plans:", COURT + "plans:"), "utf-8")
    assert invoke("summary", TOWNS, "-o", "n.csv").exit_code == 0
    head = Path("n.csv").read_bytes().decode("utf-8-sig").splitlines()[0]
    assert head.endswith(
        ",行政诉讼案件（件）,负责人出庭应诉（件）,败诉（件）,应履行的生效裁判（件）,已履行的生效裁判（件）,出庭应诉率（%）"
    )


def test_other_years_and_a_second_report_of_a_unit_are_not_added(county: Path) -> None:
    import csv

    for name in ("丁镇", "戊镇"):
        (Path(TOWNS) / f"{name}.yaml").unlink()
    last = township("甲镇", "  mediation_cases: 100\n  mediation_success: 90\n", "2024-02-20")
    (Path(TOWNS) / "甲镇2023.yaml").write_text(
        last.replace("  year: 2024", "  year: 2023"), "utf-8"
    )
    again = (Path(TOWNS) / "乙镇.yaml").read_text("utf-8")
    (Path(TOWNS) / "乙镇副本.yaml").write_text(again, "utf-8")
    result = invoke("summary", TOWNS, "-o", "t.csv", "--metrics-out", "sums.yaml")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "2024/乡镇/乙镇副本.yaml:3:8: 警告 R2 单位“示例县乙镇人民政府”已有一份 2024 年度的报告 "
        "2024/乡镇/乙镇.yaml（乙镇）：这一份不计入合计，请删去重复的文件",
        "2024/乡镇/甲镇2023.yaml:6:9: 警告 R1 这份报告是 2023 年度的，汇总的是 2024 年度的报告：不计入合计",
    ]
    rows = list(csv.reader(Path("t.csv").read_text("utf-8-sig").splitlines()))
    status = {(r[0], r[1]): r[2] for r in rows[1:]}
    assert status[("乙镇", "2025-02-20")] in ("正常", "单位重复，不计入合计")
    assert sorted(status.values()).count("单位重复，不计入合计") == 1
    assert status[("甲镇", "2024-02-20")] == "2023年度，不计入合计"
    total = rows[-1]
    assert total[2] == (
        "合计不含：乙镇（2024/乡镇/乙镇副本.yaml，重复）、甲镇（2023年度）；"
        "标 * 的合计缺少部分报告的数字"  # (丙镇 and 己镇 give no 宣传资料)
    )
    assert total[3:6] == ["270", "259", "95.9"]  # 130 + 80 + 40 + 20: once each, 2024 only
    assert (
        Path("sums.yaml")
        .read_text("utf-8")
        .startswith("# 由 lawgov-gen summary 汇总的 4 份报告的合计数")
    )
    from openpyxl import load_workbook

    assert invoke("summary", TOWNS, "-o", "t.xlsx").exit_code == 0
    issues = [[c.value for c in row] for row in load_workbook("t.xlsx")["问题"].iter_rows()]
    assert [r[:5] for r in issues if r[4] in ("R1", "R2")] == [
        ["2024/乡镇/乙镇副本.yaml", 3, 8, "警告", "R2"],
        ["2024/乡镇/甲镇2023.yaml", 6, 9, "警告", "R1"],
    ]


def test_c4_names_the_ids_in_chinese_quotes(county: Path) -> None:
    from tests.helpers import check_lines

    path = _town(
        "庚镇",
        "  mediation_cases: 30\n  mediation_success: 20\n  leaflets: 10\n"
        "  mediation_rate: {rate: [leaflets, mediation_cases]}\n",
    )
    assert check_lines(path) == (
        1,
        [
            "2024/乡镇/庚镇.yaml:15:26: 错误 C4 “mediation_rate”的 rate 与指标目录不同："
            "目录中是“mediation_success”、“mediation_cases”，这里是“leaflets”、“mediation_cases”："
            "汇总时无法按目录计算"
        ],
    )


def test_a_broken_catalogue_is_said_whole_in_one_pass(county: Path) -> None:
    from openpyxl import load_workbook

    from tests.helpers import check_lines

    Path("指标目录.yaml").write_text(
        "version: 1\ncatalog: {name: 坏目录}\nmetrics:\n"
        "  cases: {label: 调解, unit: 起, colour: 红}\n"
        "  solved: {label: 成功, unit: 起, of: case}\n"
        "  rate: {label: 成功率, rate: [solved, cases], unit: 起}\n"
        "  a: {label: 甲, of: b}\n  b: {label: 乙, of: a}\n",
        encoding="utf-8",
    )
    assert check_lines("指标目录.yaml") == (
        1,
        [
            "指标目录.yaml:4:31: 错误 SCHEMA 未知的键“metrics.cases.colour”："
            "可用的键：label、unit、of、parts、rate、required",
            "指标目录.yaml:5:36: 错误 SCHEMA “solved”的 of 引用了目录中没有的指标“case”",
            "指标目录.yaml:6:51: 错误 SCHEMA 比率“rate”不能有单位“起”：比率总是以 % 表示，请删去 unit",
            "指标目录.yaml:7:21: 错误 SCHEMA “a”经 of 循环包含了自己",
            "指标目录.yaml:8:21: 错误 SCHEMA “b”经 of 循环包含了自己",
        ],
    )
    # a township quoting it: its row names the catalogue and the first of its errors
    assert invoke("summary", f"{TOWNS}/甲镇.yaml", "-o", "t.xlsx").exit_code == 0
    status = load_workbook("t.xlsx")["汇总"]["C2"].value
    assert status == (
        "无法读取：2024/乡镇/甲镇.yaml:5:12: 错误 SCHEMA 指标目录 指标目录.yaml 有 5 处错误，"
        "第一处：指标目录.yaml:4:31: 错误 SCHEMA 未知的键“metrics.cases.colour”："
        "可用的键：label、unit、of、parts、rate、required"
    )


def test_xlsx_dates_are_dates_rates_print_as_in_the_csv_and_statuses_wrap(county: Path) -> None:
    import datetime as dt

    from openpyxl import load_workbook

    assert invoke("summary", TOWNS, "-o", "t.xlsx").exit_code == 0
    first = Path("t.xlsx").read_bytes()
    assert invoke("summary", TOWNS, "-o", "t.xlsx").exit_code == 0
    assert Path("t.xlsx").read_bytes() == first
    sheet = load_workbook("t.xlsx")["汇总"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    date = rows["甲镇"][1]
    assert (date.value, date.number_format) == (dt.datetime(2025, 2, 20), "yyyy-mm-dd")
    assert rows["戊镇"][1].value is None
    rate = rows["己镇"][5]  # 20 of 20: 100, as the CSV and the report say it
    assert (rate.value, rate.number_format) == (100, "0")
    assert (rows["甲镇"][5].value, rows["甲镇"][5].number_format) == (96.2, "0.0")
    assert rows["戊镇"][2].value.startswith("无法读取：") and rows["戊镇"][2].alignment.wrap_text
    assert rows["合计"][2].alignment.wrap_text
    assert sheet.column_dimensions["C"].width == 40


def test_no_sums_file_is_made_from_no_counted_report(county: Path) -> None:
    result = invoke("summary", f"{TOWNS}/戊镇.yaml", "-o", "t.csv", "--metrics-out", "s.yaml")
    assert result.exit_code == 1  # it does not load
    assert result.stderr.endswith(
        "s.yaml: 错误 没有一份报告计入合计（都无法读取、不是本年度的或与另一份重复），"
        "不生成合计指标文件：请先改正各报告的错误\n"
    )
    assert not Path("s.yaml").exists() and not Path("t.csv").exists()
    # a report with errors still gives its valid figures, and its sums say what they lack
    result = invoke("summary", f"{TOWNS}/丁镇.yaml", "-o", "t.csv", "--metrics-out", "s.yaml")
    assert result.exit_code == 0
    sums = Path("s.yaml").read_text("utf-8")
    assert "  mediation_cases: {label: 调解矛盾纠纷, value: 50, unit: 起}\n" in sums
    assert (
        "  mediation_success: {label: 调解成功, value: null" not in sums
        and "mediation_success" not in sums.split("metrics:")[1]
    )


def test_an_earlier_sums_file_inside_the_folder_is_named_as_an_input(county: Path) -> None:
    Path(f"{TOWNS}/合计.yaml").write_text("metrics: {}\n", "utf-8")
    result = invoke("summary", TOWNS, "-o", "t.csv", "--metrics-out", f"{TOWNS}/合计.yaml")
    assert (result.exit_code, result.stderr) == (
        1,
        f"{TOWNS}/合计.yaml: 错误 这是本次要汇总的文件之一（它在给出的文件夹中），不能用汇总结果覆盖它："
        "请换一个文件名，或写到文件夹之外\n",
    )
    assert not Path("t.csv").exists()
