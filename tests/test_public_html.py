"""`render --html`: the 公开版, read with a real HTML parser. Its text is the Word file's
and the PDF's; the disclosure block, headings, metadata and table are what a government
site and its crawler expect; it is one file that asks for nothing else."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE, invoke, refused
from tests.public_support import (
    disclosure,
    docx_texts,
    html_text_and_cells,
    metas,
    page,
    pdf_text_and_cells,
    report_texts,
    squeezed,
)

Minimal = Callable[..., Path]
TITLE = "青禾镇2024年法治政府建设年度报告"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example rendered once to .docx, .pdf and .html."""
    out = tmp_path_factory.mktemp("public")
    result = invoke("render", str(EXAMPLE), "--pdf", "--html", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"已生成 {out / 'township'}{s}" for s in (".docx", ".pdf", ".html")
    ]
    return out


def test_the_three_outputs_print_the_same_text(example: Path) -> None:
    root = page(example / "township.html")
    html = report_texts(root)
    word = docx_texts(example / "township.docx")
    assert squeezed(html) == squeezed(word)
    text, cells = html_text_and_cells(root)
    assert (text, cells) == pdf_text_and_cells(example / "township.pdf")
    assert len(cells) == 5 * (1 + len(root.xpath("//tbody/tr")))
    # paragraph for paragraph too (the Word title is one paragraph, the page's one heading)
    assert [re.sub(r"\s", "", t) for t in html] == [re.sub(r"\s", "", t) for t in word]


def test_the_disclosure_block_comes_from_report_with_its_defaults(example: Path) -> None:
    assert disclosure(page(example / "township.html")) == {
        "索引号": "11330000-0200-2025-00006",
        "发布机构": "示例县青禾镇人民政府",  # publisher: org
        "成文日期": "2025年2月18日",
        "发布日期": "2025年2月18日",  # publish_date: the 成文日期
        "主题分类": "综合政务",
        "文号": "青政〔2025〕6号",
    }


def test_disclosure_fields_as_written_and_absent_values_empty(
    minimal: Minimal, in_tmp: Path
) -> None:
    minimal(
        (
            "  date: 2025-02-20\n",
            "  date: 2025-02-20\n  publisher: 示例县司法局\n  publish_date: 2025-03-05\n"
            "  subject: 政府工作\n",
        )
    )
    assert invoke("render", "report.yaml", "--html", "--no-docx").exit_code == 0
    root = page(Path("report.html"))
    assert disclosure(root) == {
        "索引号": "",  # not given: empty, never made up
        "发布机构": "示例县司法局",
        "成文日期": "2025年2月20日",
        "发布日期": "2025年3月5日",
        "主题分类": "政府工作",
        "文号": "",
    }
    got = metas(root)
    assert (got["PubDate"], got["ContentSource"], got["DC.publisher"], got["DCTERMS.created"]) == (
        "2025-03-05",
        "示例县司法局",
        "示例县司法局",
        "2025-02-20",
    )
    assert "DC.identifier" not in got and not Path("report.docx").exists()


def test_headings_are_title_parts_and_items_in_order(example: Path) -> None:
    root = page(example / "township.html")
    headings = root.xpath("//article//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5]")
    levels = [int(h.tag[1]) for h in headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert root.xpath("string(//h1)") == TITLE
    parts = [h.text_content() for h in root.xpath("//h2")]
    assert [p[:2] for p in parts[:5]] == ["一、", "二、", "三、", "四、", "五、"]
    assert parts[0] == "一、2024年推进法治政府建设的主要举措和成效"
    assert parts[5:] == ["青禾镇2024年法治政府建设主要指标"]  # the attachment's title
    items = [h.text_content() for h in root.xpath("//h3")]
    assert items[0] == "（一）加强组织领导，压实工作责任"
    assert all(re.match(r"^（[一二三四五六七八九十]+）", t) for t in items), items


def test_crawler_metadata_as_on_government_sites(example: Path) -> None:
    root = page(example / "township.html")
    assert root.get("lang") == "zh-CN"
    got = metas(root)
    assert {k: got[k] for k in ("ArticleTitle", "PubDate", "ContentSource", "Author")} == {
        "ArticleTitle": TITLE,
        "PubDate": "2025-02-18",
        "ContentSource": "示例县青禾镇人民政府",
        "Author": "示例县青禾镇人民政府",
    }
    assert {k: got[k] for k in got if k.startswith(("DC.", "DCTERMS."))} == {
        "DC.title": TITLE,
        "DC.creator": "示例县青禾镇人民政府",
        "DC.publisher": "示例县青禾镇人民政府",
        "DC.date": "2025-02-18",
        "DC.subject": "综合政务",
        "DC.identifier": "11330000-0200-2025-00006",
        "DC.type": "Text",
        "DC.format": "text/html",
        "DC.language": "zh-CN",
        "DCTERMS.created": "2025-02-18",
        "DCTERMS.issued": "2025-02-18",
    }
    assert got["viewport"] == "width=device-width, initial-scale=1"
    assert root.xpath("string(//title)") == TITLE


def test_one_file_that_asks_for_nothing_else(example: Path) -> None:
    raw = (example / "township.html").read_text("utf-8")
    root = page(example / "township.html")
    assert root.xpath("//script | //link | //img | //iframe | //object | //embed") == []
    assert root.xpath("//@src | //@href | //@srcset | //@action | //@style") == []
    assert "://" not in raw and "url(" not in raw and "@import" not in raw
    assert "@font-face" not in raw
    (style,) = root.xpath("//style")
    # responsive: no fixed page width (the PDF's A4 sheet is for print only)
    screen = re.sub(r"@media print\s*\{.*", "", style.text, flags=re.S)
    assert not re.search(r"(?<![-\w])(min-)?width:\s*\d+(\.\d+)?(mm|cm|pt|px|in)", screen)
    assert "@media print" in style.text


def test_the_metrics_table_is_a_table_with_header_cells(example: Path) -> None:
    root = page(example / "township.html")
    (table,) = root.xpath("//table")
    head = table.xpath("./thead/tr/th")
    assert [(th.text_content(), th.get("scope")) for th in head] == [
        ("指标", "col"),
        ("单位", "col"),
        ("2024年", "col"),
        ("2023年", "col"),
        ("增减", "col"),
    ]
    rows = table.xpath("./tbody/tr")
    assert rows and all(r[0].tag == "th" and r[0].get("scope") == "row" for r in rows)
    first = [c.text_content() for c in rows[0]]
    assert first == ["排查调解矛盾纠纷", "起", "146", "128", "增长14.1%"]
    assert table.get("aria-labelledby") == root.xpath("//section[@class='attachment']/h2/@id")[0]


def test_no_docx_needs_an_output(minimal: Minimal, in_tmp: Path) -> None:
    minimal()
    result = invoke("render", "report.yaml", "--no-docx")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "错误：--no-docx 需要与 --pdf 或 --html 一起使用，否则不会生成任何文件"
    )


