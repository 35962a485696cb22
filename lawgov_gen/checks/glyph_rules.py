"""P rules: a character of the PDF that its role's font cannot draw. Only the fonts on
the machine can tell, so the caller measures the gaps (render.fonts) and hands them in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


GlyphProbe = Callable[["ReportContext"], Sequence[GlyphGap]]


def glyph_findings(inp: CheckInput, gaps: Sequence[GlyphGap]) -> list[Diagnostic]:
    """Each gap as a finding at the first place the character is written in the data."""
    out = []
    for gap in gaps:
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
