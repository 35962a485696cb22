"""The report as HTML, from the first report.html on the template search path; the PDF
and the preview both print it. A template that drops part of the report is refused."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import StrictUndefined
from markupsafe import escape

from lawgov_gen.content.context import ReportContext
from lawgov_gen.errors import TemplateProblem
from lawgov_gen.render.elements import STYLES
from lawgov_gen.render.fonts import ROLE_BY_KEY, ROLES, css_stack, css_string, user_family
from lawgov_gen.render.sandbox import GuardedSandbox, template_error
from lawgov_gen.render.templates import HTML_TEMPLATE, ConfinedLoader, Templates


@cache
def _environment(dirs: tuple[Path, ...]) -> GuardedSandbox:
    # One environment per search path: compiled templates are reused across reports.
    return GuardedSandbox(
        loader=ConfinedLoader(dirs),
        autoescape=True,
        undefined=StrictUndefined,
        auto_reload=True,
    )


def template_environment(templates: Templates) -> GuardedSandbox:
    """The sandboxed environment of the templates' search path."""
    return _environment(templates.html_dirs)


def missing_elements(html: str, ctx: ReportContext) -> list[str]:
    """The parts of the report a rendered page lacks (its template dropped them)."""
    wanted = [("标题", ctx.title_lines[0] if ctx.title_lines else ctx.title)]
    wanted += [("正文（blocks）", b.text) for b in ctx.blocks]
    wanted += [("署名（signature）", ctx.signature), ("成文日期（date）", ctx.date)]
    missing: list[str] = []
    for what, text in wanted:
        if str(escape(text)) not in html and what not in missing:
            missing.append(what)
    return missing


def render_page(ctx: ReportContext, templates: Templates, name: str, **extra: object) -> str:
    """The report through the template `name` (report.html, public.html) of the search
    path; TemplateProblem when the template fails or drops content."""
    env = template_environment(templates)
    path = str(templates.html_dirs[0] / name)
    try:
        html = env.get_template(name).render(ctx.template_values(), **extra)
    except TemplateProblem:
        raise
    except Exception as exc:  # the user's template ran, and anything it raises is theirs
        raise template_error(exc, path) from None
    missing = missing_elements(html, ctx)
    if missing:
        output = "生成的 PDF" if name == HTML_TEMPLATE else "公开版网页"
        raise TemplateProblem(
            f"{name} 没有输出报告的{'、'.join(missing)}：{output}会缺内容。"
            "请在模板中保留 {{ title_text }}/title_lines、{% for b in blocks %}、{{ signature }}、{{ date }}，"
            f'或用 {{% extends "builtin/{name}" %}} 只改需要改的块',
            path=path,
        )
    return html


def render_html(ctx: ReportContext, templates: Templates) -> str:
    """The report as the PDF's HTML (report.html)."""
    return render_page(ctx, templates, HTML_TEMPLATE)


def fonts_css(ctx: ReportContext) -> str:
    """Font families per role (the user's files first), one rule per role generated from
    the element table; kept out of the autoescaped HTML."""
    stacks = {r.key: css_stack(r, ctx.fonts) for r in ROLES}
    faces = ""
    for key, path in ctx.font_files.items():
        role = ROLE_BY_KEY[key]
        weight = "bold" if role.bold else "normal"
        faces += (
            f"@font-face {{ font-family: {css_string(user_family(role))}; "
            f"src: url({css_string(path.as_uri())}); font-weight: {weight}; }}\n"
        )
        stacks[key] = f"{css_string(user_family(role))}, {stacks[key]}"
    rules = ""
    for role in ROLES:
        selectors = [s.css for s in STYLES if s.role == role.key and s.css]
        boxes = [s for s in selectors if s.startswith("@page")]
        plain = [s for s in selectors if not s.startswith("@page")]
        if role.key == "body":
            plain.insert(0, "html")
        weight = " font-weight: bold;" if role.bold else ""
        if plain:
            rules += f"{', '.join(plain)} {{ font-family: {stacks[role.key]};{weight} }}\n"
        for box in boxes:
            page, margin = box.rsplit(" ", 1)
            rules += f"{page} {{ {margin} {{ font-family: {stacks[role.key]}; }} }}\n"
    return faces + rules
