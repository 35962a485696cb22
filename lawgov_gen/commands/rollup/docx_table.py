"""The roll-up as a Word attachment (GB/T 9704-2012 7.3.7): 附件 top left, the title, the
table in 4号 with the report's own styles; landscape when the table is wider than 156 mm."""

from __future__ import annotations

import datetime as dt
import io
from xml.sax.saxutils import escape

from docx.oxml.ns import nsdecls

from lawgov_gen.commands.rollup.table import Summary
from lawgov_gen.commands.rollup.writers import table_rows
from lawgov_gen.content.layout import text_width
from lawgov_gen.render.docx_zip import normalize_docx
from lawgov_gen.render.templates import builtin_template_dir

CELL_EM_MM = 14 * 25.4 / 72  # a 4号 character
PORTRAIT_MM, LANDSCAPE_MM = 156.0, 225.0


def column_widths_mm(rows: list[list[str]]) -> list[float]:
    """Each column as wide as its widest cell, its heading wrapped on up to two lines."""
    widths = []
    for i in range(len(rows[0])):
        head = text_width(rows[0][i]) / 2
        body = max((text_width(r[i]) for r in rows[1:]), default=0)
        if i == 2:  # 状态: wraps
            body = min(body, 8)
        widths.append((max(head, body, 2) + 1) * CELL_EM_MM)
    return widths


def to_docx(summary: Summary, title: str) -> bytes:
    """The table as a .docx attachment, reproducible byte for byte."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import parse_xml
    from docx.shared import Mm

    document = docx.Document(str(builtin_template_dir() / "report.docx"))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    rows = table_rows(summary)
    widths = column_widths_mm(rows)
    section = document.sections[0]
    available = PORTRAIT_MM
    if sum(widths) > PORTRAIT_MM:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(28), Mm(26)
        section.left_margin, section.right_margin = Mm(37), Mm(35)
        available = LANDSCAPE_MM
    scale = min(1.0, available / sum(widths))
    marker = document.add_paragraph("附件", style="附件标记")
    marker.paragraph_format.page_break_before = False  # the first page: no break before it
    document.add_paragraph("", style="空行")
    document.add_paragraph(title, style="附件标题")
    document.add_paragraph("", style="空行")
    twips = [round(w * scale * 1440 / 25.4) for w in widths]
    styles = [document.styles[n].style_id for n in ("表头", "表格")]
    body.insert(len(body) - 1, parse_xml(_table_xml(rows, twips, styles)))
    stamp = dt.datetime(2000, 1, 1, 9, 0)
    core = document.core_properties
    core.title, core.created, core.modified, core.revision = title, stamp, stamp, 1
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_docx(buffer.getvalue(), (2000, 1, 1, 9, 0, 0))


_EDGES = "".join(
    f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _table_xml(rows: list[list[str]], twips: list[int], styles: list[str]) -> str:
    """The table's WordprocessingML written at once (python-docx's cell access is quadratic):
    single 0.5 pt borders (the template has no table style to lean on), the heading and 合计
    rows in 表头, the others in 表格."""
    head, cell = styles
    out = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
        f'<w:tblBorders>{_EDGES}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{w}"/>' for w in twips),
        "</w:tblGrid>",
    ]
    for r, values in enumerate(rows):
        style = head if r in (0, len(rows) - 1) else cell
        out.append("<w:tr>")
        for value, width in zip(values, twips, strict=True):
            run = f'<w:r><w:t xml:space="preserve">{escape(value)}</w:t></w:r>' if value else ""
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run}</w:p></w:tc>'
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
