"""Render a ReportContext into a .docx through docxtpl and the Word template."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import MutableMapping
from functools import cache
from typing import Any

from jinja2 import StrictUndefined, Template, nodes
from markupsafe import Markup, escape

from lawgov_gen import __version__
from lawgov_gen.content.context import ReportContext
from lawgov_gen.errors import TemplateProblem
from lawgov_gen.render.docx_zip import normalize_docx
from lawgov_gen.render.elements import STYLES
from lawgov_gen.render.sandbox import GuardedSandbox, template_error
from lawgov_gen.render.templates import Templates

APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    f"<Application>lawgov-gen {__version__}</Application><DocSecurity>0</DocSecurity></Properties>"
)

# zlib's default level: under half the time of level 9 for a file some 5% (2–3 KB) larger
ZIP_LEVEL = 6


def _literal(value: Any) -> Any:
    """Every value the template prints, escaped for XML with its braces as character
    references: docxtpl turns a literal "{_{" (or "%_}") into "{{" after rendering, so user
    text must not hold braces as plain characters there. The XML parser restores them."""
    if value is None or isinstance(value, Markup):
        return value
    return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))


class _CompiledOnce(GuardedSandbox):
    """docxtpl compiles every XML part with `from_string` on each render; one template's
    parts are the same text each time, so their compiled form is kept (the latest 64)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled: dict[str, Template] = {}

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        if not isinstance(source, str) or globals is not None or template_class is not None:
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            compiled = super().from_string(source)
            if len(self._compiled) >= 64:
                self._compiled.pop(next(iter(self._compiled)))
            self._compiled[source] = compiled
        return compiled


@cache
def _environment() -> GuardedSandbox:
    return _CompiledOnce(autoescape=True, undefined=StrictUndefined, finalize=_literal)


def _apply_styles(document: Any, ctx: ReportContext) -> None:
    """Font names per role into w:eastAsia; the computed signature and date indents."""
    from docx.oxml.ns import qn
    from docx.shared import Twips

    by_id = {s.style_id: s for s in STYLES}
    for style in document.styles:
        spec = by_id.get(style.style_id)
        if spec is None:
            continue
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), getattr(ctx.fonts, spec.role))
    indents = {"LgSignature": ctx.signature_indent, "LgDate": ctx.date_indent}
    paragraphs = document.paragraphs
    # the style id straight from w:pStyle: python-docx's p.style looks it up in styles.xml
    ids = [p._p.style or "" for p in paragraphs]
    for paragraph, style_id in zip(paragraphs, ids, strict=True):
        indent = indents.get(style_id)
        if indent is not None:
            paragraph.paragraph_format.right_indent = Twips(indent.twips)
    _keep_ending_with_body(paragraphs, ids)


def _missing(paragraphs: list[Any], ctx: ReportContext) -> list[str]:
    texts = {p.text for p in paragraphs}
    wanted = [("标题", "\n".join(ctx.title_lines))]
    wanted += [("正文（blocks）", b.text) for b in ctx.blocks]
    wanted += [("署名（signature）", ctx.signature), ("成文日期（date）", ctx.date)]
    missing: list[str] = []
    for what, text in wanted:
        if text not in texts and what not in missing:
            missing.append(what)
    return missing


_ENDING = ("LgBlank", "LgAttachment", "LgAttachmentMore")


def _keep_ending_with_body(paragraphs: list[Any], ids: list[str]) -> None:
    """No page holds only the signature: chain the last body lines, 附件说明 and 署名."""
    if "LgSignature" not in ids:
        return
    i = ids.index("LgSignature")
    paragraphs[i].paragraph_format.keep_with_next = True  # with the date
    j = i - 1
    while j >= 0 and ids[j] in _ENDING:
        paragraphs[j].paragraph_format.keep_with_next = True
        j -= 1
    if j >= 0:
        paragraphs[j].paragraph_format.keep_with_next = True


def render_docx(ctx: ReportContext, templates: Templates) -> bytes:
    """The finished .docx as bytes, identical for identical input."""
    from docxtpl import DocxTemplate

    path = templates.word
    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except Exception:  # python-docx raises several kinds on a broken package
        raise TemplateProblem(
            "无法打开 Word 模板：文件已损坏，或不是 Word 文档", path=path
        ) from None
    try:
        tpl.render(ctx.template_values(), jinja_env=_environment())
    except Exception as exc:  # the user's template ran, and anything it raises is theirs
        words = template_error(exc, str(path)).message.removeprefix("模板出错：")
        near = " ".join(x.strip() for x in getattr(exc, "docx_context", None) or [] if x.strip())
        where = f"（附近文字：{near[:80]}）" if near else ""
        raise TemplateProblem(f"模板标签有误：{words}{where}", path=path) from None
    document = tpl.docx
    _apply_styles(document, ctx)
    missing = _missing(document.paragraphs, ctx)
    if missing:
        raise TemplateProblem(
            f"Word 模板没有输出报告的{'、'.join(missing)}：生成的文件会缺内容。请在模板中保留"
            " {{ title_text }}、{%p for b in blocks %}…{{ b.text }}、{{ signature }}、{{ date }}"
            "（可用 lawgov-gen init --templates 导出内置模板作参考）",
            path=path,
        )
    stamp = dt.datetime.combine(dt.date.fromisoformat(ctx.date_iso), dt.time(9, 0))
    core = document.core_properties
    core.title = ctx.title
    core.author = ctx.org
    core.last_modified_by = ctx.org
    core.created = stamp
    core.modified = stamp
    core.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_docx(
        buffer.getvalue(),
        (stamp.year, stamp.month, stamp.day, 9, 0, 0),
        rewrite={"docProps/app.xml": lambda _: APP_XML},
        level=ZIP_LEVEL,
    )
