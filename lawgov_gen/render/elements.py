"""The paragraph styles of the Word template, by GB/T 9704-2012 element."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH

from lawgov_gen.data.model import FontNames

LINE_TWIPS = 579  # 225 mm / 22 lines = 28.95 pt
CHAR_SPACING = -5  # -0.25 pt: 28 full-width characters of 16 pt fit in 156 mm


@dataclass(frozen=True)
class StyleSpec:
    """One paragraph style: its name (shown in Word), id, font role and layout."""

    name: str
    style_id: str
    role: str  # a FontNames field
    size: float
    align: WD_ALIGN_PARAGRAPH
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


_J, _C, _L, _R = (
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
)

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
    StyleSpec("正文", "LgBody", "body", 16, _J),
    StyleSpec("标题", "LgTitle", "title", 22, _C, **_TITLE),
    StyleSpec("发文字号", "LgDocNumber", "body", 16, _C, first_line_chars=0, keep_next=True),
    StyleSpec("主送机关", "LgAddressee", "body", 16, _J, first_line_chars=0),
    StyleSpec("一级标题", "LgHeading1", "heading1", 16, _J, keep_next=True, outline=0),
    StyleSpec("二级标题", "LgHeading2", "heading2", 16, _J, keep_next=True, outline=1),
    StyleSpec("三级标题", "LgHeading3", "body", 16, _J, keep_next=True, outline=2),
    StyleSpec("四级标题", "LgHeading4", "body", 16, _J, keep_next=True, outline=3),
    StyleSpec("空行", "LgBlank", "body", 16, _J, first_line_chars=0),
    StyleSpec("附件说明", "LgAttachment", "body", 16, _L),
    StyleSpec(
        "附件说明续", "LgAttachmentMore", "body", 16, _L, first_line_chars=0, left_twips=5 * 315
    ),
    StyleSpec("署名", "LgSignature", "body", 16, _R, first_line_chars=0, right_twips=2 * 315),
    StyleSpec("成文日期", "LgDate", "body", 16, _R, first_line_chars=0, right_twips=2 * 315),
    StyleSpec("附注", "LgNote", "body", 16, _L),
    StyleSpec(
        "抄送",
        "LgCc",
        "body",
        14,
        _L,
        first_line_chars=0,
        left_twips=280,
        right_twips=280,
        rules=True,
    ),
    StyleSpec(
        "附件标记",
        "LgAttachmentMark",
        "heading1",
        16,
        _L,
        first_line_chars=0,
        keep_next=True,
        page_break=True,
    ),
    StyleSpec("附件标题", "LgAttachmentTitle", "title", 22, _C, **_TITLE),
    StyleSpec("表头", "LgTableHead", "heading1", 14, _C, **_OFF_GRID),
    StyleSpec("表格", "LgTableCell", "body", 14, _C, **_OFF_GRID),
    StyleSpec("页码单", "LgPageOdd", "page_number", 14, _R, right_twips=280, **_OFF_GRID),
    StyleSpec("页码双", "LgPageEven", "page_number", 14, _L, left_twips=280, **_OFF_GRID),
)

STYLE_BY_NAME = {s.name: s for s in STYLES}
