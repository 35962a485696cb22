"""P rules: a character of the PDF that its role's font cannot draw. Only the fonts on
the machine can tell, so the caller measures the gaps (render.fonts) and hands them in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from lawgov_gen.checks.registry import CheckInput, Rule
from lawgov_gen.diagnostics import Diagnostic

if TYPE_CHECKING:
    from lawgov_gen.content.context import ReportContext

JUDGED_ELSEWHERE = (
    Rule(
        "P1",
        "warning",
        "PDF 中某个字在该角色的字体里没有，将由其他已安装的字体代替显示",
        "安装含此字的字体，或接受替代字形",
        None,
    ),
    Rule(
        "P2",
        "error",
        "PDF 中某个字没有任何已安装的字体能显示",
        "安装含此字的字体，如 fonts-noto-cjk",
        None,
    ),
    Rule(
        "P3",
        "warning",
        "PDF 中某个角色（正文仿宋、一级标题黑体、二级标题楷体等）没有该风格的字体，将用另一种风格的字体排印",
        "安装该风格的字体（lawgov-gen setup 说明本机的安装方法），或在 report.fonts.files 中指定字体文件",
        None,
    ),
    Rule(
        "P4",
        "warning",
        "本机没有任何中文字体，P1、P2 无法检查 PDF 中的字能否显示",
        "安装中文字体（lawgov-gen setup 说明本机的安装方法）；只生成 Word 时可以在 ignore 中关闭本规则",
        None,
    ),
)

UNREADABLE_FONT = "字体文件“{}”无法读取（已损坏，或不是字体）：请换一个完好的 .ttf/.otf 字体"

# judged on the PDF's fonts: they do not stop a Word-only render
PDF_ONLY_RULES = frozenset(rule.id for rule in JUDGED_ELSEWHERE)


class GlyphGap(Protocol):
    """A character a role's font lacks, and the installed face that draws it (or none)."""

    @property
    def char(self) -> str: ...
    @property
    def role_label(self) -> str: ...
    @property
    def font_family(self) -> str: ...
    @property
    def drawn_by_family(self) -> str | None: ...
    @property
    def role_key(self) -> str: ...


@dataclass(frozen=True)
class StyleFallback:
    """A role whose face is of another style than the role's (仿宋 drawn in a Song face)."""

    role_key: str
    role_label: str
    style: str  # the role's: 仿宋
    face_family: str
    face_style: str  # the face's: 宋体, or 风格不明
    step: str  # how to install the right face on this platform


@dataclass(frozen=True)
class NoChineseFont:
    """No face on the machine covers Chinese: the glyph rules cannot run."""

    step: str


GlyphProbe = Callable[["ReportContext"], Sequence["GlyphGap | StyleFallback | NoChineseFont"]]


def glyph_findings(
    inp: CheckInput, gaps: Sequence[GlyphGap | StyleFallback | NoChineseFont]
) -> list[Diagnostic]:
    """Each gap as a finding at the first place the character is written in the data; a
    role in a face of another style at the role's font setting (or `report`); no Chinese
    font at `report`."""
    out = []
    for gap in gaps:
        if isinstance(gap, NoChineseFont):
            message = (
                "本机没有任何中文字体，无法检查 PDF 中的字能否显示（P1、P2 未检查），"
                f"生成 PDF 也需要中文字体：{gap.step}"
            )
            out.append(inp.at(("report",), "P4", message, key=True))
            continue
        if isinstance(gap, StyleFallback):
            message = (
                f"{gap.role_label}没有可用的{gap.style}字体，PDF 将用 {gap.face_family}"
                f"（{gap.face_style}）排印，与公文格式不符，{gap.step}"
            )
            out.append(inp.at(("report", "fonts", gap.role_key), "P3", message, key=True))
            continue
        if not gap.char:  # the role's own font file cannot be read at all
            out.append(
                inp.sources.diag(
                    ("report", "fonts", "files", gap.role_key),
                    "error",
                    "SCHEMA",
                    UNREADABLE_FONT.format(gap.font_family),
                )
            )
            continue
        font = f"{gap.role_label}字体 {gap.font_family} "
        if gap.drawn_by_family is None:
            rule_id = "P2"
            tail = "没有任何已安装的字体能显示它，PDF 中将是空白方框：请安装含此字的字体"
        else:
            rule_id = "P1"
            tail = f"将改用 {gap.drawn_by_family} 显示，字形风格会不一致"
        message = f"字符“{gap.char}”（U+{ord(gap.char):04X}）在{font}中没有：{tail}"
        where = next((t for t in inp.texts if gap.char in t.value), None)
        if where is None:
            out.append(inp.at(("report",), rule_id, message))
        else:
            out.append(inp.find(where, where.value.index(gap.char), rule_id, message))
    return out
