"""Render a ReportContext into a PDF through the HTML/CSS templates and WeasyPrint."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from lawgov_gen.content.context import ReportContext
from lawgov_gen.errors import TemplateProblem
from lawgov_gen.render.fonts import require_pdf_fonts
from lawgov_gen.render.html import fonts_css, render_html
from lawgov_gen.render.pdf_write import once_finisher
from lawgov_gen.render.templates import Templates, confined
from lawgov_gen.render.weasy import load_weasyprint

_FONT_CONFIG: Any = None


def _font_config() -> Any:
    # One FontConfiguration per process: a new one per report costs time and memory.
    global _FONT_CONFIG
    if _FONT_CONFIG is None:
        load_weasyprint()
        from weasyprint.text.fonts import FontConfiguration

        _FONT_CONFIG = FontConfiguration()
    return _FONT_CONFIG


def allowed_file(url: str, roots: tuple[Path, ...], files: tuple[Path, ...]) -> Path | None:
    """The local file a `file:` URL names, when its real path is inside one of `roots`
    (or is one of `files`, the user's own font files); None otherwise."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    try:
        path = Path(unquote(parts.path)).resolve()
    except (OSError, RuntimeError):
        return None
    if path in files:
        return path
    for root in roots:
        if root in path.parents:
            return confined(root, str(path.relative_to(root)))
    return None


def locked_fetcher(
    roots: tuple[Path, ...], files: tuple[Path, ...] = ()
) -> tuple[Any, type[Exception]]:
    """A URL fetcher that serves only files inside `roots` (and `files`): no network, no
    redirects, no symlink out of a template folder."""
    load_weasyprint()
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    class Refused(FatalURLFetchingError):  # type: ignore[misc]
        pass

    class LockedFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("file:"):
                raise Refused(f"模板引用了外部地址 {url}：只能引用模板文件夹内的文件")
            path = allowed_file(url, roots, files)
            if path is None:
                raise Refused(
                    f"模板引用了模板文件夹以外或不存在的文件 {unquote(urlsplit(url).path)}"
                )
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})

    return LockedFetcher(allowed_protocols=("file",), allow_redirects=False), Refused


def render_pdf(ctx: ReportContext, templates: Templates) -> bytes:
    """The finished PDF as bytes, identical for identical input."""
    require_pdf_fonts(ctx.fonts, ctx.font_files)
    html = render_html(ctx, templates)
    load_weasyprint()
    from weasyprint import CSS, HTML

    roots = tuple(d.resolve() for d in templates.html_dirs)
    fetcher, refused = locked_fetcher(roots, tuple(ctx.font_files.values()))
    config = _font_config()
    try:
        stylesheets = [CSS(string=fonts_css(ctx), font_config=config)]
        stylesheets += [
            CSS(filename=str(p), url_fetcher=fetcher, font_config=config)
            for p in templates.css_files
        ]
        document = HTML(string=html, base_url=f"{roots[0].as_uri()}/", url_fetcher=fetcher).render(
            font_config=config, stylesheets=stylesheets
        )
    except refused as exc:
        raise TemplateProblem(str(exc.args[0] if exc.args else exc), path=roots[0]) from None
    document.metadata.attachments = []
    # /ID from the file's own content (pydyf hashes every object): different PDFs never share
    # it; the finisher has each stream serialised once for both the file and that hash.
    data: bytes = document.write_pdf(pdf_identifier=True, finisher=once_finisher())
    return data
