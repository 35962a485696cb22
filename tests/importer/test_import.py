"""`lawgov-gen import`: last year's report becomes a data file that `check` accepts and
`render` turns back into the same text, part by part."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import docx
import pytest
import yaml

from lawgov_gen.checks.runner import check_file
from tests.helpers import EXAMPLES, invoke
from tests.importer.builders import add_numbering, number

pytestmark = pytest.mark.usefixtures("in_tmp")

LABEL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)")
POINT = re.compile(r"[一二三四五六七八九十]+是")


def flat(texts: list[str]) -> str:
    """A part's text with labels, 一是 markers, whitespace and closing marks of titles aside."""
    return re.sub(r"[\s。]", "", POINT.sub("", "".join(LABEL.sub("", t) for t in texts)))


def rendered_parts(path: Path) -> dict[str, list[str]]:
    """Each part's paragraphs as `render` prints them (from the context both outputs share)."""
    checked = check_file(path)
    assert checked.context is not None, [d.format() for d in checked.findings]
    parts: dict[str, list[str]] = {}
    current = None
    for block in checked.context.blocks:
        if block.kind == "h1":
            current = block.text[0]
            parts[current] = []
        elif current is not None:
            parts[current].append(block.text)
    return parts


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def assert_clean(path: Path) -> None:
    code, out = invoke("check", str(path)).exit_code, invoke("check", str(path)).stdout
    bad = [ln for ln in out.splitlines() if " 错误 " in ln or re.search(r" F[1235] ", ln)]
    assert bad == [] and code == 0, bad


# A fictional 2023 report, in the order real ones use: part 三 (第一责任人) before the problems,
# problems written as titled items, plans as 一是…四是 paragraphs, court judgments on their own.
PARTS_IN_ORDER = [
    ("一", "法治政府建设主要做法和成效"),
    ("三", "党政主要负责人履行推进法治建设第一责任人职责情况"),
    ("二", "存在的问题与不足"),
    ("四", "下一步工作打算"),
    ("五", "履行法院生效裁判情况"),
]
MEASURE_1 = "镇党委把法治建设纳入全镇工作大局，全年召开专题会议6次，研究解决重点问题12个。"
MEASURE_2_LEAD = "严格规范执法。"
MEASURE_2 = "全面推行行政执法“三项制度”，全年办理行政处罚案件23件，全部经法制审核。"
SPLIT = (
    "镇司法所联合派出所开展矛盾纠纷排查，全年排查化解各类纠纷130起，调解成功率达",
    "96.2%，未发生民转刑案件。",
)
SOFT = ("重大行政决策全部经过合法性审查，", "全年审查合同18份。")
POINTS = "围绕普法开展工作：一是开展宪法宣传周活动，发放资料500余份。二是培育“法律明白人”25人。"
DUTY = "党政主要负责人带头学习习近平法治思想，年终述职中专题报告履行法治建设职责情况。"
PROBLEM_1 = "干部法治素养有待提升"
PROBLEM_1_TEXT = "少数干部运用法治方式解决问题的能力不强。"
PROBLEM_2 = "执法力量相对薄弱"
PROBLEM_2_TEXT = "综合执法队人员少、任务重，专业人才缺乏。"
PLANS = [
    "一是深入学习贯彻习近平法治思想。",
    "二是持续规范行政执法行为。",
    "三是深化法治宣传教育。",
    "四是健全矛盾纠纷化解机制。",
]
COURT = "2023年，全镇应履行法院生效裁判1件，已全部履行。"


def build_docx(path: Path) -> None:
    document = docx.Document()
    add_numbering(document)
    document.add_paragraph("示例县青禾镇人民政府2023年法治政府建设年度报告")
    document.add_paragraph("中共示例县委员会、示例县人民政府：")
    document.add_paragraph("2023年，青禾镇扎实推进法治政府建设。现将有关情况报告如下：")
    for position, (numeral, heading) in enumerate(PARTS_IN_ORDER):
        document.add_paragraph(f"{'一二三四五'[position]}、{heading}")
        if numeral == "一":
            number(document.add_paragraph("加强组织领导"), 90, 1)  # （一） from numbering.xml
            document.add_paragraph(MEASURE_1)
            lead = document.add_paragraph()
            lead.add_run(f"（二）{MEASURE_2_LEAD}").bold = True
            lead.add_run(MEASURE_2)
            document.add_paragraph(SPLIT[0])
            document.add_paragraph(SPLIT[1])
            soft = document.add_paragraph(SOFT[0])
            soft.runs[0].add_break()
            soft.add_run(SOFT[1])
            document.add_paragraph(POINTS)
            table = document.add_table(rows=2, cols=2)
            table.rows[0].cells[0].text = "指标"
        elif numeral == "三":
            document.add_paragraph(DUTY)
        elif numeral == "二":
            document.add_paragraph(f"（一）{PROBLEM_1}。{PROBLEM_1_TEXT}")
            document.add_paragraph(f"（二）{PROBLEM_2}。{PROBLEM_2_TEXT}")
        elif numeral == "四":
            for plan in PLANS:
                document.add_paragraph(plan)
        else:
            document.add_paragraph(COURT)
    document.add_paragraph("示例县青禾镇人民政府")
    document.add_paragraph("二〇二四年一月二十五日")
    document.add_paragraph("（此件公开发布）")
    document.save(str(path))