def test_an_earlier_page_not_written_again_is_named(minimal: Minimal, in_tmp: Path) -> None:
    minimal()
    assert invoke("render", "report.yaml", "--html").exit_code == 0
    result = invoke("render", "report.yaml")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "注意 report.html 本次没有生成：如果它是以前由这份数据生成的，已与新的数据不一致，"
        "请一起重新生成（加上 --html），或删除它"
    ]


def test_a_bad_report_writes_no_page(minimal: Minimal, in_tmp: Path) -> None:
    minimal(("  date: 2025-02-20", "  date: 2025-02-20\n  publish_date: 2025-02-19"))
    assert refused("render", "report.yaml", "--html") == [
        "report.yaml:7:17: 错误 D5 发布日期 2025-02-19 早于成文日期 2025-02-20：请核对"
    ]


def test_a_template_folder_styles_the_page(minimal: Minimal, in_tmp: Path) -> None:
    minimal()
    Path("tpl").mkdir()
    Path("tpl/public.css").write_text("h1 { color: #003366; }\n", "utf-8")
    assert (
        invoke("render", "report.yaml", "--html", "--no-docx", "--template", "tpl").exit_code == 0
    )
    (style,) = page(Path("report.html")).xpath("//style")
    assert style.text.rstrip().endswith("h1 { color: #003366; }")  # after the built-in sheet


def test_template_folder_without_a_page_template(minimal: Minimal, in_tmp: Path) -> None:
    minimal()
    Path("empty").mkdir()
    assert refused("render", "report.yaml", "--html", "--no-docx", "--template", "empty") == [
        "empty: 错误 模板文件夹中没有 public.html 或 public.css，无法用于公开版网页："
        "请放入其中之一（可用 lawgov-gen init --templates 导出内置模板）"
    ]


def test_a_stylesheet_that_would_end_the_style_element_is_refused(
    minimal: Minimal, in_tmp: Path
) -> None:
    minimal()
    Path("tpl").mkdir()
    Path("tpl/public.css").write_text("p {} </style><script>x()</script>", "utf-8")
    assert refused("render", "report.yaml", "--html", "--no-docx", "--template", "tpl") == [
        f"{Path('tpl/public.css').resolve()}: 错误 样式表中不能有“</”（会提前结束网页的 <style>）"
    ]


def test_a_folder_renders_each_page_in_parallel(minimal: Minimal, in_tmp: Path) -> None:
    minimal(name="a.yaml")
    minimal(("  short: 示例镇", "  short: 另一镇"), name="b.yaml")
    result = invoke("render", ".", "--html", "--no-docx", "--jobs", "2", "-o", "out")
    assert result.exit_code == 0, result.output
    assert sorted(result.stdout.splitlines()) == ["已生成 out/a.html", "已生成 out/b.html"]
    titles = [page(Path(f"out/{n}.html")).xpath("string(//h1)") for n in ("a", "b")]
    assert titles == ["示例镇2024年法治政府建设年度报告", "另一镇2024年法治政府建设年度报告"]


def test_import_reads_the_published_page_back(minimal: Minimal, in_tmp: Path) -> None:
    minimal(
        (
            "  date: 2025-02-20\n",
            "  date: 2025-02-20\n  doc_number: 示政〔2025〕5号\n"
            "  index_number: 11330000-0200-2025-00005\n  publisher: 示例县司法局\n"
            "  publish_date: 2025-03-05\n  subject: 政府工作\n",
        )
    )
    assert invoke("render", "report.yaml", "--html", "-o", "web").exit_code == 0
    result = invoke("import", "web/report.html", "-o", "back.yaml")
    assert result.exit_code == 0, result.output
    import yaml

    report = yaml.safe_load(Path("back.yaml").read_text("utf-8"))["report"]
    # the signing body, not the 发布机构 of the disclosure block, is the org
    assert {k: str(report.get(k)) for k in ("org", "date", "doc_number", "index_number")} == {
        "org": "示例县示例镇人民政府",
        "date": "2025-02-20",
        "doc_number": "示政〔2025〕5号",
        "index_number": "11330000-0200-2025-00005",
    }
    # and the imported file prints the same report
    assert invoke("render", "back.yaml", "-o", "again").exit_code == 0
    assert squeezed(docx_texts(Path("again/back.docx"))) == squeezed(
        docx_texts(Path("web/report.docx"))
    )
