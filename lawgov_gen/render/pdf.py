"""Render a ReportContext into a PDF through Jinja2 HTML/CSS templates and WeasyPrint."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.request import url2pathname

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.sandbox import SandboxedEnvironment

from lawgov_gen.content.context import ReportContext
from lawgov_gen.errors import TemplateProblem
from lawgov_gen.render.fonts import (
    ROLE_BY_KEY,
    Fallback,
    css_stack,
    fallbacks,
    require_pdf_fonts,
    user_family,
)
from lawgov_gen.render.templates import builtin_template_dir

HTML_TEMPLATE = "report.html"
CSS_FILE = "report.css"
_FONT_CONFIG: Any = None


@dataclass
class PdfResult:
    """The PDF bytes and the glyph fallbacks that happened."""

    data: bytes
    fallbacks: list[Fallback] = field(default_factory=list)


def search_path(user: Path | None) -> list[Path]:
    """Template folders in order: the user's first, the built-in last."""
    dirs = [builtin_template_dir().resolve()]
    if user is not None and user.is_dir():
        dirs.insert(0, user.resolve())
    return dirs


def _font_config() -> Any:
    # One FontConfiguration per process: a new one per report costs time and memory.
    global _FONT_CONFIG
    if _FONT_CONFIG is None:
        from weasyprint.text.fonts import FontConfiguration

        _FONT_CONFIG = FontConfiguration()
    return _FONT_CONFIG


def locked_fetcher(roots: list[Path], files: tuple[Path, ...] = ()) -> Any:
    """A URL fetcher that serves only files inside `roots` (and `files`): no network, no redirects."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    class Refused(FatalURLFetchingError):  # type: ignore[misc]
        pass

    class LockedFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("file:"):
                raise Refused(f"模板引用了外部地址 {url}：只能引用模板文件夹内的文件")
            path = Path(
                url2pathname(url.split("?")[0].split("#")[0].removeprefix("file:"))
            ).resolve()
            inside = path in files or any(r in path.parents for r in roots)
            if not inside or not path.is_file():
                raise Refused(f"模板引用了模板文件夹以外或不存在的文件 {path}")
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})

    return LockedFetcher(allowed_protocols=("file",), allow_redirects=False), Refused


def fonts_css(ctx: ReportContext) -> str:
    """Font families per role (the user's files first); kept out of the autoescaped HTML."""
    role = {k: css_stack(r, ctx.fonts) for k, r in ROLE_BY_KEY.items()}
    faces = ""
    for key, path in ctx.font_files.items():
        family = user_family(ROLE_BY_KEY[key])
        weight = "bold" if ROLE_BY_KEY[key].bold else "normal"
        faces += f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); font-weight: {weight}; }}\n'
        role[key] = f'"{family}", {role[key]}'
    return faces + (
        f"html, p, h2 {{ font-family: {role['body']}; }}\n"
        f"h1.title, h1.attachment-title {{ font-family: {role['title']}; font-weight: bold; }}\n"
        f"h2.h1, p.attachment-marker, table.metrics th {{ font-family: {role['heading1']}; }}\n"
        f"table.metrics td {{ font-family: {role['body']}; }}\n"
        f"h2.h2 {{ font-family: {role['heading2']}; }}\n"
        f"@page :right {{ @bottom-right {{ font-family: {role['page_number']}; }} }}\n"
        f"@page :left {{ @bottom-left {{ font-family: {role['page_number']}; }} }}\n"
    )


def role_texts(ctx: ReportContext) -> dict[str, str]:
    """The characters each font role has to draw."""
    by_kind = {"h1": "heading1", "h2": "heading2"}
    texts = {
        "title": "".join(ctx.title_lines),
        "page_number": "— 0123456789",
        "heading1": "",
        "heading2": "",
    }
    body = [
        ctx.doc_number or "",
        ctx.to_line or "",
        ctx.signature,
        ctx.date,
        ctx.note or "",
        ctx.cc or "",
    ]
    body += [a.text for a in ctx.attachments]
    for b in ctx.blocks:
        key = by_kind.get(b.kind)
        if key:
            texts[key] += b.text
        else:
            body.append(b.text)
    table = ctx.metrics_table
    if table is not None:
        texts["title"] += table.title
        texts["heading1"] += table.marker + "".join(table.columns)
        body += [f"{r.label}{r.unit}{r.current}{r.previous}{r.change}" for r in table.rows]
    texts["body"] = "".join(body)
    return texts


def render_html(ctx: ReportContext, dirs: list[Path]) -> str:
    """The report as HTML from the first report.html on the search path."""
    # A user template extends the built-in one as "builtin/report.html".
    loader = ChoiceLoader(
        [
            FileSystemLoader([str(d) for d in dirs]),
            PrefixLoader({"builtin": FileSystemLoader(str(dirs[-1]))}),
        ]
    )
    env = SandboxedEnvironment(loader=loader, autoescape=True, undefined=StrictUndefined)
    try:
        return env.get_template(HTML_TEMPLATE).render(ctx.template_values())
    except TemplateSyntaxError as exc:
        raise TemplateProblem(
            f"{exc.filename}:{exc.lineno}: 错误 模板语法错误：{exc.message}"
        ) from None
    except UndefinedError as exc:
        raise TemplateProblem(
            f"{HTML_TEMPLATE}: 错误 模板引用了不存在的值：{exc.message}"
        ) from None
    except TemplateError as exc:
        raise TemplateProblem(f"{HTML_TEMPLATE}: 错误 模板出错：{exc.message}") from None


def render_pdf(ctx: ReportContext, template: Path | None = None) -> PdfResult:
    """The finished PDF as bytes, identical for identical input."""
    resolved = require_pdf_fonts(ctx.fonts, ctx.font_files)
    texts = role_texts(ctx)
    found = [fb for key, r in resolved.items() for fb in fallbacks(r, texts[key])]
    from weasyprint import CSS, HTML

    dirs = search_path(template)
    html = render_html(ctx, dirs)
    # Built-in CSS first, then the user's on top: a user stylesheet only states what differs.
    css_paths = [d / CSS_FILE for d in reversed(dirs) if (d / CSS_FILE).is_file()]
    fetcher, refused = locked_fetcher(dirs, tuple(ctx.font_files.values()))
    config = _font_config()
    try:
        stylesheets = [CSS(string=fonts_css(ctx), font_config=config)]
        stylesheets += [
            CSS(filename=str(p), url_fetcher=fetcher, font_config=config) for p in css_paths
        ]
        document = HTML(string=html, base_url=f"{dirs[0].as_uri()}/", url_fetcher=fetcher).render(
            font_config=config, stylesheets=stylesheets
        )
    except refused as exc:
        raise TemplateProblem(f"{dirs[0]}: 错误 {exc}") from None
    document.metadata.attachments = []
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    data = document.write_pdf(pdf_identifier=identifier)
    return PdfResult(data, found)
