"""The 公开版: the report as one self-contained web page (public.html with its stylesheet
inlined), for the government site. The same context as the Word file and the PDF, so the
three print the same text; a template that drops part of it is refused as report.html is."""

from __future__ import annotations

from markupsafe import Markup

from lawgov_gen.content.context import ReportContext
from lawgov_gen.errors import TemplateProblem
from lawgov_gen.render.html import render_page
from lawgov_gen.render.templates import PUBLIC_CSS, PUBLIC_TEMPLATE, Templates


def public_css(templates: Templates) -> Markup:
    """The built-in public.css with the user's on top, to be inlined in <style>; a sheet
    that would end the <style> element early is refused."""
    parts: list[str] = []
    for path in templates.stylesheets(PUBLIC_CSS):
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise TemplateProblem("模板不是 UTF-8 编码：请另存为 UTF-8", path=path) from None
        if "</" in text.lower():
            raise TemplateProblem("样式表中不能有“</”（会提前结束网页的 <style>）", path=path)
        parts.append(text.strip())
    return Markup("\n".join(parts))


def render_public(ctx: ReportContext, templates: Templates) -> bytes:
    """The 公开版 as UTF-8 bytes; TemplateProblem when the template fails or drops content."""
    return render_page(ctx, templates, PUBLIC_TEMPLATE, css=public_css(templates)).encode("utf-8")
