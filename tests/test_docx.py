"""The .docx: geometry, styles, fonts, footers, paragraph texts and numbering, read back."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from tests.helpers import EXAMPLE, Minimal, invoke, style_name

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def doc(rendered: dict[str, Path]) -> docx.document.Document:
    return docx.Document(str(rendered["docx"]))


def paragraphs(document: docx.document.Document) -> list[tuple[str, str]]:
    return [(style_name(p), p.text) for p in document.paragraphs]


def test_page_geometry_is_gbt9704(doc: docx.document.Document) -> None:
    section = doc.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert abs(section.page_width - Mm(210)) < Mm(0.1)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    for margin, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
        assert abs(getattr(section, f"{margin}_margin") - Mm(mm)) < Mm(0.1), margin
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    assert grid.get(qn("w:linePitch")) == "579"


def test_settings_have_even_and_odd_footers_and_zh_cn(doc: docx.document.Document) -> None:
    settings = doc.settings.element
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    assert settings.find(qn("w:themeFontLang")).get(qn("w:eastAsia")) == "zh-CN"


@pytest.mark.parametrize(
    ("style", "font", "size"),
    [
        ("正文", "仿宋_GB2312", 16),
        ("标题", "方正小标宋简体", 22),
        ("一级标题", "黑体", 16),
        ("二级标题", "楷体_GB2312", 16),
        ("三级标题", "仿宋_GB2312", 16),
        ("页码单", "宋体", 14),
        ("页码双", "宋体", 14),
    ],
)
def test_styles_fonts_sizes_no_bold(
    doc: docx.document.Document, style: str, font: str, size: int
) -> None:
    s = doc.styles[style]
    rpr = s.element.rPr
    fonts = rpr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == font
    assert not any(a.endswith("Theme") or a.endswith("theme") for a in fonts.attrib)
    assert s.font.size.pt == size
    assert s.font.bold is False
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_no_theme_fonts_anywhere(rendered: dict[str, Path]) -> None:
    with zipfile.ZipFile(rendered["docx"]) as z:
        styles = z.read("word/styles.xml").decode()
        theme = z.read("word/theme/theme1.xml").decode()
    assert "asciiTheme" not in styles and "eastAsiaTheme" not in styles
    assert 'script="Jpan"' not in theme


def test_body_style_indent_spacing_grid(doc: docx.document.Document) -> None:
    ppr = doc.styles["正文"].element.pPr
    ind = ppr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    spacing = ppr.find(qn("w:spacing"))
    assert spacing.get(qn("w:line")) == "579"
    assert spacing.get(qn("w:lineRule")) == "exact"
    assert doc.styles["正文"].element.rPr.find(qn("w:spacing")).get(qn("w:val")) == "-5"
    assert doc.styles["标题"].element.pPr.find(qn("w:jc")).get(qn("w:val")) == "center"


def test_paragraph_order_numbering_and_figures(doc: docx.document.Document) -> None:
    paras = paragraphs(doc)
    assert paras[0] == ("发文字号", "青政〔2025〕6号")
    assert paras[1] == ("标题", "青禾镇2024年法治政府建设年度报告")
    assert paras[2] == ("空行", "")
    assert paras[3] == ("主送机关", "中共示例县委员会、示例县人民政府：")
    h1 = [t for s, t in paras if s == "一级标题"]
    assert h1 == [
        "一、2024年推进法治政府建设的主要举措和成效",
        "二、2024年推进法治政府建设存在的不足和原因",
        "三、2024年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        "四、2025年推进法治政府建设的主要安排",
        "五、其他需要报告的情况",
    ]
    h2 = [t for s, t in paras if s == "二级标题"]
    assert h2[0] == "（一）加强组织领导，压实工作责任"
    assert h2[1].startswith("（二）")
    assert [t for s, t in paras if s == "三级标题"] == ["1.发挥法律顾问参谋作用", "2.深化政务公开"]
    body = "\n".join(t for s, t in paras if s == "正文")
    assert "{{" not in body and "}}" not in body
    assert "全年办理行政处罚案件23件，同比增长21.1%" in body
    assert "一是" in body and "二是" in body
    assert "6000余份" in body
    # the court block, as sentences, first in part 五
    five = [t for s, t in paras][[t for _, t in paras].index("五、其他需要报告的情况") + 1]
    assert five == (
        "2024年，青禾镇共发生行政诉讼案件3件，行政机关负责人出庭应诉3件，出庭应诉率100%，"
        "无败诉案件；应履行法院生效裁判1件，已全部履行。"
    )


def test_ending_attachment_signature_date_note(doc: docx.document.Document) -> None:
    paras = paragraphs(doc)
    end = paras.index(("附件标记", "附件"))
    tail = [p for p in paras[:end] if p[1]][-4:]
    assert tail == [
        ("附件说明", "附件：青禾镇2024年法治政府建设主要指标"),
        ("署名", "示例县青禾镇人民政府"),
        ("成文日期", "2025年2月18日"),
        ("附注", "（此件公开发布）"),
    ]
    by_style = {style_name(p): p for p in doc.paragraphs}
    # unsealed layout: signature 2 characters from the right; the date starts 2 characters
    # right of the signature's start (10-character signature, 6.5-character date).
    assert by_style["署名"].paragraph_format.right_indent.twips == 2 * 315
    assert by_style["成文日期"].paragraph_format.right_indent.twips == round(3.5 * 315)


def test_footers_odd_right_even_left_with_page_field(doc: docx.document.Document) -> None:
    section = doc.sections[0]
    for footer, align, side in (
        (section.footer, "right", "w:right"),
        (section.even_page_footer, "left", "w:left"),
    ):
        p = footer.paragraphs[0]
        xml = p._p.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml
        assert p.text.replace("1", "N") == "— N —"
        spec = doc.styles[p.style.name].element.pPr
        assert spec.find(qn("w:jc")).get(qn("w:val")) == align
        assert spec.find(qn("w:ind")).get(qn(side)) == "280"


def test_same_input_gives_identical_bytes(tmp_path: Path, rendered: dict[str, Path]) -> None:
    result = invoke("render", str(EXAMPLE), "-o", str(tmp_path))
    assert result.exit_code == 0
    assert (tmp_path / "township.docx").read_bytes() == rendered["docx"].read_bytes()


def test_core_properties_from_report(doc: docx.document.Document) -> None:
    core = doc.core_properties
    assert core.title == "青禾镇2024年法治政府建设年度报告"
    assert core.author == "示例县青禾镇人民政府"
    assert core.created.date().isoformat() == "2025-02-18"


def test_special_characters_come_out_as_text(minimal: Minimal, tmp_path: Path) -> None:
    path = minimal(("主要负责人带头学法。", "学习《A&B》条款，x<y>z，“引号”和'单引号'。"))
    result = invoke("render", str(path), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "report.docx")).paragraphs]
    assert "学习《A&B》条款，x<y>z，“引号”和'单引号'。" in texts


def test_inline_and_block_points_and_nesting(minimal: Minimal, tmp_path: Path) -> None:
    path = minimal(
        (
            "    text: |\n      全年调解纠纷",
            "    points_style: block\n    points:\n      - {lead: 健全机制, text: 制度完善}\n"
            "      - {text: 只有正文}\n    items:\n      - title: 子项\n        text: 子项正文。\n"
            "        items:\n          - {title: 孙项, text: 孙项正文。}\n    text: |\n      全年调解纠纷",
        ),
        (
            "    text: 健全依法决策机制。",
            "    text: 我们做到：\n    points: [{lead: 甲}, {lead: 乙}]",
        ),
    )
    result = invoke("render", str(path), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "report.docx")).paragraphs]
    i = texts.index("（一）加强组织领导")
    assert texts[i + 1 : i + 7] == [
        "全年调解纠纷130起，调解成功125起，成功率96.2%。",
        "一是健全机制。制度完善。",
        "二是只有正文。",
        "1.子项",
        "子项正文。",
        "（1）孙项",
    ]
    assert "我们做到：一是甲。二是乙。" in texts


def test_long_title_breaks_into_lines_not_words(minimal: Minimal, tmp_path: Path) -> None:
    title = "示例县示例镇人民政府关于2024年度法治政府建设工作情况的报告"
    path = minimal(("  short: 示例镇\n", f"  short: 示例镇\n  title: {title}\n"))
    result = invoke("render", str(path), "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    p = next(
        p
        for p in docx.Document(str(tmp_path / "report.docx")).paragraphs
        if style_name(p) == "标题"
    )
    assert p._p.xml.count("<w:br/>") == 1
    first, second = p.text.split("\n")
    assert first + second == title
    from lawgov_gen.content.layout import text_width

    assert max(text_width(first), text_width(second)) <= 20
    assert first.endswith("关于") or first.endswith("年度")
    assert abs(text_width(first) - text_width(second)) <= 6


def test_font_names_configurable(minimal: Minimal, tmp_path: Path) -> None:
    path = minimal(
        ("  short: 示例镇\n", "  short: 示例镇\n  fonts: {body: 仿宋, heading2: 楷体}\n")
    )
    assert invoke("render", str(path), "-o", str(tmp_path)).exit_code == 0
    d = docx.Document(str(tmp_path / "report.docx"))
    assert d.styles["正文"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋"
    assert d.styles["二级标题"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "楷体"
    assert d.styles["一级标题"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"


def test_user_template_restyled_in_word_is_used(tmp_path: Path, minimal: Minimal) -> None:
    from lawgov_gen.render.templates import builtin_template_dir

    user = docx.Document(str(builtin_template_dir() / "report.docx"))
    user.styles["正文"].font.size = docx.shared.Pt(15)
    user.save(str(tmp_path / "mine.docx"))
    path = minimal()
    out = tmp_path / "out"
    result = invoke("render", str(path), "-o", str(out), "--template", str(tmp_path / "mine.docx"))
    assert result.exit_code == 0, result.stderr
    assert docx.Document(str(out / "report.docx")).styles["正文"].font.size.pt == 15


def test_template_builder_reproduces_committed_template(tmp_path: Path) -> None:
    import runpy

    from lawgov_gen.render.templates import builtin_template_dir

    builder = runpy.run_path(str(Path(__file__).parent.parent / "tools" / "make_docx_template.py"))
    data = builder["build"](tmp_path / "report.docx")
    assert data == (builtin_template_dir() / "report.docx").read_bytes()


def test_index_number_is_metadata_only(
    doc: docx.document.Document, rendered: dict[str, Path]
) -> None:
    from tests.layout import body_text

    number = "11330000-0200-2025-00006"
    assert number in (Path(__file__).parent.parent / "examples" / "township.yaml").read_text(
        "utf-8"
    )
    assert not any(number in p.text for p in doc.paragraphs)
    assert number not in body_text(rendered["pdf"])


def test_title_overrides_and_empty_parts(minimal: Minimal, tmp_path: Path) -> None:
    path = minimal(
        (
            "  short: 示例镇\n",
            "  short: 示例镇\n  titles: {measures: '{{ year }}年法治政府建设的主要举措和成效'}\n",
        ),
        ("duties:\n  - title: 带头学法\n    text: 主要负责人带头学法。\n", "duties: []\n"),
        (
            "court:\n  lawsuits: 2\n  head_appearances: 2\n  judgments_due: 1\n  judgments_performed: 1\n",
            "",
        ),
    )
    assert invoke("render", str(path), "-o", str(tmp_path)).exit_code == 0
    texts = [p.text for p in docx.Document(str(tmp_path / "report.docx")).paragraphs]
    assert "一、2024年法治政府建设的主要举措和成效" in texts
    three = texts.index(
        "三、2024年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
    )
    # an empty part 三 says nothing (无。 would say the leaders did nothing); part 五 says 无。
    assert texts[three + 1] == "四、2025年推进法治政府建设的主要安排"
    assert texts[texts.index("五、其他需要报告的情况") + 1] == "无。"


def test_cc_in_the_imprint_with_rules(minimal: Minimal, tmp_path: Path) -> None:
    path = minimal(
        ("  short: 示例镇\n", "  short: 示例镇\n  cc: [示例县依法治县办, 示例县司法局]\n")
    )
    assert invoke("render", str(path), "--pdf", "-o", str(tmp_path)).exit_code == 0
    d = docx.Document(str(tmp_path / "report.docx"))
    cc = next(p for p in d.paragraphs if p.text.startswith("抄送"))
    assert cc.text == "抄送：示例县依法治县办，示例县司法局。"
    style = cc.style
    assert style is not None and style.font.size is not None and style.font.size.pt == 14
    borders = style.element.pPr.find(qn("w:pBdr"))
    assert {b.tag.split("}")[1] for b in borders} == {"top", "bottom"}
    from tests.layout import body_text

    assert "抄送：示例县依法治县办，示例县司法局。" in body_text(tmp_path / "report.pdf")


def test_court_rate_rounds_like_other_rates(minimal: Minimal, tmp_path: Path) -> None:
    path = minimal(
        (
            "  lawsuits: 2\n  head_appearances: 2\n",
            "  lawsuits: 3\n  head_appearances: 2\n  lost: 1\n",
        )
    )
    assert invoke("render", str(path), "-o", str(tmp_path)).exit_code == 0
    texts = [p.text for p in docx.Document(str(tmp_path / "report.docx")).paragraphs]
    assert (
        "2024年，示例镇共发生行政诉讼案件3件，行政机关负责人出庭应诉2件，出庭应诉率66.7%，败诉1件；"
        "应履行法院生效裁判1件，已全部履行。"
    ) in texts


def test_compiled_template_parts_follow_the_template(tmp_path: Path, minimal: Minimal) -> None:
    # Each XML part is compiled once per process and kept by its text: an edited template,
    # or a broken one after a good one, is rendered from its own text every time.
    from lawgov_gen.render.templates import builtin_template_dir

    path, out = minimal(), tmp_path / "out"
    for note, code in (("第一版说明", 0), ("{{ secret_key }}", 1), ("第二版说明", 0)):
        user = docx.Document(str(builtin_template_dir() / "report.docx"))
        user.add_paragraph(note)
        user.save(str(tmp_path / "mine.docx"))
        for _ in range(2):
            result = invoke(
                "render", str(path), "-o", str(out), "--template", str(tmp_path / "mine.docx")
            )
            assert result.exit_code == code, result.stderr
        if code == 0:
            texts = [p.text for p in docx.Document(str(out / "report.docx")).paragraphs]
            assert note in texts
        else:
            assert "“secret_key”没有定义" in result.stderr
