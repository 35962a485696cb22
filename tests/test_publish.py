"""`lawgov-gen publish`: the county fixture's site folder. The index lists exactly the
reports without errors, in the county's order, with their 文号, 成文日期 and links; the
others are named on stderr; the folder is replaced together or not at all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import lxml.html

from tests.helpers import invoke, refused

TOWNS = Path("2024/乡镇")
ORDER = "  order: [乙镇, 示例县甲镇人民政府, 己镇]\n"  # 丙镇 not listed: after them


def with_order(county: Path, order: str = ORDER) -> None:
    catalog = county / "指标目录.yaml"
    text = catalog.read_text("utf-8")
    text = text.replace("catalog: {name: 示例县乡镇法治政府建设主要指标, year: 2024}\n", "")
    catalog.write_text(
        text.replace(
            "version: 1\n",
            "version: 1\ncatalog:\n  name: 示例县乡镇法治政府建设主要指标\n  year: 2024\n" + order,
        ),
        "utf-8",
    )


def index_rows(site: Path) -> list[list[str]]:
    """index.html's rows: the title link's href and text, 文号, 成文日期."""
    root = lxml.html.document_fromstring((site / "index.html").read_bytes())
    rows = []
    for tr in root.xpath("//tbody/tr"):
        link = tr.xpath("./th/a[1]")[0]
        rows.append(
            [
                link.get("href"),
                link.text_content(),
                *(td.text_content() for td in tr.xpath("./td")[1:]),
            ]
        )
    return rows


def index_json(site: Path) -> Any:
    return json.loads((site / "index.json").read_text("utf-8"))


FAILED = [
    "未发布 2024/乡镇/丁镇.yaml：有错误（见上）",
    "未发布 2024/乡镇/戊镇.yaml：有错误（见上）",
]


def test_the_index_lists_exactly_the_good_reports_in_the_configured_order(county: Path) -> None:
    with_order(county)
    result = invoke("publish", str(TOWNS), "-o", "site")
    assert result.exit_code == 1  # two reports were left out
    order = ["乙镇", "甲镇", "己镇", "丙镇"]
    assert result.stdout.splitlines() == [
        *(f"已生成 site/{t}.html" for t in order),
        "已生成 site/index.html",
        "已生成 site/index.json",
    ]
    errors = result.stderr.splitlines()
    assert errors[-2:] == FAILED
    assert any(line.startswith("2024/乡镇/戊镇.yaml:1:10: 错误 YAML") for line in errors)
    assert sorted(p.name for p in Path("site").iterdir()) == sorted(
        [f"{t}.html" for t in order] + ["index.html", "index.json"]
    )
    assert index_rows(Path("site")) == [
        [f"{t}.html".replace(t, _quoted(t)), f"{t}2024年法治政府建设年度报告", "", date]
        for t, date in zip(order, ["2025年2月20日"] * 3 + ["2025年3月15日"], strict=True)
    ]
    data = index_json(Path("site"))
    assert data["title"] == "2024年度法治政府建设年度报告"
    assert [r["html"] for r in data["reports"]] == [f"{t}.html" for t in order]
    assert data["reports"][0] == {
        "title": "乙镇2024年法治政府建设年度报告",
        "org": "示例县乙镇人民政府",
        "year": 2024,
        "publisher": "示例县乙镇人民政府",
        "index_number": None,
        "doc_number": None,
        "date": "2025-02-20",
        "publish_date": "2025-02-20",
        "subject": "综合政务",
        "html": "乙镇.html",
        "pdf": None,
    }


def _quoted(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


def test_without_an_order_by_file_name_and_strict_leaves_out_warnings(county: Path) -> None:
    result = invoke("publish", str(TOWNS), "-o", "site", "--strict", "--title", "示例县各乡镇报告")
    assert result.exit_code == 1
    # 丙镇 is late (D2, a warning): under --strict it is not published either
    assert [r["html"] for r in index_json(Path("site"))["reports"]] == sorted(
        ["乙镇.html", "甲镇.html", "己镇.html"]
    )
    assert result.stderr.splitlines()[-3:] == [
        FAILED[0],
        "未发布 2024/乡镇/丙镇.yaml：有错误（见上）",
        FAILED[1],
    ]
    assert index_json(Path("site"))["title"] == "示例县各乡镇报告"
    root = lxml.html.document_fromstring(Path("site/index.html").read_bytes())
    assert root.xpath("string(//h1)") == "示例县各乡镇报告" and root.get("lang") == "zh-CN"


def test_with_pdf_each_report_links_its_pdf(county: Path) -> None:
    with_order(county, "  order: [己镇]\n")
    (county / TOWNS / "丁镇.yaml").unlink()
    (county / TOWNS / "戊镇.yaml").unlink()
    (county / TOWNS / "甲镇.yaml").unlink()
    (county / TOWNS / "乙镇.yaml").unlink()
    result = invoke("publish", str(TOWNS), "-o", "site", "--pdf", "--pdf-variant", "pdf/a-2b")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in Path("site").iterdir()) == [
        "index.html", "index.json", "丙镇.html", "丙镇.pdf", "己镇.html", "己镇.pdf",
    ]  # fmt: skip
    assert [(r["html"], r["pdf"]) for r in index_json(Path("site"))["reports"]] == [
        ("己镇.html", "己镇.pdf"),
        ("丙镇.html", "丙镇.pdf"),
    ]
    root = lxml.html.document_fromstring(Path("site/index.html").read_bytes())
    assert root.xpath("//tbody/tr[1]/th/a/@href") == [_quoted("己镇.html"), _quoted("己镇.pdf")]
    assert Path("site/己镇.pdf").read_bytes().startswith(b"%PDF-1.7")


def test_the_folder_is_replaced_together_or_not_at_all(county: Path) -> None:
    assert invoke("publish", str(TOWNS), "-o", "site").exit_code == 1
    before = {p.name: p.read_bytes() for p in Path("site").iterdir()}
    Path("site/index.json").unlink()
    Path("site/index.json").mkdir()  # the last file cannot be written
    (county / TOWNS / "甲镇.yaml").write_text(
        (county / TOWNS / "甲镇.yaml").read_text("utf-8").replace("130", "131"), "utf-8"
    )
    result = invoke("publish", str(TOWNS), "-o", "site")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "site/index.json: 错误 同名的文件夹已存在，无法写入"
    after = {p.name: p.read_bytes() for p in Path("site").iterdir() if p.is_file()}
    assert after == {k: v for k, v in before.items() if k != "index.json"}


def test_nothing_to_publish_writes_nothing(county: Path) -> None:
    for town in ("甲镇", "乙镇", "丙镇", "己镇"):
        (county / TOWNS / f"{town}.yaml").unlink()
    lines = refused("publish", str(TOWNS), "-o", "site")
    assert lines[-1] == "site: 错误 没有可以发布的报告：2 份报告都有错误（见上），没有写入任何文件"


def test_an_earlier_page_not_published_again_is_named(county: Path) -> None:
    Path("site").mkdir()
    Path("site/戊镇.html").write_text("<!DOCTYPE html><title>旧</title>", "utf-8")
    result = invoke("publish", str(TOWNS), "-o", "site")
    assert result.stderr.splitlines()[-1] == (
        "注意 site/戊镇.html 不在本次发布的目录中（以前发布的？），请确认后删除"
    )
    assert Path("site/戊镇.html").exists()


def test_a_report_named_index_is_refused(county: Path) -> None:
    Path("index.yaml").write_text((county / TOWNS / "甲镇.yaml").read_text("utf-8"), "utf-8")
    assert refused("publish", "index.yaml", "-o", "site") == [
        "错误 报告的文件名不能是 index：index.html、index.json 是目录页。请给这份报告改个名字"
    ]


def test_reports_of_two_years_get_a_title_without_a_year(tmp_path: Path, monkeypatch: Any) -> None:
    from tests.helpers import minimal_text

    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text(minimal_text(), "utf-8")
    older = minimal_text(("  year: 2024", "  year: 2023"), ("2025-02-20", "2024-02-20"))
    Path("b.yaml").write_text(older.replace("{{ year }}年", "2023年"), "utf-8")
    result = invoke("publish", "a.yaml", "b.yaml", "-o", "site")
    assert result.exit_code == 0, result.output
    data = index_json(Path("site"))
    assert data["title"] == "法治政府建设年度报告"
    assert [r["year"] for r in data["reports"]] == [2024, 2023]
