"""Render a ReportContext into a .docx through docxtpl and the Word template."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from lawgov_gen.content.context import ReportContext
from lawgov_gen.errors import TemplateProblem
from lawgov_gen.render.docx_zip import normalize_docx
from lawgov_gen.render.elements import STYLES
from lawgov_gen.render.templates import builtin_template_dir

WORD_TEMPLATE = "report.docx"


def word_template(user: Path | None) -> Path:
    """The user's .docx template if given (checked), else the built-in one."""
    if user is None:
        return builtin_template_dir() / WORD_TEMPLATE
    if user.is_dir():
        candidate = user / WORD_TEMPLATE
        if candidate.is_file():
            return candidate
        return builtin_template_dir() / WORD_TEMPLATE
    if user.suffix.lower() != ".docx":
        raise TemplateProblem(f"{user}: 错误 Word 模板必须是 .docx 文件（不支持 .doc 或其他格式）")
    if not user.is_file():
        raise TemplateProblem(f"{user}: 错误 模板文件不存在")
    if not zipfile.is_zipfile(user):
        raise TemplateProblem(f"{user}: 错误 不是有效的 .docx 文件（可能已损坏，或只是改了扩展名）")
    return user


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
    ids = [p.style.style_id if p.style is not None else "" for p in paragraphs]
    for paragraph, style_id in zip(paragraphs, ids, strict=True):
        indent = indents.get(style_id)
        if indent is not None:
            paragraph.paragraph_format.right_indent = Twips(indent.twips)
    _keep_ending_with_body(paragraphs, ids)


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


def render_docx(ctx: ReportContext, template: Path | None = None) -> bytes:
    """The finished .docx as bytes, identical for identical input."""
    from docxtpl import DocxTemplate

    path = word_template(template)
    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except Exception as exc:  # python-docx raises several kinds on a broken package
        raise TemplateProblem(f"{path}: 错误 无法打开 Word 模板：{exc}") from None
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    try:
        tpl.render(ctx.template_values(), jinja_env=env)
    except TemplateError as exc:
        near = " ".join(x.strip() for x in getattr(exc, "docx_context", None) or [] if x.strip())[
            :80
        ]
        where = f"（附近文字：{near}）" if near else ""
        raise TemplateProblem(f"{path}: 错误 模板标签有误：{exc.message}{where}") from None
    document = tpl.docx
    _apply_styles(document, ctx)
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
    return normalize_docx(buffer.getvalue(), (stamp.year, stamp.month, stamp.day, 9, 0, 0))
