"""Build lawgov_gen/templates/report.docx, the built-in Word template, reproducibly.

Run `python tools/make_docx_template.py` after changing it; a test checks that the
committed template equals what this script builds. The template carries the GB/T
9704-2012 page (A4, margins 37/35/28/26 mm, 22-line grid), one named paragraph style
per element (标题, 正文, 一级标题 …) and the docxtpl tags that place the report's
paragraphs. Restyle it in Word and pass it with `--template`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.text.paragraph import Paragraph

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lawgov_gen.render.docx_zip import normalize_docx
from lawgov_gen.render.elements import LINE_TWIPS, STYLES, StyleSpec

OUT = Path(__file__).resolve().parent.parent / "lawgov_gen" / "templates" / "report.docx"
FONT_LATIN = "Times New Roman"


def set_fonts(rpr: object, east_asia: str, latin: str = FONT_LATIN) -> None:
    """Explicit fonts in every slot (no theme fonts), East Asian face in w:eastAsia."""
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def child(parent: object, tag: str, **attrs: str) -> object:
    el = parent.find(qn(tag))  # type: ignore[attr-defined]
    if el is None:
        el = OxmlElement(tag)
        parent.append(el)  # type: ignore[attr-defined]
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def define_style(document: docx.document.Document, spec: StyleSpec) -> None:
    styles = document.styles
    style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = spec.style_id
    style.base_style = None
    style.quick_style = True
    style.font.size = Pt(spec.size)
    style.font.bold = False
    style.font.color.rgb = None
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, spec.default_font)
    child(rpr, "w:spacing", val=str(spec.char_spacing))
    child(rpr, "w:kern", val="0")
    child(rpr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    fmt = style.paragraph_format
    fmt.alignment = getattr(WD_ALIGN_PARAGRAPH, spec.align)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Twips(spec.line)
    fmt.line_spacing_rule = 4  # exact
    fmt.widow_control = False
    fmt.keep_with_next = spec.keep_next
    fmt.page_break_before = spec.page_break
    ppr = style.element.get_or_add_pPr()
    ind = child(ppr, "w:ind")
    if spec.first_line_chars:
        ind.set(qn("w:firstLineChars"), str(spec.first_line_chars))  # type: ignore[attr-defined]
        ind.set(qn("w:firstLine"), str(spec.first_line_chars * 16 * 20 // 100))  # type: ignore[attr-defined]
    if spec.left_twips:
        ind.set(qn("w:left"), str(spec.left_twips))  # type: ignore[attr-defined]
    if spec.right_twips:
        ind.set(qn("w:right"), str(spec.right_twips))  # type: ignore[attr-defined]
    if spec.rules:
        borders = child(ppr, "w:pBdr")
        for edge in ("top", "bottom"):
            child(borders, f"w:{edge}", val="single", sz="8", space="1", color="000000")  # 0.35 mm
    if spec.outline is not None:
        child(ppr, "w:outlineLvl", val=str(spec.outline))
    if spec.snap_to_grid is False:
        child(ppr, "w:snapToGrid", val="0")
    # no punctuation hanging past the margin: 28 characters stay inside the 156 mm line
    child(ppr, "w:overflowPunct", val="0")


PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
    "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
    "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
    "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()


def schema_order(root: object) -> None:
    """Put pPr/rPr children in the order the OOXML schema requires (Word is strict)."""
    for tag, order in (("w:pPr", PPR_ORDER), ("w:rPr", RPR_ORDER)):
        rank = {qn(f"w:{name}"): i for i, name in enumerate(order)}
        for props in root.iter(qn(tag)):  # type: ignore[attr-defined]
            children = sorted(props, key=lambda el: rank.get(el.tag, len(rank)))
            for el in children:
                props.append(el)


def normalize_defaults(document: docx.document.Document) -> None:
    """Replace theme fonts with explicit ones and set zh-CN as the East Asian language."""
    root = document.styles.element
    defaults = root.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, "仿宋_GB2312")
    child(rpr, "w:sz", val="32")
    child(rpr, "w:szCs", val="32")
    child(rpr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    child(ppr, "w:spacing", after="0", line=str(LINE_TWIPS), lineRule="exact")
    for fonts in root.iter(qn("w:rFonts")):
        for attr in list(fonts.attrib):
            if attr.endswith("Theme") or attr.endswith("theme"):
                del fonts.attrib[attr]
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    child(settings, "w:evenAndOddHeaders")
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    set_fonts(normal.element.get_or_add_rPr(), "仿宋_GB2312")


def page_setup(section: docx.section.Section) -> None:
    """GB/T 9704-2012 5.2: A4, 37/35/28/26 mm margins, 22 lines of 28.95 pt."""
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(37)
    section.bottom_margin = Mm(35)
    section.left_margin = Mm(28)
    section.right_margin = Mm(26)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_TWIPS))


FOOTER_DISTANCE_MM = 21


def page_number_paragraph(paragraph: Paragraph, style: str) -> None:
    """— PAGE — with a real PAGE field."""
    paragraph.style = style
    paragraph.add_run("— ")
    for kind, text in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text or ""
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
    paragraph.add_run(" —")


def body(document: docx.document.Document) -> None:
    """The paragraphs and docxtpl tags that lay out a report."""
    lines: list[tuple[str | None, str]] = [
        (None, "{%p if doc_number %}"),
        ("发文字号", "{{ doc_number }}"),
        (None, "{%p endif %}"),
        ("标题", "{{ title_text }}"),
        ("空行", ""),
        (None, "{%p if to_line %}"),
        ("主送机关", "{{ to_line }}"),
        (None, "{%p endif %}"),
        (None, "{%p for b in blocks %}"),
        (None, '{%p if b.kind == "h1" %}'),
        ("一级标题", "{{ b.text }}"),
        (None, '{%p elif b.kind == "h2" %}'),
        ("二级标题", "{{ b.text }}"),
        (None, '{%p elif b.kind == "h3" %}'),
        ("三级标题", "{{ b.text }}"),
        (None, '{%p elif b.kind == "h4" %}'),
        ("四级标题", "{{ b.text }}"),
        (None, "{%p else %}"),
        ("正文", "{{ b.text }}"),
        (None, "{%p endif %}"),
        (None, "{%p endfor %}"),
        (None, "{%p if attachments %}"),
        ("空行", ""),
        (None, "{%p for a in attachments %}"),
        (None, "{%p if a.first %}"),
        ("附件说明", "{{ a.text }}"),
        (None, "{%p else %}"),
        ("附件说明续", "{{ a.text }}"),
        (None, "{%p endif %}"),
        (None, "{%p endfor %}"),
        (None, "{%p endif %}"),
        ("空行", ""),
        ("署名", "{{ signature }}"),
        ("成文日期", "{{ date }}"),
        (None, "{%p if note %}"),
        ("附注", "{{ note }}"),
        (None, "{%p endif %}"),
        (None, "{%p if cc %}"),
        ("空行", ""),
        ("抄送", "{{ cc }}"),
        (None, "{%p endif %}"),
        (None, "{%p if metrics_table %}"),
        ("附件标记", "{{ metrics_table.marker }}"),
        ("空行", ""),
        ("附件标题", "{{ metrics_table.title }}"),
        ("空行", ""),
        (None, "TABLE"),
        (None, "{%p endif %}"),
    ]
    first = document.paragraphs[0] if document.paragraphs else None
    for style, text in lines:
        if text == "TABLE":
            metrics_table(document)
            continue
        p = document.add_paragraph(text, style=style or "正文")
    if first is not None:
        first._p.getparent().remove(first._p)
    del p


TABLE_WIDTHS_MM = (46, 12, 24, 24, 50)  # 156 mm: the width of the text block


def metrics_table(document: docx.document.Document) -> None:
    """The indicator table: a header row and one docxtpl row loop, single black borders."""
    table = document.add_table(rows=4, cols=5)
    table.autofit = False
    for column, width in zip(table.columns, TABLE_WIDTHS_MM, strict=True):
        column.width = Mm(width)
    tbl_pr = table._tbl.tblPr
    child(tbl_pr, "w:tblW", w=str(round(156 / 25.4 * 1440)), type="dxa")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        child(borders, f"w:{edge}", val="single", sz="4", space="0", color="000000")
    tbl_pr.append(borders)
    child(tbl_pr, "w:jc", val="center")
    header = ("{{ metrics_table.columns[%d] }}",) * 5
    cells = (
        "{{ r.label }}",
        "{{ r.unit }}",
        "{{ r.current }}",
        "{{ r.previous }}",
        "{{ r.change }}",
    )
    rows = (
        ("表头", [h % i for i, h in enumerate(header)]),
        ("表格", ["{%tr for r in metrics_table.rows %}", "", "", "", ""]),
        ("表格", list(cells)),
        ("表格", ["{%tr endfor %}", "", "", "", ""]),
    )
    for row, (style, texts) in zip(table.rows, rows, strict=True):
        for cell, width, text in zip(row.cells, TABLE_WIDTHS_MM, texts, strict=True):
            cell.width = Mm(width)
            paragraph = cell.paragraphs[0]
            paragraph.style = style
            if text:
                paragraph.add_run(text)


def build(out: Path = OUT) -> bytes:
    """Write the template and return its bytes."""
    document = docx.Document()
    normalize_defaults(document)
    for spec in STYLES:
        define_style(document, spec)
    section = document.sections[0]
    page_setup(section)
    body(document)
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    page_number_paragraph(section.footer.paragraphs[0], "页码单")
    page_number_paragraph(section.even_page_footer.paragraphs[0], "页码双")
    for root in (document.styles.element, document.element):
        schema_order(root)
    core = document.core_properties
    core.title = "{{ title }}"
    core.author = "lawgov-gen"
    core.comments = ""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    document.save(str(tmp))
    data = normalize_docx(
        tmp.read_bytes(),
        (2024, 1, 1, 0, 0, 0),
        rewrite={"word/theme/theme1.xml": theme_fix, "_rels/.rels": drop_thumbnail_rel},
        drop=("docProps/thumbnail.jpeg",),
    )
    tmp.unlink()
    out.write_bytes(data)
    return data


def theme_fix(xml: str) -> str:
    """Theme fonts: Latin Times New Roman, East Asian 仿宋_GB2312, no Japanese faces."""
    xml = re.sub(r'<a:latin typeface="[^"]*"', '<a:latin typeface="Times New Roman"', xml)
    xml = re.sub(r'<a:ea typeface="[^"]*"', '<a:ea typeface="仿宋_GB2312"', xml)
    return re.sub(r'<a:font script="[^"]*" typeface="[^"]*"/>', "", xml)


def drop_thumbnail_rel(xml: str) -> str:
    """python-docx's default package carries someone else's thumbnail: drop it."""
    return re.sub(r"<Relationship [^>]*thumbnail[^>]*/>", "", xml)


if __name__ == "__main__":
    data = build()
    print(f"wrote {OUT} ({len(data)} bytes)")
