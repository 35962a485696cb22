"""The roll-up as a Word attachment (GB/T 9704-2012 7.3.7): 附件 top left, the title, the
table in the report's own styles at the type size and orientation docx_layout chooses; the
heading row repeats on every page and no row is split across pages."""

from __future__ import annotations

import datetime as dt
import io
from xml.sax.saxutils import escape

from docx.oxml.ns import nsdecls

from lawgov_gen.commands.rollup.docx_layout import CELL_MARGIN_TWIPS, STATUS, Layout, choose_layout
from lawgov_gen.commands.rollup.table import Summary
from lawgov_gen.commands.rollup.writers import table_rows
from lawgov_gen.render.docx_zip import normalize_docx
from lawgov_gen.render.templates import WORD_TEMPLATE, builtin_template_dir

CONTINUED = "续表"


def to_docx(summary: Summary, title: str) -> bytes:
    """The table as a .docx attachment, reproducible byte for byte."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import parse_xml
    from docx.shared import Mm

    document = docx.Document(str(builtin_template_dir() / WORD_TEMPLATE))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    rows = table_rows(summary)
    layout = choose_layout(rows)
    if layout.landscape:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(28), Mm(26)
        section.left_margin, section.right_margin = Mm(37), Mm(35)
    marker = document.add_paragraph("附件", style="附件标记")
    marker.paragraph_format.page_break_before = False  # the first page: no break before it
    document.add_paragraph("", style="空行")
    document.add_paragraph(title, style="附件标题")
    document.add_paragraph("", style="空行")
    styles = [document.styles[n].style_id for n in ("表头", "表格")]
    for i, part in enumerate(layout.parts):
        if i:
            body.insert(len(body) - 1, parse_xml(_continued(styles[0], layout)))
        table = [[row[c] for c in part] for row in rows]
        widths = [layout.twips[c] for c in part]
        status = part.index(STATUS) if STATUS in part else None
        body.insert(len(body) - 1, parse_xml(_table_xml(table, widths, styles, layout, status)))
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


def _type(layout: Layout) -> tuple[str, str]:
    """Paragraph and run properties that set the layout's type size on the table styles."""
    half_points = round(layout.points * 2)
    spacing = (
        f'<w:spacing w:before="0" w:after="0" w:line="{layout.line_twips}" w:lineRule="exact"/>'
    )
    run = f'<w:rPr><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
    return spacing, run


def _continued(style: str, layout: Layout) -> str:
    """The line above a table's next part: 续表, on a new page."""
    spacing, run = _type(layout)
    return (
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{style}"/><w:pageBreakBefore/>{spacing}'
        f'<w:jc w:val="left"/></w:pPr><w:r>{run}<w:t>{CONTINUED}</w:t></w:r></w:p>'
    )


def _text(value: str, heading: bool) -> str:
    """A cell's text; a heading's （unit） on a line of its own, never broken."""
    label, paren, unit = value.rpartition("（")
    if heading and paren and label:
        return f"<w:t>{escape(label)}</w:t><w:br/><w:t>{escape(paren + unit)}</w:t>"
    return f'<w:t xml:space="preserve">{escape(value)}</w:t>'


def _table_xml(
    rows: list[list[str]], twips: list[int], styles: list[str], layout: Layout, status: int | None
) -> str:
    """The table's WordprocessingML written at once (python-docx's cell access is quadratic):
    fixed column widths equal to the grid's, single 0.5 pt borders (the template has no table
    style to lean on), the heading row repeated on each page, and the heading and 合计 rows
    in 表头, the others in 表格."""
    head, cell = styles
    spacing, run_pr = _type(layout)
    margin = f'w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"'
    half = f'w:w="{CELL_MARGIN_TWIPS // 2}" w:type="dxa"'
    out = [
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{_EDGES}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f"<w:tblCellMar><w:top {half}/><w:left {margin}/><w:bottom {half}/><w:right {margin}/>"
        "</w:tblCellMar></w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in twips),
        "</w:tblGrid>",
    ]
    for r, values in enumerate(rows):
        style = head if r in (0, len(rows) - 1) else cell
        out.append(
            "<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if r == 0 else "") + "</w:trPr>"
        )
        for c, (value, width) in enumerate(zip(values, twips, strict=True)):
            run = f"<w:r>{run_pr}{_text(value, r == 0)}</w:r>" if value else ""
            align = '<w:jc w:val="left"/>' if r and c == status else ""
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{spacing}{align}{run_pr}</w:pPr>{run}</w:p></w:tc>'
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
