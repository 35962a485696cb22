"""`lawgov-gen fonts`: which face draws each role, and what a report's text lacks."""

from __future__ import annotations

from pathlib import Path

from lawgov_gen.content.layout import pad
from lawgov_gen.data.model import FontNames
from lawgov_gen.render.fonts import NO_CHINESE_FONT, ROLES, harfbuzz_subset_available, resolve
from lawgov_gen.render.glyphs import fallbacks, role_texts
from lawgov_gen.render.setup_steps import font_step, harfbuzz_step


def fonts_report(file: Path | None) -> tuple[str, bool]:
    """The report as text, and whether a proper PDF can be made."""
    names = FontNames()
    files: dict[str, Path] = {}
    ctx = None
    lines: list[str] = []
    if file is not None:
        from lawgov_gen.checks.runner import check_file

        checked = check_file(file)
        errors = [d for d in checked.findings if d.level == "error"]
        if checked.context is None:
            return "\n".join(d.format() for d in errors or checked.findings), False
        ctx = checked.context
        names, files = ctx.fonts, ctx.font_files
    ok = True
    lines.append(f"{pad('字体角色', 9)}{pad('字体', 13)}文件")
    resolved = {}
    for role in ROLES:
        r = resolve(role, names, files.get(role.key))
        resolved[role.key] = r
        if r.face is None:
            ok = False
            lines.append(f"{pad(role.label, 9)}{pad('（未找到）', 13)}{font_step()}")
            continue
        face = f"{r.face.family} {r.face.style}"
        mark = "（替代字体）" if r.substitute else ("（自备字体文件）" if r.from_file else "")
        if r.other_style is not None:
            mark = f"（替代字体：{r.other_style}，不是{role.style}）"
        index = f"#{r.face.index}" if r.face.index else ""
        lines.append(f"{pad(role.label, 9)}{pad(face, 13)}{r.face.file}{index} {mark}".rstrip())
    hb = harfbuzz_subset_available()
    ok = ok and hb
    lines.append(f"HarfBuzz 字体子集库：{'可用' if hb else f'缺少（{harfbuzz_step()}）'}")
    if not any(r.face for r in resolved.values()):
        lines.append(f"错误 {NO_CHINESE_FONT}：{font_step()}")
    if ctx is not None:
        texts = role_texts(ctx)
        missing = [fb for key, r in resolved.items() for fb in fallbacks(r, texts[key])]
        if not missing:
            lines.append(f"{file}：所有字符都能用各角色的字体显示。")
        for fb in missing:
            target = fb.drawn_by.family if fb.drawn_by else "（无，显示为方框）"
            ok = ok and fb.drawn_by is not None
            lines.append(
                f"{fb.role.label} {fb.font.family} 缺“{fb.char}”（U+{ord(fb.char):04X}）→ {target}"
            )
    return "\n".join(lines), ok
