"""Word .docx: automatic numbering, bold run-in leads, soft breaks, splits, tables, errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from lawgov_gen.commands.importer.document_reader import read_document
from lawgov_gen.commands.importer.paragraphs import SourceParagraph
from tests.helpers import invoke
from tests.importer.builders import W, add_numbering, import_message, number


def build_report(path: Path) -> None:
    document = docx.Document()
    add_numbering(document)
    second = document.styles.add_style("报告二级标题", WD_STYLE_TYPE.PARAGRAPH)
    second.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="1"/><w:numId w:val="90"/></w:numPr>')
    )
    document.add_paragraph("示例县青禾镇人民政府2023年法治政府建设年度报告")
    document.add_paragraph("中共示例县委员会、示例县人民政府：")
    intro = document.add_paragraph("\u3000\u30002023 年,青禾镇扎实推进法治政府建设")
    intro.add_run("（内部备注）").font.hidden = True
    intro.add_run("。现将有关情况报告如下：")
    number(document.add_heading("主要举措和成效", level=1), 90, 0)
    number(document.add_paragraph("加强组织领导"), 90, 1)
    lead = document.add_paragraph()
    lead.add_run("1.健全工作机制。").bold = True
    lead.add_run("镇党委全年召开专题会议6次，研究解决重点问题12个。")
    document.add_paragraph(
        "镇司法所联合派出所开展矛盾纠纷排查，全年排查化解各类纠纷130起，调解成功率达"
    )
    document.add_paragraph("96.2%，未发生民转刑案件。")
    document.add_paragraph("推进依法决策", style="报告二级标题")
    broken = document.add_paragraph("重大行政决策全部经过合法性审查，")
    broken.runs[0].add_break()
    broken.add_run("全年审查合同18份。")
    number(document.add_paragraph("完善法律顾问制度"), 90, 2)
    number(document.add_paragraph("镇政府与律师事务所续签法律顾问合同。"), 90, 3)
    number(document.add_paragraph("法律顾问列席镇政府常务会议10次。"), 90, 3)
    table = document.add_table(rows=3, cols=4)
    for row, cells in zip(
        table.rows,
        [
            ["指标", "单位", "2022年", "2023年"],
            ["调解纠纷", "起", "118", "130"],
            ["调解成功", "起", "110", "125"],
        ],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    number(document.add_heading("存在的不足和原因", level=1), 90, 0)
    outlined = number(document.add_paragraph("学法用法不够深入"), 90, 1)
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W} w:val="1"/>'))
    number(document.add_paragraph("党政主要负责人履行推进法治建设第一责任人职责情况"), 91, 0)
    number(document.add_paragraph(""), 91, 1)
    number(document.add_paragraph("带头尊法学法"), 91, 1)
    link = document.add_paragraph("下一步，青禾镇将对照")
    link._p.append(
        parse_xml(
            f'<w:hyperlink {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
            ' r:id="rId99"><w:r><w:t>示例县人民政府网站</w:t></w:r></w:hyperlink>'
        )
    )
    link.add_run("公布的任务清单抓好落实。")
    number(document.add_paragraph("附件目录"), 92, 0)
    document.add_paragraph("示例县青禾镇人民政府")
    document.add_paragraph("2024年2月20日")
    document.save(str(path))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "青禾镇2023年报告.docx"
    build_report(path)
    return path


def test_paragraphs_labels_leads_and_headings(report: Path) -> None:
    # Headings are bold by style, so their lead is the whole text. The label "（二）" of
    # 第17段 follows an empty numbered paragraph that Word still counts.
    assert read_document(report).paragraphs == [
        SourceParagraph("示例县青禾镇人民政府2023年法治政府建设年度报告", where="第1段"),
        SourceParagraph("中共示例县委员会、示例县人民政府：", where="第2段"),
        SourceParagraph(
            "2023年，青禾镇扎实推进法治政府建设。现将有关情况报告如下：", where="第3段"
        ),
        SourceParagraph(
            "主要举措和成效", label="一、", bold_lead="主要举措和成效", heading=1, where="第4段"
        ),
        SourceParagraph("加强组织领导", label="（一）", where="第5段"),
        SourceParagraph(
            "1.健全工作机制。镇党委全年召开专题会议6次，研究解决重点问题12个。",
            bold_lead="1.健全工作机制。",
            where="第6段",
        ),
        SourceParagraph(
            "镇司法所联合派出所开展矛盾纠纷排查，全年排查化解各类纠纷130起，调解成功率达96.2%，未发生民转刑案件。",
            where="第7段",
        ),
        SourceParagraph("推进依法决策", label="（二）", where="第9段"),
        SourceParagraph("重大行政决策全部经过合法性审查，全年审查合同18份。", where="第10段"),
        SourceParagraph("完善法律顾问制度", label="1.", where="第11段"),
        SourceParagraph("镇政府与律师事务所续签法律顾问合同。", label="（1）", where="第12段"),
        SourceParagraph("法律顾问列席镇政府常务会议10次。", label="（2）", where="第13段"),
        SourceParagraph(
            "存在的不足和原因",
            label="二、",
            bold_lead="存在的不足和原因",
            heading=1,
            where="第14段",
        ),
        SourceParagraph("学法用法不够深入", label="（一）", heading=2, where="第15段"),
        SourceParagraph(
            "党政主要负责人履行推进法治建设第一责任人职责情况", label="三、", where="第16段"
        ),
        SourceParagraph("带头尊法学法", label="（二）", where="第17段"),
        SourceParagraph(
            "下一步，青禾镇将对照示例县人民政府网站公布的任务清单抓好落实。", where="第18段"
        ),
        SourceParagraph("附件目录", label="甲、", where="第19段"),
        SourceParagraph("示例县青禾镇人民政府", where="第20段"),
        SourceParagraph("2024年2月20日", where="第21段"),
    ]


def test_table_warning_and_counters(report: Path) -> None:
    doc = read_document(report)
    assert doc.warnings == [
        "第1个表格（3行×4列，首行：指标、单位、2022年…）未导入：请手工把其中的数字写入 metrics"
    ]
    assert doc.normalised == {
        "删除行首缩进": 1,
        "删除汉字与数字间的空格": 1,
        "半角标点改为全角": 1,
        "合并段内换行": 1,
        "合并断开的段落": 1,
    }
    assert doc.metadata == {}


def test_encrypted_docx(tmp_path: Path) -> None:
    path = tmp_path / "加密.docx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptionInfo".encode("utf-16-le")
    )
    assert import_message(path) == (
        f"{path}: 错误 文件设置了打开密码：请在 Word 或 WPS 中去掉密码，另存为 .docx 后再导入"
    )


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "坏.docx"
    path.write_text("这不是 Word 文件", encoding="utf-8")
    assert (
        import_message(path)
        == f"{path}: 错误 不是有效的 .docx 文件（可能已损坏，或只是改了扩展名）"
    )


def test_zip_without_document_part(tmp_path: Path) -> None:
    path = tmp_path / "缺正文.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    assert import_message(path) == (
        f"{path}: 错误 不是有效的 .docx 文件：缺少正文部分 word/document.xml（文件可能已损坏）"
    )


def test_document_without_text(tmp_path: Path) -> None:
    path = tmp_path / "空白.docx"
    document = docx.Document()
    document.add_paragraph("   ")
    document.add_table(rows=2, cols=2)
    document.save(str(path))
    assert import_message(path) == f"{path}: 错误 文件中没有可导入的文字"


def test_bold_leads_of_points_inside_a_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("青禾镇2023年法治政府建设年度报告")
    document.add_paragraph("一、法治政府建设工作开展情况")
    inline = document.add_paragraph()
    for text, bold in (
        ("（一）完善依法行政制度体系。", True),
        ("一是", False),
        ("健全决策机制。", True),
        ("严格落实重大行政决策程序规定。", False),
        ("二是", False),
        ("加强合法性审核。", True),
        ("全年审核规范性文件8件。", False),
    ):
        inline.add_run(text).bold = bold
    document.add_paragraph("（二）推进行政执法规范化。全年开展执法检查56次。")
    block = document.add_paragraph()
    for text, bold in (("一是", False), ("落实三项制度。", True), ("执法公示率达100%。", False)):
        block.add_run(text).bold = bold
    plain = document.add_paragraph("二是强化执法培训，组织培训3场次。")
    plain.runs[0].bold = False
    document.save(str(tmp_path / "old.docx"))
    result = invoke("import", str(tmp_path / "old.docx"), "-o", str(tmp_path / "2023.yaml"))
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load((tmp_path / "2023.yaml").read_text("utf-8"))
    assert data["measures"] == [
        {
            "title": "完善依法行政制度体系",
            "points": [
                {"lead": "健全决策机制", "text": "严格落实重大行政决策程序规定。"},
                {"lead": "加强合法性审核", "text": "全年审核规范性文件8件。"},
            ],
        },
        {
            "title": "推进行政执法规范化",
            "text": "全年开展执法检查56次。",
            "points_style": "block",
            "points": [
                {"lead": "落实三项制度", "text": "执法公示率达100%。"},
                {"text": "强化执法培训，组织培训3场次。"},
            ],
        },
    ]


def _alt_chunk(document: docx.document.Document, name: str, content_type: str, data: bytes) -> None:
    """Embed `data` as an altChunk at the end of the body, as Word does for pasted HTML."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(PackURI(f"/word/{name}"), content_type, data, document.part.package)
    rid = document.part.relate_to(
        part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
    )
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    document.element.body.insert(
        len(document.element.body) - 1,  # before the section properties
        parse_xml(f'<w:altChunk {W} xmlns:r="{r}" r:id="{rid}"/>'),
    )


