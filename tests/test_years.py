"""Figures across years: previous files, changes, the indicator table and `diff`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn

from tests.helpers import EXAMPLES, MINIMAL, Minimal, invoke
from tests.layout import BLOCK_LEFT, MM, lines_of, text

LAST_YEAR = MINIMAL.replace("year: 2024", "year: 2023").replace("2025-02-20", "2024-02-20")


def with_metrics(text: str, metrics: str) -> str:
    """A data file's text with its metrics block replaced."""
    head, rest = text.split("metrics:\n")
    return f"{head}metrics:\n{metrics}measures:{rest.split('measures:')[1]}"


TwoYears = Callable[..., list[str]]  # two_years(old_metrics, new_metrics, sentence, extra="")


@pytest.fixture
def two_years(in_tmp: Path) -> TwoYears:
    """Write 2023/t.yaml and 2024/t.yaml (naming the first as previous); return a renderer."""

    def make(old_metrics: str, new_metrics: str, sentence: str, extra: str = "") -> list[str]:
        old = with_metrics(LAST_YEAR, old_metrics)
        new = MINIMAL.replace("version: 1\n", f"version: 1\nprevious: ../2023/t.yaml\n{extra}")
        new = with_metrics(new, new_metrics)
        new = new.replace(
            "全年调解纠纷{{ m.cases }}，调解成功{{ m.solved }}，成功率{{ m.rate }}。", sentence
        )
        old = old.replace(
            "全年调解纠纷{{ m.cases }}，调解成功{{ m.solved }}，成功率{{ m.rate }}。",
            "全年调解纠纷{{ m.cases }}。",
        )
        Path("2023").mkdir(exist_ok=True)
        Path("2024").mkdir(exist_ok=True)
        Path("2023/t.yaml").write_text(old, encoding="utf-8")
        Path("2024/t.yaml").write_text(new, encoding="utf-8")
        result = invoke("render", "2024/t.yaml", "-o", "out")
        assert result.exit_code == 0, result.stderr
        return [p.text for p in docx.Document("out/t.docx").paragraphs]

    return make


OLD = """\
  cases: {label: 调解纠纷, value: 100, unit: 起}
  solved: {label: 调解成功, value: 90, unit: 起, of: cases}
  rate: {label: 调解成功率, rate: [solved, cases]}
  flat: {label: 普法活动, value: 20, unit: 场次}
  down: {label: 信访, value: 40, unit: 件}
"""
NEW = """\
  cases: {label: 调解纠纷, value: 130, unit: 起}
  solved: {label: 调解成功, value: 125, unit: 起, of: cases}
  rate: {label: 调解成功率, rate: [solved, cases]}
  flat: {label: 普法活动, value: 20, unit: 场次}
  down: {label: 信访, value: 38, unit: 件}
  fresh: {label: 新指标, value: 5, unit: 项}
"""
SENTENCE = (
    "纠纷{{ m.cases }}，{{ m.cases.change }}，上年{{ m.cases.prev }}；"
    "成功率{{ m.rate }}，{{ m.rate.change }}，上年{{ m.rate.prev }}；"
    "普法{{ m.flat.change }}；信访{{ m.down.change }}；新增{{ m.fresh }}{{ m.solved }}。"
)


def test_previous_fills_prev_up_down_flat_and_rate_points(two_years: TwoYears) -> None:
    texts = two_years(OLD, NEW, SENTENCE)
    assert (
        "纠纷130起，同比增长30.0%，上年100起；成功率96.2%，提高6.2个百分点，上年90%；"
        "普法与上年持平；信访同比下降5.0%；新增5项125起。"
    ) in texts


def test_typed_prev_wins_and_check_warns_when_it_disagrees(two_years: TwoYears) -> None:
    new = NEW.replace("value: 130, unit: 起}", "value: 130, unit: 起, prev: 120}")
    texts = two_years(OLD, new, SENTENCE)
    assert any("纠纷130起，同比增长8.3%，上年120起" in t for t in texts)
    result = invoke("check", "2024/t.yaml")
    assert result.stdout.splitlines() == [
        "2024/t.yaml:12:51: 警告 Q9 prev 为 120，而上年数据文件中“cases”为 100：以手写的 prev 为准，请核对"
    ]


def test_rate_down_in_points(two_years: TwoYears) -> None:
    new = NEW.replace("value: 125, unit: 起, of: cases", "value: 104, unit: 起, of: cases")
    texts = two_years(
        OLD, new, "成功率{{ m.rate }}，{{ m.rate.change }}。{{ m.flat }}{{ m.down }}{{ m.fresh }}"
    )
    assert "成功率80%，下降10个百分点。20场次38件5项" in texts


def test_change_needs_last_year(two_years: TwoYears) -> None:
    with pytest.raises(AssertionError):
        two_years(OLD, NEW, "{{ m.fresh.change }}")
    result = invoke("render", "2024/t.yaml", "-o", "out2")
    assert result.exit_code == 1
    assert "错误 T1 指标“fresh”没有上年数值，不能用 .change" in result.stderr


def test_previous_of_the_wrong_year_is_an_error(in_tmp: Path) -> None:
    Path("old.yaml").write_text(
        MINIMAL.replace("year: 2024", "year: 2022").replace("2025-", "2023-"), encoding="utf-8"
    )
    Path("t.yaml").write_text(
        MINIMAL.replace("version: 1\n", "version: 1\nprevious: old.yaml\n"), encoding="utf-8"
    )
    result = invoke("render", "t.yaml", "-o", "out")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "t.yaml:2:11: 错误 SCHEMA previous 指向 2022 年的报告，应为上一年度 2023 年\n"
    )
    assert not Path("out").exists()


