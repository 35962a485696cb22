"""Glyph coverage: which characters of a report each role's font lacks, and which installed
face draws them instead. WeasyPrint falls back glyph by glyph silently, so this is checked
against the report's own characters before rendering, and every fallback is reported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lawgov_gen.checks.glyph_rules import NoChineseFont, StyleFallback
from lawgov_gen.checks.writing import is_invisible
from lawgov_gen.content.context import ReportContext
from lawgov_gen.render import fonts
from lawgov_gen.render.elements import ROLE_OF_ELEMENT
from lawgov_gen.render.fonts import (
    ROLES,
    FontFace,
    Resolved,
    Role,
    fallback_order,
    resolve,
)
from lawgov_gen.render.setup_steps import font_step


@dataclass(frozen=True)
class Fallback:
    """A character the role's font lacks and the face that will draw it (None: nothing)."""

    role: Role
    char: str
    font: FontFace
    drawn_by: FontFace | None

    @property
    def role_label(self) -> str:
        return self.role.label

    @property
    def font_family(self) -> str:
        return self.font.family

    @property
    def drawn_by_family(self) -> str | None:
        return self.drawn_by.family if self.drawn_by else None

    @property
    def role_key(self) -> str:
        return self.role.key


@dataclass(frozen=True)
class UnreadableFontFile:
    """A user's font file fontconfig cannot read: reported as a gap with no character."""

    role: Role
    path: Path
    char: str = ""
    drawn_by_family: str | None = None

    @property
    def role_label(self) -> str:
        return self.role.label

    @property
    def font_family(self) -> str:
        return self.path.name

    @property
    def role_key(self) -> str:
        return self.role.key


def fallbacks(resolved: Resolved, text: str) -> list[Fallback]:
    """Characters of `text` the role's font cannot draw, each with its replacement face:
    the role's own stack first, then any installed face (as fontconfig falls back)."""
    if resolved.face is None:
        return []
    out = []
    for ch in sorted(set(text)):
        if ch.isspace() or is_invisible(ch) or resolved.face.covers(ch):
            continue
        drawn_by = next((f for f in resolved.stack[1:] if f.covers(ch)), None)
        if drawn_by is None:
            # Pango asks fontconfig for an "emoji" font for emoji, else falls back as the family does
            order = fallback_order("emoji") if is_emoji(ch) else ()
            order += fallback_order(resolved.face.family)
            drawn_by = next((f for f in order if f.covers(ch)), None)
        out.append(Fallback(resolved.role, ch, resolved.face, drawn_by))
    return out


PAGE_NUMBER_TEXT = "— 0123456789"
# Code point blocks Pango itemizes as emoji (Unicode's Emoji_Presentation lives mostly here).
_EMOJI_BLOCKS = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xFE0F, 0xFE0F))


def is_emoji(ch: str) -> bool:
    """Whether a character is in a block Pango draws with an emoji font."""
    return any(lo <= ord(ch) <= hi for lo, hi in _EMOJI_BLOCKS)


def role_texts(ctx: ReportContext) -> dict[str, str]:
    """The characters each font role has to draw, from the context's printed texts."""
    texts = {role.key: "" for role in ROLES}
    texts["page_number"] = PAGE_NUMBER_TEXT
    for element, text in ctx.printed_texts():
        role = ROLE_OF_ELEMENT.get(element)
        if role is not None:
            texts[role] += text
    return texts


Gap = Fallback | UnreadableFontFile | StyleFallback | NoChineseFont


def glyph_gaps(ctx: ReportContext) -> list[Gap]:
    """The font probe of check and render --pdf: every font file of the report that cannot
    be read; no Chinese font at all (P4: the glyph rules cannot run); each role drawn in a
    face of another style (P3); every character its role's font lacks (P1/P2)."""
    resolved = {role.key: resolve(role, ctx.fonts, ctx.font_files.get(role.key)) for role in ROLES}
    out: list[Gap] = [
        UnreadableFontFile(r.role, ctx.font_files[key])
        for key, r in resolved.items()
        if key in ctx.font_files and not r.from_file
    ]
    if not fonts.installed_faces() and not all(r.from_file for r in resolved.values()):
        return [*out, NoChineseFont(font_step())]
    for r in resolved.values():
        if r.face is not None and (other := r.other_style) is not None:
            out.append(
                StyleFallback(
                    r.role.key, r.role.label, r.role.style, r.face.family, other, style_step(r)
                )
            )
    texts = role_texts(ctx)
    return out + [fb for key, r in resolved.items() for fb in fallbacks(r, texts[key])]


def style_step(resolved: Resolved) -> str:
    """What brings a role's own style: the free face setup installs, for this platform."""
    return f"应为 {'、'.join(resolved.role.free)} 等{resolved.role.style}字体。{font_step()}"