def test_embedded_html_is_imported_in_place_and_other_formats_are_named(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("青禾镇2023年法治政府建设年度报告")
    document.add_paragraph("一、主要举措和成效")
    html = (
        "<html><head><style>p{}</style></head><body><p><b>（一）加强组织领导。</b>"
        "镇党委专题研究法治建设。</p><table><tr><td>指标</td><td>数值</td></tr>"
        "<tr><td>调解</td><td>130</td></tr></table></body></html>"
    )
    _alt_chunk(
        document,
        "afchunk1.htm",
        "text/html",
        html.encode("gb18030").replace(b"<head>", b'<head><meta charset="gbk">'),
    )
    _alt_chunk(document, "afchunk2.rtf", "application/rtf", rb"{\rtf1 \ansi secret}")
    document.add_paragraph("二、存在的不足和原因")
    document.add_paragraph("执法力量相对薄弱。")
    document.save(str(tmp_path / "嵌入.docx"))
    doc = read_document(tmp_path / "嵌入.docx")
    assert [(p.text, p.where) for p in doc.paragraphs] == [
        ("青禾镇2023年法治政府建设年度报告", "第1段"),
        ("一、主要举措和成效", "第2段"),
        ("（一）加强组织领导。镇党委专题研究法治建设。", "第3段（嵌入的网页内容）"),
        ("二、存在的不足和原因", "第4段"),
        ("执法力量相对薄弱。", "第5段"),
    ]
    assert doc.paragraphs[2].bold_lead == "（一）加强组织领导。"
    assert doc.warnings == [
        "第1个表格（2行×2列，首行：指标、数值）未导入：请手工把其中的数字写入 metrics",
        "第4段处嵌入了另一种格式的内容（application/rtf），未导入：请在 Word 中打开原文件，"
        "把这部分内容复制为正文（或另存为 .docx）后再导入",
    ]
    assert doc.normalised["读入嵌入的网页或文字内容（altChunk）"] == 1
