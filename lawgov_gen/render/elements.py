"""The elements of the page (GB/T 9704-2012), one table: each element's Word paragraph
style, its CSS selector in the PDF template and its font role. The Word styles, the PDF's
font stylesheet and the glyph check are all generated from this table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lawgov_gen.data.model import FontNames

LINE_TWIPS = 579  # 225 mm / 22 lines = 28.95 pt
CHAR_SPACING = -5  # -0.25 pt: 28 full-width characters of 16 pt fit in 156 mm


@dataclass(frozen=True)
class StyleSpec:
    """One paragraph style: its name (shown in Word), id, font role and layout."""

    element: str  # the context's element name (ReportContext.printed_texts)
    name: str
    style_id: str
    role: str  # a FontNames field
    css: str  # the selector of the element in report.html ("" when not in the PDF)
    size: float
    align: str  # a WD_ALIGN_PARAGRAPH name: check and the PDF need no python-docx
    first_line_chars: int = 200
    left_twips: int = 0
    right_twips: int = 0
    line: int = LINE_TWIPS
    keep_next: bool = False
    outline: int | None = None
    char_spacing: int = CHAR_SPACING
    snap_to_grid: bool = True
    page_break: bool = False
    rules: bool = False  # 版记 separator lines above and below (GB/T 9704-2012 7.4.1)

    @property
    def default_font(self) -> str:
        return str(FontNames.model_fields[self.role].default)


_J, _C, _L, _R = ("JUSTIFY", "CENTER", "LEFT", "RIGHT")

# 4号 text outside the 3号 line grid: table cells and page numbers
_OFF_GRID: dict[str, Any] = {
    "first_line_chars": 0,
    "line": 400,
    "char_spacing": 0,
    "snap_to_grid": False,
}

# 2号 titles: off the grid (LibreOffice would give them two lines), no letter spacing
_TITLE: dict[str, Any] = {
    "first_line_chars": 0,
    "keep_next": True,
    "char_spacing": 0,
    "snap_to_grid": False,
}

STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("body", "正文", "LgBody", "body", "p", 16, _J),
    StyleSpec("title", "标题", "LgTitle", "title", "h1.title", 22, _C, **_TITLE),
    StyleSpec(
        "doc_number",
        "发文字号",
        "LgDocNumber",
        "body",
        "p.doc-number",
        16,
        _C,
        first_line_chars=0,
        keep_next=True,
    ),
    StyleSpec(
        "addressee", "主送机关", "LgAddressee", "body", "p.addressee", 16, _J, first_line_chars=0
    ),
    StyleSpec(
        "heading1", "一级标题", "LgHeading1", "heading1", "h2.h1", 16, _J, keep_next=True, outline=0
    ),
    StyleSpec(
        "heading2", "二级标题", "LgHeading2", "heading2", "h2.h2", 16, _J, keep_next=True, outline=1
    ),
    StyleSpec(
        "heading3", "三级标题", "LgHeading3", "body", "h2.h3", 16, _J, keep_next=True, outline=2
    ),
    StyleSpec(
        "heading4", "四级标题", "LgHeading4", "body", "h2.h4", 16, _J, keep_next=True, outline=3
    ),
    StyleSpec("blank", "空行", "LgBlank", "body", "p.blank", 16, _J, first_line_chars=0),
    StyleSpec("attachment", "附件说明", "LgAttachment", "body", "p.attachment", 16, _L),
    StyleSpec(
        "attachment",
        "附件说明续",
        "LgAttachmentMore",
        "body",
        "p.attachment-more",
        16,
        _L,
        first_line_chars=0,
        left_twips=5 * 315,
    ),
    StyleSpec(
        "signature",
        "署名",
        "LgSignature",
        "body",
        "p.signature",
        16,
        _R,
        first_line_chars=0,
        right_twips=2 * 315,
    ),
    StyleSpec(
        "date",
        "成文日期",
        "LgDate",
        "body",
        "p.date",
        16,
        _R,
        first_line_chars=0,
        right_twips=2 * 315,
    ),
    StyleSpec("note", "附注", "LgNote", "body", "p.note", 16, _L),
    StyleSpec(
        "cc",
        "抄送",
        "LgCc",
        "body",
        "p.cc",
        14,
        _L,
        first_line_chars=0,
        left_twips=280,
        right_twips=280,
        rules=True,
    ),
    StyleSpec(
        "attachment_marker",
        "附件标记",
        "LgAttachmentMark",
        "heading1",
        "p.attachment-marker",
        16,
        _L,
        first_line_chars=0,
        keep_next=True,
        page_break=True,
    ),
    StyleSpec(
        "attachment_title",
        "附件标题",
        "LgAttachmentTitle",
        "title",
        "h1.attachment-title",
        22,
        _C,
        **_TITLE,
    ),
    StyleSpec(
        "table_head", "表头", "LgTableHead", "heading1", "table.metrics th", 14, _C, **_OFF_GRID
    ),
    StyleSpec("table_cell", "表格", "LgTableCell", "body", "table.metrics td", 14, _C, **_OFF_GRID),
    StyleSpec(
        "page_number",
        "页码单",
        "LgPageOdd",
        "page_number",
        "@page :right @bottom-right",
        14,
        _R,
        right_twips=280,
        **_OFF_GRID,
    ),
    StyleSpec(
        "page_number",
        "页码双",
        "LgPageEven",
        "page_number",
        "@page :left @bottom-left",
        14,
        _L,
        left_twips=280,
        **_OFF_GRID,
    ),
)

ROLE_OF_ELEMENT: dict[str, str] = {s.element: s.role for s in STYLES}
