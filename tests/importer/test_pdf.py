"""PDF with a text layer: lines rejoined, page numbers and running headers dropped, errors."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pypdf
import pytest
import weasyprint

from lawgov_gen.commands.importer.document_reader import read_document
from tests.importer.builders import import_message

TITLE = "示例县青禾镇2023年法治政府建设年度报告"
BODY = [
    "2023年，青禾镇坚持以习近平法治思想为指导，认真落实县委、县政府关于法治政府建设的决策部署，"
    "依法行政水平不断提升，各项工作取得新进展。现将有关情况报告如下：",
    "一、主要举措和成效",
    "（一）加强组织领导。镇党委把法治建设纳入年度重点工作，全年召开专题会议6次，研究解决重点问题12个；"
    "镇政府主要负责人带头讲法治课2次，组织班子成员集中学法8次，推动领导干部学法用法常态化。",
    "（二）推进依法决策。镇政府制定重大行政决策事项目录，严格落实公众参与、专家论证、风险评估、"
    "合法性审查和集体讨论决定程序，全年审查合同18份，提出法律意见31条，有效防范了法律风险。",
    "（三）化解矛盾纠纷。镇司法所联合派出所、综治中心开展矛盾纠纷排查，全年排查化解各类纠纷130起，"
    "调解成功率达96.2%，未发生民转刑案件和群体性事件，镇村两级调解组织实现全覆盖，"
    "基层治理法治化水平明显提高。",
    # A heading that nearly fills its line, then an indented first line: two paragraphs.
    "（四）推进基层依法治理，提升法治乡村建设水平",
    "镇村两级全年开展法治体检8次，培育“法律明白人”42名。",
    "二、存在的不足和原因",
    "一是学法用法不够深入，个别干部依法办事意识不强；二是执法队伍力量不足，执法人员专业素质有待提高；"
    "三是普法宣传形式比较单一，针对性和实效性还需增强。",
    "三、下一步工作安排",
    "青禾镇将继续深入学习贯彻习近平法治思想，健全依法决策机制，规范行政执法行为，"
    "加强执法人员培训，创新普法宣传方式，推动法治政府建设再上新台阶。",
]
SIGNATURE = ["示例县青禾镇人民政府", "2024年2月20日"]
CSS = """
@page { size: A5; margin: 22mm 18mm 20mm;
  @top-center { content: "示例县青禾镇人民政府"; font-family: "Noto Serif CJK SC"; font-size: 9pt }
  @bottom-center { content: "— " counter(page) " —"; font-family: "Noto Serif CJK SC"; font-size: 10pt } }
body { font-family: "Noto Serif CJK SC"; font-size: 12pt; line-height: 1.6 }
h1 { font-size: 16pt; text-align: center; margin: 0 0 12pt }
p { text-indent: 2em; margin: 0 }
p.flush { text-indent: 0 }
p.sign { text-align: right; text-indent: 0 }
table { border-collapse: collapse; margin: 4pt 0 } td { border: 1px solid black; padding: 2pt 6pt }
"""


def _p(text: str) -> str:
    if text.startswith("（") and "。" in text:
        lead, rest = text.split("。", 1)
        return f"<p><strong>{escape(lead)}。</strong>{escape(rest)}</p>"
    return f"<p>{escape(text)}</p>"


def report_html() -> str:
    rows = [
        ["指标", "单位", "2022年", "2023年"],
        ["调解纠纷", "起", "118", "130"],
        ["调解成功", "起", "110", "125"],
    ]
    table = (
        "<table>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        + "</table>"
    )
    body = [_p(t) for t in BODY]
    body.insert(2, table)
    sign = "".join(f'<p class="sign">{s}</p>' for s in SIGNATURE)
    return (
        f"<html><head><style>{CSS}</style></head><body><h1>{TITLE}</h1>"
        f'<p class="flush">中共示例县委员会：</p>{"".join(body)}{sign}</body></html>'
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "报告.pdf"
    weasyprint.HTML(string=report_html()).write_pdf(path)
    return path


def test_paragraphs(report: Path) -> None:
    doc = read_document(report)
    assert [p.text for p in doc.paragraphs] == [TITLE, "中共示例县委员会：", *BODY, *SIGNATURE]
    assert [p.bold_lead for p in doc.paragraphs if p.bold_lead] == [
        TITLE,
        "（一）加强组织领导。",
        "（二）推进依法决策。",
        "（三）化解矛盾纠纷。",
    ]
    # (三) runs on from page 1 to page 2: its place is where it starts.
    assert [p.where for p in doc.paragraphs] == ["第1页"] * 7 + ["第2页"] * 8
    assert all(p.heading is None and p.label is None for p in doc.paragraphs)


def test_furniture_and_tables(report: Path) -> None:
    doc = read_document(report)
    assert doc.warnings == [
        "第1个表格（3行×4列，首行：指标、单位、2022年…）未导入：请手工把其中的数字写入 metrics"
    ]
    assert doc.normalised == {"删除页码": 2, "删除页眉页脚": 2, "合并断开的段落": 1}
    assert doc.metadata == {}


# A web page printed to PDF: no first-line indent, space between paragraphs, and a
# "第 1 页 共 2 页" footer; a paragraph ends where its line stops short after a full stop.
PRINTED_CSS = """
@page { size: A5; margin: 18mm;
  @bottom-right { content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font-family: "Noto Serif CJK SC"; font-size: 9pt } }
body { font-family: "Noto Serif CJK SC"; font-size: 12pt; line-height: 1.5 }
p { margin: 0 0 8pt }
p.tight { margin: 0 }
"""


def test_printed_web_page(tmp_path: Path) -> None:
    paragraphs = [*BODY[2:5], *BODY[6:]]
    first, *rest = paragraphs
    html = "".join(f"<p>{escape(t)}</p>" for t in rest)
    tight = f'<p class="tight">{escape(first)}</p><p class="tight">{escape(BODY[0])}</p>'
    path = tmp_path / "打印.pdf"
    # The same text twice, so both pages end with the same line: body text, not a footer.
    weasyprint.HTML(string=f"<style>{PRINTED_CSS}</style>{tight}{html}{html}").write_pdf(path)
    doc = read_document(path)
    assert [p.text for p in doc.paragraphs] == [first, BODY[0], *rest, *rest]
    assert doc.normalised == {"删除页码": 2}


def test_scanned_pdf(tmp_path: Path) -> None:
    path = tmp_path / "扫描件.pdf"
    box = '<div style="width: 80mm; height: 120mm; background: #333"></div>'
    weasyprint.HTML(string=box).write_pdf(path)
    assert import_message(path) == (
        f"{path}: 错误 PDF 中没有可提取的文字（可能是扫描件）：请用 Word 原文件，或先做文字识别（OCR）"
    )


def test_encrypted_pdf(tmp_path: Path, report: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=report)
    writer.encrypt("secret", algorithm="RC4-128")
    path = tmp_path / "加密.pdf"
    writer.write(path)
    assert import_message(path) == (
        f"{path}: 错误 PDF 文件设置了打开密码：请用 Word 原文件，或先去掉 PDF 的密码再导入"
    )


def test_pdf_with_only_an_owner_password_reads(tmp_path: Path, report: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=report)
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "限制编辑.pdf"
    writer.write(path)
    assert read_document(path).paragraphs[0].text == TITLE


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "坏.pdf"
    path.write_bytes(b"%PDF-1.4\n% broken\n")
    assert (
        import_message(path) == f"{path}: 错误 不是有效的 PDF 文件（可能已损坏，或只是改了扩展名）"
    )