EXPECTED = {
    "一": [
        "加强组织领导",
        MEASURE_1,
        MEASURE_2_LEAD + MEASURE_2,
        "".join(SPLIT),
        "".join(SOFT),
        POINTS,
    ],
    "二": [PROBLEM_1 + PROBLEM_1_TEXT, PROBLEM_2 + PROBLEM_2_TEXT],
    "三": [DUTY],
    "四": PLANS,
    "五": [COURT],
}


def test_a_word_report_imports_faithfully() -> None:
    build_docx(Path("old.docx"))
    result = invoke("import", "old.docx", "-o", "2023.yaml")
    assert result.exit_code == 0, result.stderr
    assert "第1个表格（2行×2列，首行：指标）未导入" in result.stdout
    data = yaml.safe_load(Path("2023.yaml").read_text("utf-8"))
    assert data["report"] == {
        "org": "示例县青禾镇人民政府",
        "short": "青禾镇",
        "level": "township",
        "year": 2023,
        "date": __import__("datetime").date(2024, 1, 25),
        "to": ["中共示例县委员会", "示例县人民政府"],
        "title": "示例县青禾镇人民政府2023年法治政府建设年度报告",
        "note": "此件公开发布",
    }
    # parts by what their headings say, not by position; old headings kept as comments
    text = Path("2023.yaml").read_text("utf-8")
    assert "duties: # 原标题：二、党政主要负责人履行推进法治建设第一责任人职责情况" in text
    assert "problems: # 原标题：三、存在的问题与不足" in text
    assert [i.get("title") for i in data["measures"]] == ["加强组织领导", "严格规范执法"]
    assert [s["title"] for s in data["problems"]["shortcomings"]] == [PROBLEM_1, PROBLEM_2]
    assert [p["text"] for p in data["plans"][0]["points"]] == [p[2:] for p in PLANS]
    assert_clean(Path("2023.yaml"))
    parts = rendered_parts(Path("2023.yaml"))
    for numeral, texts in EXPECTED.items():
        assert similar(flat(parts[numeral]), flat(texts)) >= 0.97, (numeral, parts[numeral])
    assert invoke("render", "2023.yaml", "--pdf").exit_code == 0


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_our_own_output_imports_back_to_the_same_text(tmp_path: Path, kind: str) -> None:
    assert invoke("render", str(EXAMPLES / "township.yaml"), "--pdf", "-o", "old").exit_code == 0
    assert invoke("import", f"old/township.{kind}", "-o", "back.yaml").exit_code == 0
    data = yaml.safe_load(Path("back.yaml").read_text("utf-8"))
    assert data["report"]["doc_number"] == "青政〔2025〕6号"
    assert data["report"]["date"].isoformat() == "2025-02-18"
    original, back = rendered_parts(EXAMPLES / "township.yaml"), rendered_parts(Path("back.yaml"))
    assert set(back) == set(original)
    for numeral in original:
        assert similar(flat(back[numeral]), flat(original[numeral])) >= 0.97, numeral
    # every （一） heading of the old report is an item heading of its part, in order
    headings = {n: [t for t in texts if t.startswith("（")] for n, texts in original.items()}
    assert {n: [t for t in texts if t.startswith("（")] for n, texts in back.items()} == headings
    assert_clean(Path("back.yaml"))


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>青禾镇2023年法治政府建设年度报告_示例县人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 法治政府建设</div>
<table class="meta"><tr><td>索引号：</td><td>11330000-0200-2024-00003</td><td>发布机构：</td><td>示例县青禾镇人民政府</td></tr>
<tr><td>文号：</td><td>青政[2024]3号</td><td>成文日期：</td><td>2024-01-26</td></tr></table>
<div class="info">发布时间：2024-01-30 浏览量：1024 字体：【大 中 小】</div>
<div class="article"><h1>青禾镇2023年法治政府建设年度报告</h1>
<p>2023年,青禾镇坚持依法行政,扎实推进法治政府建设。现将有关情况报告如下：</p>
<p><strong>一、2023年推进法治政府建设的主要举措和成效</strong></p>
<p><strong>（一）加强组织领导。</strong>镇党委专题研究法治建设工作，落实第一责任人制度。</p>
<p><strong>二、存在的不足和原因</strong></p><p>一是学法用法还不够深入。二是执法力量比较薄弱。</p>
<p><strong>三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况</strong></p>
<p>主要负责人带头述法。</p><p><strong>四、2024年推进法治政府建设的主要安排</strong></p><p>持续推进依法决策。</p>
<p>示例县青禾镇人民政府</p><p>2024年1月26日</p></div>
<div class="share">分享到：微信 微博</div><div>打印本页 关闭窗口</div><div>扫一扫在手机上查看当前页面</div>
<div class="foot">主办单位：示例县人民政府办公室 网站标识码：3300000000 浙ICP备00000000号</div></body></html>"""


def test_a_web_page_imports_with_its_disclosure_metadata() -> None:
    Path("page.html").write_text(PAGE, encoding="utf-8")
    result = invoke("import", "page.html", "-o", "2023.yaml")
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(Path("2023.yaml").read_text("utf-8"))
    report = data["report"]
    assert (report["doc_number"], report["index_number"], report["date"].isoformat()) == (
        "青政〔2024〕3号",
        "11330000-0200-2024-00003",
        "2024-01-26",
    )
    assert "title" not in report  # the default title: not repeated
    assert (
        data["intro"] == "2023年，青禾镇坚持依法行政，扎实推进法治政府建设。现将有关情况报告如下："
    )
    assert [p["text"] for p in data["problems"]["shortcomings"]] == [
        "学法用法还不够深入。",
        "执法力量比较薄弱。",
    ]
    text = Path("2023.yaml").read_text("utf-8")
    for furniture in ("首页", "浏览量", "分享到", "打印本页", "扫一扫", "ICP"):
        assert furniture not in text
    assert "半角标点改为全角" in result.stdout
    assert_clean(Path("2023.yaml"))


def test_a_published_text_file_with_markdown_residue() -> None:
    Path("old.txt").write_text(
        "# 示例县青禾镇人民政府\n\n## 2023 年度法治政府建设工作报告\n\n"
        "2023 年以来，青禾镇持续推进法治政府建设。\n\n"
        "### 一、法治政府建设主要举措和成效\n\n"
        "**（一）推进依法决策。**全年审查重大行政决策 5 项，做到应审尽审。\n\n"
        "### 二、存在的问题和不足\n\n执法队伍建设仍需加强，学法形式比较单一，\n\n需要进一步创新。\n\n"
        "#### 四、下一步工作计划\n\n**（一）加强培训。**定期组织干部学法。\n\n"
        "示例县青禾镇人民政府\n\n2024年1月25日\n",
        encoding="utf-8",
    )
    assert invoke("import", "old.txt", "-o", "2023.yaml").exit_code == 0
    data = yaml.safe_load(Path("2023.yaml").read_text("utf-8"))
    assert data["measures"] == [
        {"title": "推进依法决策", "text": "全年审查重大行政决策5项，做到应审尽审。"}
    ]
    assert data["problems"] == {
        "shortcomings": [{"text": "执法队伍建设仍需加强，学法形式比较单一，需要进一步创新。"}]
    }
    assert data["report"]["title"] == "示例县青禾镇人民政府2023年度法治政府建设工作报告"
    assert "**" not in Path("2023.yaml").read_text("utf-8")
    assert_clean(Path("2023.yaml"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.docx", "-o", "a.yaml"], "missing.docx: 错误 文件不存在"),
        (["old.xyz", "-o", "a.yaml"], "old.xyz: 错误 不支持的文件类型“.xyz”"),
        (["empty.docx", "-o", "a.yaml"], "empty.docx: 错误 文件是空的"),
        (["old.txt", "-o", "a.txt"], "a.txt: 错误 数据文件的扩展名应为 .yaml 或 .yml"),
        (["old.txt", "-o", "exists.yaml"], "exists.yaml: 错误 文件已存在：如要覆盖，请加 --force"),
    ],
)
def test_import_refuses_clearly(args: list[str], message: str) -> None:
    Path("old.xyz").write_text("x", encoding="utf-8")
    Path("empty.docx").write_bytes(b"")
    Path("old.txt").write_text("一、主要举措\n\n（一）学法。全年学法。\n", encoding="utf-8")
    Path("exists.yaml").write_text("mine", encoding="utf-8")
    result = invoke("import", *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message), result.stderr
    assert Path("exists.yaml").read_text("utf-8") == "mine"
    assert not Path("a.yaml").exists()


FIGURES_TEXT = (
    "全年调解矛盾纠纷案130起，其中调解成功125起，调解成功率96.2%。发放宣传资料500余份，"
    "培育法律明白人25人，投入经费3.5万元。办理行政处罚案件23件，其中已办结21件，正在办理2件。"
    "4月15日开展“4.15”国家安全教育日活动，落实八五普法规划，学习《行政处罚法》第32条。"
)


def test_import_metrics_turns_figures_into_quoted_metrics() -> None:
    Path("old.txt").write_text(
        "青禾镇2023年法治政府建设年度报告\n\n一、主要举措和成效\n\n（一）化解矛盾纠纷\n\n"
        f"{FIGURES_TEXT}\n\n二、存在的不足和原因\n\n一是学法不够深入。二是执法力量薄弱。\n\n"
        "四、下一步工作计划\n\n（一）加强培训\n\n定期组织干部学法。\n\n示例县青禾镇人民政府\n\n2024年1月25日\n",
        encoding="utf-8",
    )
    result = invoke("import", "old.txt", "-o", "2023.yaml", "--metrics")
    assert result.exit_code == 0, result.stderr
    # the date, the quoted day, the ordinal article 第32条 are not figures: nothing left over
    assert "  数字：9 个改写为指标（metrics）\n" in result.stdout
    metrics = yaml.safe_load(Path("2023.yaml").read_text("utf-8"))["metrics"]
    by_label = {m["label"]: (mid, m) for mid, m in metrics.items()}
    cases_id, cases = by_label["调解矛盾纠纷案"]
    success_id, success = by_label["调解成功"]
    assert (cases["value"], cases["unit"], success["of"]) == (130, "起", cases_id)
    assert by_label["调解成功率"][1] == {"label": "调解成功率", "rate": [success_id, cases_id]}
    assert by_label["发放宣传资料"][1] == {
        "label": "发放宣传资料",
        "value": 500,
        "unit": "份",
        "approx": True,
    }
    assert by_label["投入经费"][1]["value"] == 3.5
    _, penalty = by_label["办理行政处罚案件"]
    assert penalty["parts"] == [by_label["办结"][0], by_label["正在办理"][0]]
    assert all(mid.isascii() and mid[0].isalpha() for mid in metrics)
    # dates, a quoted date, an ordinal and a law's article stay text; the render prints it all as before
    assert_clean(Path("2023.yaml"))
    parts = rendered_parts(Path("2023.yaml"))
    assert FIGURES_TEXT in parts["一"]


def test_import_metrics_leaves_what_check_would_refuse_as_text() -> None:
    Path("old.txt").write_text(
        "青禾镇2023年法治政府建设年度报告\n\n一、主要举措和成效\n\n（一）化解矛盾纠纷\n\n"
        "完成率150%，开展活动3.5次，编号007件，全角１２３份，调解矛盾纠纷130起。\n\n"
        "二、存在的不足和原因\n\n学法不够深入。\n\n四、下一步工作计划\n\n（一）加强培训\n\n定期组织干部学法。\n\n"
        "示例县青禾镇人民政府\n\n2024年1月25日\n",
        encoding="utf-8",
    )
    assert invoke("import", "old.txt", "-o", "2023.yaml", "--metrics").exit_code == 0
    data = yaml.safe_load(Path("2023.yaml").read_text("utf-8"))
    assert [m["value"] for m in data["metrics"].values()] == [130]
    assert (
        "完成率150%，开展活动3.5次，编号007件，全角１２３份，调解矛盾纠纷{{ m."
        in data["measures"][0]["text"]
    )
    assert_clean(Path("2023.yaml"))


def test_a_web_page_that_lies_about_its_charset(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    Path("page.html").write_bytes(page.encode("utf-8"))
    assert invoke("import", "page.html", "-o", "a.yaml").exit_code == 0
    assert "青禾镇坚持依法行政" in Path("a.yaml").read_text("utf-8")
