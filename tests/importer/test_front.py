"""The document around the body as real offices print it: 签发人 beside the 发文字号, dates
typed with ○ or 0, a 发文字号 under the title."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
import yaml

from tests.helpers import invoke

pytestmark = pytest.mark.usefixtures("in_tmp")

TITLE = "关于2023年法治政府建设工作情况的报告"
INTRO = "2023年，青禾镇扎实推进法治政府建设。现将有关情况报告如下："
MEASURE = "全年开展执法检查56次，办理行政处罚案件23件。"
PLAN = "全面落实行政执法三项制度。"


def build(path: Path, first: str, date: str) -> None:
    """A fictional report: a 发文字号 line, org and title, two parts, signature, date."""
    document = docx.Document()
    document.add_paragraph(first)
    document.add_paragraph("青禾镇人民政府")
    document.add_paragraph(TITLE)
    document.add_paragraph("中共示例县委员会、示例县人民政府：")
    document.add_paragraph(INTRO)
    document.add_paragraph("一、法治政府建设工作开展情况")
    document.add_paragraph(MEASURE)
    document.add_paragraph("二、2024年工作安排")
    document.add_paragraph(PLAN)
    document.add_paragraph("青禾镇人民政府")
    document.add_paragraph(date)
    document.save(str(path))


def imported(path: Path) -> tuple[dict[str, object], str]:
    result = invoke("import", str(path), "-o", "2023.yaml")
    assert result.exit_code == 0, result.stderr
    return yaml.safe_load(Path("2023.yaml").read_text("utf-8")), result.stdout


def test_signer_beside_the_doc_number_keeps_the_front_matter() -> None:
    build(Path("old.docx"), "青政〔2024〕8号　　　　　　　　签发人：王某某", "2024年1月25日")
    data, out = imported(Path("old.docx"))
    assert data["report"] == {
        "org": "青禾镇人民政府",
        "short": "青禾镇",
        "level": "township",
        "year": 2023,
        "date": dt.date(2024, 1, 25),
        "to": ["中共示例县委员会", "示例县人民政府"],
        "doc_number": "青政〔2024〕8号",
        "title": "青禾镇人民政府" + TITLE,
    }
    assert data["intro"] == INTRO
    assert (
        "注意：原文的“签发人：王某某”没有对应的数据项，未导入：lawgov-gen 生成的报告不印签发人"
        in out
    )


@pytest.mark.parametrize(
    "date", ["二○二四年一月二十五日", "二0二四年一月二十五日", "二O二四年一月二十五日"]
)
def test_dates_with_a_circle_or_digit_zero(date: str) -> None:
    build(Path("old.docx"), "青政〔2024〕8号", date)
    data, out = imported(Path("old.docx"))
    report = data["report"]
    assert isinstance(report, dict)
    assert (report["date"], report["org"], report["short"]) == (
        dt.date(2024, 1, 25),
        "青禾镇人民政府",
        "青禾镇",
    )
    assert data["plans"] == [{"text": PLAN}]
    assert "没有找到成文日期" not in out


MD = """# 青禾镇人民政府

## 青禾镇人民政府关于 2023 年度法治政府建设情况的报告

青政〔2024〕3号

中共示例县委员会、示例县人民政府：

{INTRO}

### 一、主要做法和成效

{MEASURE}

### 二、下一步工作打算

{PLAN}

青禾镇人民政府

2024年1月25日
"""


def test_org_letterhead_above_a_title_naming_it_and_doc_number_below() -> None:
    Path("old.md").write_text(MD.format(INTRO=INTRO, MEASURE=MEASURE, PLAN=PLAN), "utf-8")
    data, _ = imported(Path("old.md"))
    report = data["report"]
    assert isinstance(report, dict)
    assert report["title"] == "青禾镇人民政府关于2023年度法治政府建设情况的报告"
    assert report["doc_number"] == "青政〔2024〕3号"
    assert report["to"] == ["中共示例县委员会", "示例县人民政府"]
    assert data["intro"] == INTRO


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # the letterhead and the default title: nothing to keep
        (["示例县青禾镇人民政府", "青禾镇 2023 年法治政府建设 年度报告"], None),
        # one title on two lines
        (
            ["示例县青禾镇人民政府", "2023年法治政府建设年度报告"],
            "示例县青禾镇人民政府2023年法治政府建设年度报告",
        ),
    ],
)
def test_org_line_above_the_title(lines: list[str], title: str | None) -> None:
    body = "\n\n".join([*lines, INTRO, "一、主要做法和成效", MEASURE, "二、下一步工作打算", PLAN])
    Path("old.txt").write_text(body + "\n\n示例县青禾镇人民政府\n\n2024年1月25日\n", "utf-8")
    data, _ = imported(Path("old.txt"))
    report = data["report"]
    assert isinstance(report, dict)
    assert report.get("title") == title
    assert data["intro"] == INTRO


def test_no_signature_leaves_org_to_fill_and_reads_short_from_the_title() -> None:
    Path("old.txt").write_text(
        "青禾满族乡2023年法治政府建设情况报告\n\n中共示例市委员会：\n\n"
        "2023年，青禾乡深入贯彻落实《示例市贯彻落实<法治政府建设实施纲要>分工方案》等文件精神。"
        "现将工作情况报告如下：\n\n一、主要措施和成效\n\n全年开展执法检查56次。\n\n"
        "二、2024年主要安排\n\n全面落实行政执法三项制度。\n",
        "utf-8",
    )
    data, out = imported(Path("old.txt"))
    report = data["report"]
    assert isinstance(report, dict)
    assert report["org"] is None and report["short"] == "青禾满族乡"
    assert "注意：原文中没有找到落款（发文机关署名），请在 report.org 中填写" in out
    assert "《示例市贯彻落实〈法治政府建设实施纲要〉分工方案》" in str(data["intro"])
    text = Path("2023.yaml").read_text("utf-8")
    assert "org: # 原文中没有找到落款（发文机关署名）：请填写，如 示例县示例镇人民政府" in text
    checked = invoke("check", "2023.yaml").stdout
    errors = [line.split(" 错误 ")[1] for line in checked.splitlines() if " 错误 " in line]
    assert errors == [
        "SCHEMA “report.org”还没有填写：文字",
        "SCHEMA “report.date”还没有填写：日期，格式如 2025-02-26",
    ]


def test_metadata_the_schema_refuses_is_not_written_but_said() -> None:
    from lawgov_gen.commands.importer.import_file import _fit_schema

    title = "青禾镇" * 30
    report = {"org": "示例县青禾镇人民政府", "short": "青禾镇", "year": 2024, "title": title}
    assert _fit_schema({"report": report}) == [
        (
            ("report",),
            f"原文的标题“{title}”不符合数据文件的要求（如长度），未写入：请核对后填写 report.title",
        )
    ]
    assert "title" not in report
