"""The county's folder: the catalogue rules, the summary table in three formats with correct
totals, the sums flowing into the county's own report, and CI formats."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.county import township
from tests.helpers import check_lines, invoke, minimal_text, style_name

pytestmark = pytest.mark.usefixtures("in_tmp")
TOWNS = "2024/乡镇"


def _town(name: str, metrics: str) -> Path:
    path = Path(TOWNS) / f"{name}.yaml"
    path.write_text(township(name, metrics), encoding="utf-8")
    return path


def test_c1_required_indicator_missing(county: Path) -> None:
    assert check_lines(f"{TOWNS}/丁镇.yaml") == (
        1,
        [
            "2024/乡镇/丁镇.yaml:5:12: 错误 C1 缺少指标目录“示例县乡镇法治政府建设主要指标”中的必填指标"
            "“mediation_success”（调解成功）：请在 metrics 中填写",
            "2024/乡镇/丁镇.yaml:16:46: 错误 Q4 引用了不存在的指标“mediation_success”：最接近的是：mediation_cases",
            "2024/乡镇/丁镇.yaml:16:75: 错误 Q4 引用了不存在的指标“mediation_rate”：最接近的是：mediation_cases",
        ],
    )


def test_c2_unit_differs(county: Path) -> None:
    path = _town("庚镇", "  mediation_cases: {value: 30, unit: 件}\n  mediation_success: 20\n")
    assert check_lines(path) == (
        1,
        [
            "2024/乡镇/庚镇.yaml:12:38: 错误 C2 “mediation_cases”的单位是“件”，指标目录中是“起”：请改为目录中的单位"
        ],
    )


def test_c3_label_differs(county: Path) -> None:
    path = _town(
        "庚镇", "  mediation_cases: {label: 化解纠纷, value: 30}\n  mediation_success: 20\n"
    )
    assert check_lines(path) == (
        0,
        [
            "2024/乡镇/庚镇.yaml:12:28: 警告 C3 “mediation_cases”的名称是“化解纠纷”，指标目录中是“调解矛盾纠纷”：汇总表按目录的名称列出"
        ],
    )


def test_c4_relations_differ(county: Path) -> None:
    path = _town(
        "庚镇",
        "  mediation_cases: 30\n  mediation_success: {value: 20, of: leaflets}\n  leaflets: 100\n",
    )
    code, out = check_lines(path)
    assert code == 1
    assert out == [
        "2024/乡镇/庚镇.yaml:13:38: 错误 C4 “mediation_success”的 of 与指标目录不同：目录中是“mediation_cases”，"
        "这里是“leaflets”：汇总时无法按目录计算"
    ]


def test_a_catalogue_that_does_not_load_is_an_error_at_its_line(county: Path) -> None:
    Path("指标目录.yaml").write_text(
        "version: 1\ncatalog: {name: 甲}\nmetrics:\n  a: {label: 甲, unt: 起}\n", encoding="utf-8"
    )
    code, out = check_lines(f"{TOWNS}/甲镇.yaml")
    assert code == 1
    assert sorted(out) == [
        "2024/乡镇/甲镇.yaml:5:12: 错误 SCHEMA 指标目录 指标目录.yaml 有 1 处错误，第一处："
        "指标目录.yaml:4:17: 错误 SCHEMA 未知的键“metrics.a.unt”：是否想写“unit”？",
        "指标目录.yaml:4:17: 错误 SCHEMA 未知的键“metrics.a.unt”：是否想写“unit”？",
    ]


def test_a_folder_passes_over_catalogues_and_included_files(county: Path) -> None:
    for name in ("丁镇", "戊镇"):
        (Path(TOWNS) / f"{name}.yaml").unlink()
    invoke("summary", TOWNS, "-o", "2024/汇总.csv", "--metrics-out", "2024/全县合计.yaml")
    code, out = check_lines(".", "2024")
    assert code == 0, out  # 指标目录.yaml and 全县合计.yaml are not reports
    Path("2024/notes.yaml").write_text("title: 备忘\n", encoding="utf-8")
    assert "2024/notes.yaml:1:1: 错误 SCHEMA 缺少必填项“report”：请补上" in check_lines("2024")[1]


def test_summary_xlsx_rows_totals_and_findings(county: Path) -> None:
    from openpyxl import load_workbook

    result = invoke("summary", TOWNS, "-o", "汇总.xlsx")
    assert (result.exit_code, result.stdout) == (0, "已生成 汇总.xlsx（6 份报告，2 份有错误）\n")
    assert invoke("summary", TOWNS, "-o", "汇总.xlsx", "--strict").exit_code == 1
    book = load_workbook("汇总.xlsx")
    sheet = book["汇总"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    head = rows[0]
    assert head[:8] == [
        "单位",
        "成文日期",
        "状态",
        "调解矛盾纠纷（起）",
        "调解成功（起）",
        "调解成功率（%）",
        "发放宣传资料（份）",
        "法律服务热线接听（次）",
    ]
    assert head[8:] == [
        "行政诉讼案件（件）",
        "负责人出庭应诉（件）",
        "败诉（件）",
        "应履行的生效裁判（件）",
        "已履行的生效裁判（件）",
        "出庭应诉率（%）",
    ]
    names = [r[0] for r in rows[1:-1]]
    assert names == ["丁镇", "丙镇", "乙镇", "己镇", "戊镇", "甲镇"]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["甲镇"][3:8] == [130, 125, 96.2, 500, 36]
    assert sheet.cell(row=names.index("甲镇") + 2, column=7).number_format == '0"余"'
    assert by_name["丙镇"][2].startswith("逾期")
    # 丁镇 has errors (no 调解成功): its valid figure still counts, in its own column only
    assert by_name["丁镇"][2] == "3个错误，0个警告" and by_name["丁镇"][3:5] == [50, None]
    assert by_name["戊镇"][2].startswith("无法读取：2024/乡镇/戊镇.yaml:1:10: 错误 YAML")
    total = rows[-1]
    assert total[0] == "合计"
    # each figure counts where it is valid (丁镇's 50 cases; 戊镇 does not load), and every
    # 合计 that leaves a report's figure out says so
    assert total[2] == (
        "合计不含：戊镇（无法读取）；调解成功率未合计：丁镇缺少“调解成功”；"
        "标 * 的合计缺少部分报告的数字"
    )
    assert total[3:8] == [320, 259, None, 1800, 48]
    assert sheet.cell(row=len(rows), column=4).number_format == '0"*"'
    assert sheet.cell(row=len(rows), column=7).number_format == '0"余""*"'
    # no township gives `lost`: its 合计 is empty (unknown), not 0
    assert total[8:] == [10, 10, None, 5, 5, 100]
    assert all(isinstance(v, (int, float)) for v in total[3:5] + total[6:10] + total[11:])
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["B"].width
    issues = [[c.value for c in row] for row in book["问题"].iter_rows()]
    assert issues[0] == ["文件", "行", "列", "级别", "规则", "说明"]
    assert issues[1][:5] == ["2024/乡镇/丁镇.yaml", 5, 12, "错误", "C1"]


def test_summary_csv_has_a_bom_and_escapes_formulas(county: Path) -> None:
    _town(
        "庚镇",
        "  mediation_cases: 30\n  mediation_success: 20\n  hotline: {label: '=HYPERLINK(1)', value: 3, unit: 次}\n",
    )
    (Path(TOWNS) / "甲镇.yaml").unlink()
    (Path(TOWNS) / "乙镇.yaml").unlink()
    _town(
        "辛镇",
        "  mediation_cases: 10\n  mediation_success: 9\n  hotline: {label: 热线, value: 2, unit: 次}\n",
    )
    assert invoke("summary", TOWNS, "-o", "汇总.csv").exit_code == 0
    data = Path("汇总.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf\xe5\x8d\x95\xe4\xbd\x8d,")  # BOM, 单位,
    head = data.decode("utf-8-sig").splitlines()[0]
    assert ",'=HYPERLINK(1)（次）," in head


def test_summary_docx_is_an_attachment_in_the_reports_styles(county: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT

    assert invoke("summary", TOWNS, "-o", "汇总.docx").exit_code == 0
    document = docx.Document("汇总.docx")
    texts = [(p.style.name if p.style else "", p.text) for p in document.paragraphs if p.text]
    assert texts[:2] == [("附件标记", "附件"), ("附件标题", "示例县乡镇法治政府建设主要指标汇总表")]
    (table,) = document.tables
    assert len(table.rows) == 8
    assert [c.text for c in table.rows[-1].cells][:5] == [
        "合计",
        "",
        "合计不含：戊镇（无法读取）；调解成功率未合计：丁镇缺少“调解成功”；"
        "标 * 的合计缺少部分报告的数字",
        "320*",
        "259*",
    ]
    assert style_name(table.rows[1].cells[0].paragraphs[0]) == "表格"
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE  # 14 columns: wider than 156 mm
    first = Path("汇总.docx").read_bytes()
    invoke("summary", TOWNS, "-o", "汇总.docx")
    assert Path("汇总.docx").read_bytes() == first


def test_the_sums_flow_into_the_countys_own_report(county: Path) -> None:
    import docx
    import yaml

    (Path(TOWNS) / "丁镇.yaml").unlink()  # (its missing 调解成功 would leave the rate out)
    result = invoke("summary", TOWNS, "-o", "2024/汇总.xlsx", "--metrics-out", "2024/全县合计.yaml")
    assert result.exit_code == 0, result.stderr
    text = Path("2024/全县合计.yaml").read_text("utf-8")
    assert text.startswith(
        "# 由 lawgov-gen summary 汇总的 4 份报告的合计数（比率由合计的分子、分母重新计算）。\n"
        "# 不含：戊镇（无法读取）。\n"
    )
    sums = yaml.safe_load(Path("2024/全县合计.yaml").read_text("utf-8"))["metrics"]
    unread = {"report": "戊镇", "why": "无法读取"}
    assert sums["mediation_cases"] == {
        "label": "调解矛盾纠纷", "value": 270, "unit": "起", "left_out": [unread]
    }  # fmt: skip
    assert sums["mediation_success"] == {
        "label": "调解成功",
        "value": 259,
        "unit": "起",
        "of": "mediation_cases",
        "left_out": [unread],
    }
    assert sums["mediation_rate"] == {
        "label": "调解成功率",
        "rate": ["mediation_success", "mediation_cases"],
        "left_out": [unread],
    }
    assert sums["leaflets"]["left_out"] == [{"report": "丙镇", "why": "没有填写"}, unread]
    assert check_lines("2024/全县.yaml")[0] == 0  # Q13 warns: the sums leave 戊镇 out
    assert invoke("render", "2024/全县.yaml", "-o", "out").exit_code == 0
    text = "\n".join(p.text for p in docx.Document("out/全县.docx").paragraphs)
    assert "全县" in text
    # the county report prints the county-wide figures, its rate the 合计's 259/270
    assert "全县各乡镇共调解矛盾纠纷270起，调解成功259起，成功率95.9%。" in text
    assert "全县发放宣传资料1800余份。" in text


def test_summary_does_not_import_weasyprint(county: Path) -> None:
    code = (
        "import sys; from lawgov_gen.cli import main; "
        f"main(['summary', '{TOWNS}', '-o', 't.csv']); print('weasyprint' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_check_github_annotations(county: Path) -> None:
    result = invoke("check", f"{TOWNS}/丙镇.yaml", "--format", "github")
    assert result.stdout == (
        "::warning file=2024/乡镇/丙镇.yaml,line=7,col=9,title=D2::成文日期晚于 2025年3月1日的报送期限\n"
    )
    result = invoke("check", f"{TOWNS}/戊镇.yaml", "--format", "github")
    assert result.stdout.startswith(
        "::error file=2024/乡镇/戊镇.yaml,line=1,col=10,title=YAML::YAML 语法错误"
    )
    assert result.exit_code == 1


def test_the_pre_commit_hook_runs_check_on_a_county_repository(
    county: Path, tmp_path: Path
) -> None:
    import shutil

    from tests.helpers import ROOT

    for name in ("丙镇", "丁镇", "戊镇"):  # a clean county: the late, the incomplete, the broken go
        (Path(TOWNS) / f"{name}.yaml").unlink()
    assert (
        invoke(
            "summary", TOWNS, "-o", "2024/汇总.csv", "--metrics-out", "2024/全县合计.yaml"
        ).exit_code
        == 0
    )
    # the README's workflow and config: YAML files in dot-folders are not report data
    Path(".github/workflows").mkdir(parents=True)
    Path(".github/workflows/reports.yml").write_text(
        "name: reports\non: [pull_request]\njobs: {}\n", encoding="utf-8"
    )
    Path(".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    Path("2024/.notes.yaml").write_text("todo: 核对\n", encoding="utf-8")
    git = ["git", "-c", "user.email=clerk@example.invalid", "-c", "user.name=clerk"]
    subprocess.run(["git", "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "2024"], check=True)
    env = {**__import__("os").environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    assert pre_commit, "pre-commit is a dev dependency: pip install -e '.[dev]'"

    def hook(hook_id: str = "lawgov-gen-check", *files: str) -> subprocess.CompletedProcess[str]:
        which = ["--files", *files] if files else ["--all-files"]
        return subprocess.run(
            [pre_commit, "try-repo", str(ROOT), hook_id, *which],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )

    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "lawgov-gen check" in passed.stdout and "Passed" in passed.stdout
    town = Path(TOWNS) / "甲镇.yaml"
    town.write_text(
        town.read_text("utf-8").replace("主要负责人带头学法。", "主要负责人带头学法,带头守法。"),
        encoding="utf-8",
    )
    failed = hook()
    assert failed.returncode == 1
    assert "2024/乡镇/甲镇.yaml:29:20: 警告 F1 中文中用了半角“,”：应为全角“，”" in failed.stdout
    # the second hook: warnings are shown, only errors fail; a commit that changes only the
    # catalogue rechecks the townships that quote it
    catalog = Path("指标目录.yaml")
    catalog.write_text(
        catalog.read_text("utf-8") + "  hearings: {label: 听证会, unit: 场次, required: true}\n",
        "utf-8",
    )
    errors = hook("lawgov-gen-check-errors", "指标目录.yaml")
    assert errors.returncode == 1
    assert "2024/乡镇/甲镇.yaml:29:20: 警告 F1 中文中用了半角“,”" in errors.stdout
    c1 = "错误 C1 缺少指标目录“示例县乡镇法治政府建设主要指标”中的必填指标“hearings”（听证会）"
    assert c1 in errors.stdout, errors.stdout


def test_init_catalog_lists_every_indicator_to_fill(county: Path) -> None:
    import yaml

    result = invoke(
        "init",
        f"{TOWNS}/庚镇.yaml",
        "--catalog",
        "指标目录.yaml",
        "--org",
        "示例县庚镇人民政府",
        "--year",
        "2024",
    )
    assert result.exit_code == 0, result.stderr
    text = (Path(TOWNS) / "庚镇.yaml").read_text("utf-8")
    assert (
        "  mediation_cases: # 调解矛盾纠纷（起），必填：填写数值，如 mediation_cases: 130" in text
    )
    assert "  leaflets: # 发放宣传资料（份），选填" in text
    data = yaml.safe_load(text)
    assert data["report"]["catalog"] == "../../指标目录.yaml"
    code, out = check_lines(f"{TOWNS}/庚镇.yaml")
    assert code == 1
    assert [ln.split(" 错误 ")[1] for ln in out if " 错误 " in ln][:2] == [
        "SCHEMA “metrics.mediation_cases”还没有填写数值：请写 value（比率请写 rate: [分子, 分母]）",
        "SCHEMA “metrics.mediation_success”还没有填写数值：请写 value（比率请写 rate: [分子, 分母]）",
    ]


def test_summary_never_overwrites_a_report_and_keeps_units_apart(county: Path) -> None:
    from openpyxl import load_workbook

    town = Path(TOWNS) / "甲镇.yaml"
    before = town.read_bytes()
    result = invoke("summary", TOWNS, "-o", "t.csv", "--metrics-out", str(town))
    assert (result.exit_code, result.stderr) == (
        1,
        "2024/乡镇/甲镇.yaml: 错误 这是一份报告或指标目录，不能用汇总结果覆盖它：请换一个文件名\n",
    )
    assert town.read_bytes() == before and not Path("t.csv").exists()
    _town(
        "庚镇",
        "  mediation_cases: 10\n  mediation_success: 9\n  hotline: {label: 法律服务热线接听, value: 2, unit: 万次}\n",
    )
    Path(TOWNS, "辛镇.yaml").write_text(
        township("=1+2", "  mediation_cases: 10\n  mediation_success: 9\n"), encoding="utf-8"
    )
    assert invoke("summary", TOWNS, "-o", "t.xlsx").exit_code == 0
    sheet = load_workbook("t.xlsx")["汇总"]
    head = [c.value for c in sheet[1]]
    # 36次 + 12次 and 2万次 never add up: a column per unit
    assert "法律服务热线接听（次）" in head and "法律服务热线接听（万次）" in head
    total = [c.value for c in sheet[sheet.max_row]]
    assert total[head.index("法律服务热线接听（次）")] == 48
    assert total[head.index("法律服务热线接听（万次）")] == 2
    names = [sheet.cell(row=r, column=1) for r in range(2, sheet.max_row)]
    formula = next(c for c in names if c.value == "=1+2")
    assert formula.data_type == "s"  # shown as text, not computed as 3


def test_a_catalogues_relations_are_checked_at_its_lines(county: Path) -> None:
    Path("指标目录.yaml").write_text(
        "version: 1\ncatalog: {name: 甲}\nmetrics:\n"
        "  a: {label: 甲, unit: 起}\n  r: {label: 率, rate: [a, missing]}\n  s: {label: 自比, rate: [s, a]}\n",
        encoding="utf-8",
    )
    assert check_lines("指标目录.yaml") == (
        1,
        [
            "指标目录.yaml:5:23: 错误 SCHEMA “r”的 rate 引用了目录中没有的指标“missing”",
            "指标目录.yaml:6:24: 错误 SCHEMA “s”的 rate 引用了它自己",
        ],
    )


def test_init_refuses_names_the_data_file_would_refuse(county: Path) -> None:
    for org, message in (
        ("", "--org 不能为空"),
        ("甲" * 61, "--org 太长（最多 60 个字）"),
        ("甲\x01乙", "--org 中有控制字符"),
    ):
        result = invoke("init", "new.yaml", "--org", org)
        assert result.exit_code == 1 and message in result.stderr, result.stderr
        assert not Path("new.yaml").exists()
    assert (
        invoke("init", f"{TOWNS}/甲镇.yaml", "--from", f"{TOWNS}/甲镇.yaml", "--force").exit_code
        == 1
    )


def test_an_included_file_given_alone_checks_the_report_that_includes_it(in_tmp: Path) -> None:
    # what a pre-commit hook does when a commit changes only a township's part file
    duties = "duties:\n  - title: 带头学法\n    text: 主要负责人带头学法。\n"
    Path("towns").mkdir()
    Path("towns/甲镇.yaml").write_text(
        minimal_text(("version: 1\n", "version: 1\ninclude: [甲镇职责.yaml]\n"), (duties, "")),
        "utf-8",
    )
    Path("towns/甲镇职责.yaml").write_text(duties.replace("带头学法。", "带头学法,"), "utf-8")
    alone = check_lines("towns/甲镇职责.yaml")
    assert alone == check_lines("towns/甲镇.yaml") != (0, [])
    assert any(line.startswith("towns/甲镇职责.yaml:3:") and " F1 " in line for line in alone[1])
    assert check_lines("towns/甲镇.yaml", "towns/甲镇职责.yaml") == alone


def test_reports_that_include_each_other_are_checked_not_passed_over(in_tmp: Path) -> None:
    Path("towns").mkdir()
    for me, other in (("a", "b"), ("b", "a")):
        text = minimal_text(("version: 1\n", f"version: 1\ninclude: [{other}.yaml]\n"))
        Path(f"towns/{me}.yaml").write_text(text, "utf-8")
    code, lines = check_lines("towns")
    assert code == 1
    assert "towns/a.yaml:2:11: 错误 SCHEMA “b.yaml”循环引用或嵌套过深" in lines
    assert "towns/b.yaml:2:11: 错误 SCHEMA “a.yaml”循环引用或嵌套过深" in lines


def test_a_part_in_a_subfolder_given_alone_checks_its_report(in_tmp: Path) -> None:
    duties = "duties:\n  - title: 带头学法\n    text: 主要负责人带头学法。\n"
    Path("town/parts").mkdir(parents=True)
    include = ("version: 1\n", "version: 1\ninclude: [parts/duties.yaml]\n")
    Path("town/main.yaml").write_text(minimal_text(include, (duties, "")), "utf-8")
    Path("town/parts/duties.yaml").write_text(duties, "utf-8")
    assert check_lines("town/parts/duties.yaml") == check_lines("town/main.yaml")
    assert check_lines("town/parts/duties.yaml")[0] == 0