def test_broken_previous_file_is_reported_with_its_own_lines(in_tmp: Path) -> None:
    Path("old.yaml").write_text(LAST_YEAR.replace("measures:", "mesures:"), encoding="utf-8")
    Path("t.yaml").write_text(
        MINIMAL.replace("version: 1\n", "version: 1\nprevious: old.yaml\n"), encoding="utf-8"
    )
    result = invoke("check", "t.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "old.yaml:14:1: 错误 SCHEMA 未知的键“mesures”：是否想写“measures”？",
        "t.yaml:2:11: 错误 SCHEMA 上一年度的数据文件有错误（见上）",
    ]


def test_indicator_table_cells_in_docx(rendered: dict[str, Path]) -> None:
    document = docx.Document(str(rendered["docx"]))
    (table,) = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["指标", "单位", "2024年", "2023年", "增减"]
    assert rows[1] == ["排查调解矛盾纠纷", "起", "146", "128", "增长14.1%"]
    assert ["调解成功率", "%", "96.6", "95.3", "提高1.3个百分点"] in rows
    assert ["受理依申请公开", "件", "2", "2", "持平"] in rows
    assert ["发放普法宣传资料", "份", "6000余", "5000余", "增长20.0%"] in rows
    assert ["受理群众来信来访", "件", "58", "67", "下降13.4%"] in rows
    marker = next(p for p in document.paragraphs if p.text == "附件")
    style = marker.style
    assert style is not None and style.name == "附件标记"
    assert style.paragraph_format.page_break_before is True
    assert style.element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    header_style = table.rows[0].cells[0].paragraphs[0].style
    assert header_style.name == "表头" and header_style.font.size.pt == 14


def test_indicator_table_page_in_pdf(rendered: dict[str, Path]) -> None:
    with pdfplumber.open(rendered["pdf"]) as pdf:
        pages = [lines_of(p) for p in pdf.pages]
    start = next(i for i, p in enumerate(pages) if text(p[0]) == "附件")
    page = pages[start]
    marker, title = page[0], page[1]
    assert abs(marker[0]["x0"] / MM - BLOCK_LEFT) < 0.5 and marker[0]["fontname"].endswith(
        "FandolHei"
    )
    assert text(title) == "青禾镇2024年法治政府建设主要指标"
    assert abs(title[0]["size"] - 22) < 0.1
    # the title stands on line 3 of the grid (a 22 pt glyph sits a little higher in its line)
    assert 57 < title[0]["top"] / MM < 61
    rows = [text(r) for r in page]
    assert "指标单位2024年2023年增减" in rows
    assert "排查调解矛盾纠纷起146128增长14.1%" in rows
    # the table continues on the next page with its header repeated, page numbers continuing
    assert text(pages[start + 1][0]) == "指标单位2024年2023年增减"
    assert text(pages[start + 1][-1]) == f"—{start + 2}—"


def test_metrics_table_with_chosen_ids(minimal: Minimal, tmp_path: Path) -> None:
    path = minimal(
        (
            "  short: 示例镇\n",
            "  short: 示例镇\n  metrics_table: [rate, cases]\n  attachments: [工作台账]\n",
        )
    )
    assert invoke("render", str(path), "-o", str(tmp_path)).exit_code == 0
    document = docx.Document(str(tmp_path / "report.docx"))
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows == [
        ["指标", "单位", "2024年", "2023年", "增减"],
        ["调解成功率", "%", "96.2", "", ""],  # no figure last year: the cell stays empty
        ["调解纠纷", "起", "130", "118", "增长10.2%"],
    ]
    texts = [p.text for p in document.paragraphs]
    assert "附件：1.工作台账" in texts and "2.示例镇2024年法治政府建设主要指标" in texts
    assert "附件2" in texts


def test_diff_table_and_csv() -> None:
    old, new = str(EXAMPLES / "township-2023.yaml"), str(EXAMPLES / "township.yaml")
    result = invoke("diff", old, new)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["指标", "单位", "2023年", "2024年", "增减"]
    assert lines[1].split() == ["排查调解矛盾纠纷", "起", "128", "146", "增长14.1%"]
    assert any(ln.split() == ["受理依申请公开", "件", "2", "2", "持平"] for ln in lines)
    assert any(ln.split() == ["整改法治督察反馈问题", "项", "6"] for ln in lines)
    assert "新增  五、其他情况：扎实推进法治建设示范创建" in lines
    assert "删除  五、其他情况：民主法治示范创建情况" in lines
    csv_result = invoke("diff", old, new, "--format", "csv")
    assert csv_result.stdout.startswith("\ufeffid,")  # Excel on Chinese Windows needs the BOM
    csv_lines = csv_result.stdout.removeprefix("\ufeff").splitlines()
    assert csv_lines[0] == "id,指标,单位,2023年,2024年,增减"
    assert csv_lines[1] == "mediation_cases,排查调解矛盾纠纷,起,128,146,增长14.1%"
    assert csv_lines[-1].startswith("inspection_issues,") and csv_lines[-1].endswith(",6,,")


def test_diff_bad_file_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("report: [", encoding="utf-8")
    result = invoke("diff", str(bad), str(EXAMPLES / "township.yaml"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}:1:") and "YAML 语法错误" in result.stderr


def test_diff_refuses_a_figure_the_report_could_not_print(in_tmp: Path) -> None:
    Path("2023.yaml").write_text(
        LAST_YEAR.replace("value: 130, unit: 起", "value: 130.5, unit: 起"), encoding="utf-8"
    )
    result = invoke("diff", "2023.yaml", str(EXAMPLES / "township.yaml"))
    assert result.exit_code == 1 and result.stdout == ""
    assert " 错误 Q11 " in result.stderr and result.stderr.startswith("2023.yaml:")
