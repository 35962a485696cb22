"""The report as HTML, from the first report.html on the template search path; the PDF
and the preview both print it. A template that drops part of the report is refused."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import escape

from lawgov_gen.content.context import ReportContext
from lawgov_gen.errors import TemplateProblem
from lawgov_gen.render.elements import STYLES
from lawgov_gen.render.fonts import ROLE_BY_KEY, ROLES, css_stack, css_string, user_family
from lawgov_gen.render.templates import HTML_TEMPLATE, ConfinedLoader, Templates


@cache
def _environment(dirs: tuple[Path, ...]) -> SandboxedEnvironment:
    # One environment per search path: compiled templates are reused across reports.
    return SandboxedEnvironment(
        loader=ConfinedLoader(dirs),
        autoescape=True,
        undefined=StrictUndefined,
        auto_reload=True,
    )


def template_error(exc: Exception, name: str) -> TemplateProblem:
    """A Jinja (or runaway template) error as a Chinese message at its template line."""
    if isinstance(exc, TemplateSyntaxError):
        return TemplateProblem(
            f"模板语法错误：{jinja_words(exc.message or '')}",
            path=exc.filename or name,
            line=exc.lineno,
        )
    if isinstance(exc, TemplateNotFound):
        return TemplateProblem(f"模板引用了不存在的文件“{exc.name}”", path=name)
    if isinstance(exc, RecursionError):
        return TemplateProblem(
            "模板无限递归（宏调用自身，或 extends 了自己）：请检查 {% extends %} 和宏", path=name
        )
    if isinstance(exc, (OverflowError, MemoryError)):
        return TemplateProblem("模板中的循环或数字过大（如 range(10**8)）：请改小", path=name)
    if isinstance(exc, TemplateError):
        return TemplateProblem(f"模板出错：{jinja_words(exc.message or '')}", path=name)
    return TemplateProblem(f"模板出错：{type(exc).__name__}", path=name)


JINJA_PATTERNS = (
    (r"Expected an expression, got '(.+)'", "这里缺少表达式（遇到了“{0}”）"),
    (r"expected token '(.+)', got '(.+)'", "这里应为“{0}”，却遇到了“{1}”"),
    (r"Encountered unknown tag '(.+?)'\..*", "遇到未知的标签“{0}”"),
    (r"Unexpected end of template\..*", "模板意外结束（{{% if %}} 或 {{% for %}} 没有结束？）"),
    (r"unexpected '(.+)'", "这里不该出现“{0}”"),
    (r"'(.+)' is undefined", "“{0}”没有定义（模板只能使用报告提供的值）"),
    (r"(.+) has no attribute '(.+)'", "没有“{1}”这个属性"),
    (r"access to attribute '(.+)' of '(.+)' object is unsafe\.", "沙箱禁止访问属性“{0}”"),
    (r"Range too big.*", "range 太大"),
)
_JINJA_WORDS = (
    ("is undefined", "没有定义（模板只能使用报告提供的值）"),
    ("unexpected end of template", "模板意外结束（{% if %} 或 {% for %} 没有结束？）"),
    ("Encountered unknown tag", "遇到未知的标签"),
    ("unexpected", "这里不该出现"),
    ("expected token", "缺少"),
    ("access to attribute", "不允许访问属性"),
    ("of unsafe", "（沙箱禁止）"),
    ("Range too big", "range 太大"),
)


def jinja_words(message: str) -> str:
    """Jinja's English message in Chinese; the names stay as written."""
    for pattern, template in JINJA_PATTERNS:
        m = re.fullmatch(pattern, message.strip(), flags=re.S)
        if m:
            return template.format(*m.groups())
    for english, chinese in _JINJA_WORDS:
        message = message.replace(english, chinese)
    return message


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


def render_html(ctx: ReportContext, templates: Templates) -> str:
    """The report as HTML; TemplateProblem when the template fails or drops content."""
    env = _environment(templates.html_dirs)
    name = str(templates.html_dirs[0] / HTML_TEMPLATE)
    try:
        html = env.get_template(HTML_TEMPLATE).render(ctx.template_values())
    except TemplateProblem:
        raise
    except (TemplateError, RecursionError, OverflowError, MemoryError) as exc:
        raise template_error(exc, name) from None
    missing = missing_elements(html, ctx)
    if missing:
        raise TemplateProblem(
            f"report.html 没有输出报告的{'、'.join(missing)}：生成的 PDF 会缺内容。"
            "请在模板中保留 {{ title_text }}/title_lines、{% for b in blocks %}、{{ signature }}、{{ date }}，"
            '或用 {% extends "builtin/report.html" %} 只改需要改的块',
            path=name,
        )
    return html


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
