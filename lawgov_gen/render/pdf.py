"""Render a ReportContext into a PDF through the HTML/CSS templates and WeasyPrint."""

from __future__ import annotations

import atexit
import mimetypes
import shutil
from collections.abc import Iterable
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

# The archival variants `render --pdf-variant` offers (WeasyPrint's names): PDF/A-2 and
# PDF/A-3, level B (the look) or U (and the text as Unicode). Level A needs a tagged PDF.
PDF_VARIANTS = ("pdf/a-2b", "pdf/a-2u", "pdf/a-3b", "pdf/a-3u")
_FONT_CONFIG: Any = None
# Parsed stylesheets by source and fetcher scope, with the (path, mtime, size) of every file
# the parse read: parsing them again (selectors compiled, @font-face loaded) cost ~6 ms per
# report. WeasyPrint only matches against a CSS object; rendering does not change it.
_SHEETS: dict[tuple[object, ...], tuple[Any, tuple[tuple[str, int, int], ...]]] = {}
_SHEETS_KEPT = 16


def _font_config() -> Any:
    # One FontConfiguration per process: a new one per report costs time and memory.
    global _FONT_CONFIG
    if _FONT_CONFIG is None:
        load_weasyprint()
        from weasyprint.text.fonts import FontConfiguration

        _FONT_CONFIG = FontConfiguration()
        atexit.register(release_font_config)
    return _FONT_CONFIG


def release_font_config() -> None:
    """Drop the process's FontConfiguration and parsed stylesheets, and the folder WeasyPrint
    made for @font-face fonts: its `__del__` removes that folder, but a process that ends
    by os._exit (a fast exit, a forked worker) runs no `__del__`."""
    global _FONT_CONFIG
    config, _FONT_CONFIG = _FONT_CONFIG, None
    _SHEETS.clear()
    folder = getattr(config, "_folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


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
    redirects, no symlink out of a template folder. Its `read` lists the files it served."""
    load_weasyprint()
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    class Refused(FatalURLFetchingError):  # type: ignore[misc]
        pass

    class LockedFetcher(URLFetcher):  # type: ignore[misc]
        read: tuple[Path, ...] = ()

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("file:"):
                raise Refused(f"模板引用了外部地址 {url}：只能引用模板文件夹内的文件")
            path = allowed_file(url, roots, files)
            if path is None:
                raise Refused(
                    f"模板引用了模板文件夹以外或不存在的文件 {unquote(urlsplit(url).path)}"
                )
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.read = (*self.read, path)
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})

    return LockedFetcher(allowed_protocols=("file",), allow_redirects=False), Refused


def _stamps(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...] | None:
    try:
        return tuple((str(p), (st := p.stat()).st_mtime_ns, st.st_size) for p in paths)
    except OSError:
        return None


def stylesheet(source: Path | str, fetcher: Any, scope: tuple[object, ...]) -> Any:
    """The parsed CSS of a file (Path, read through `fetcher`'s scope) or of a generated
    string (WeasyPrint's own fetcher, fetcher=None), reused while every file it read is
    unchanged; `scope` (the fetcher's roots and files) is part of the key."""
    from weasyprint import CSS

    config = _font_config()
    key = (source, id(config), *scope)
    kept = _SHEETS.get(key)
    if kept is not None and _stamps(Path(p) for p, _, _ in kept[1]) == kept[1]:
        return kept[0]
    if isinstance(source, Path):
        fetcher.read = (source,)
        sheet = CSS(filename=str(source), url_fetcher=fetcher, font_config=config)
    else:
        if fetcher is not None:
            fetcher.read = ()
        sheet = CSS(string=source, url_fetcher=fetcher, font_config=config)
    stamps = _stamps(fetcher.read if fetcher is not None else ())
    if stamps is not None:
        if len(_SHEETS) >= _SHEETS_KEPT:
            _SHEETS.pop(next(iter(_SHEETS)))
        _SHEETS[key] = (sheet, stamps)
    return sheet


def render_pdf(ctx: ReportContext, templates: Templates, variant: str | None = None) -> bytes:
    """The finished PDF as bytes, identical for identical input; `variant` is one of
    PDF_VARIANTS (an archival PDF/A: fonts embedded, sRGB OutputIntent, XMP metadata with
    the title, the org as author and the 成文日期 as creation date)."""
    require_pdf_fonts(ctx.fonts, ctx.font_files)
    html = render_html(ctx, templates)
    load_weasyprint()
    from weasyprint import HTML

    from lawgov_gen.render.cjk_lines import install

    install()

    roots = tuple(d.resolve() for d in templates.html_dirs)
    files = tuple(ctx.font_files.values())
    fetcher, refused = locked_fetcher(roots, files)
    config = _font_config()
    try:
        # the generated CSS names the user's font files: the same locked rules as templates
        stylesheets = [stylesheet(fonts_css(ctx), fetcher, (roots, files))]
        stylesheets += [stylesheet(p, fetcher, (roots, files)) for p in templates.css_files]
        document = HTML(string=html, base_url=f"{roots[0].as_uri()}/", url_fetcher=fetcher).render(
            font_config=config, stylesheets=stylesheets
        )
    except refused as exc:
        raise TemplateProblem(str(exc.args[0] if exc.args else exc), path=roots[0]) from None
    document.metadata.attachments = []
    # /ID from the file's own content (pydyf hashes every object): different PDFs never share
    # it; the finisher has each stream serialised once for both the file and that hash.
    data: bytes = document.write_pdf(
        pdf_identifier=True, finisher=once_finisher(), pdf_variant=variant
    )
    return data
