"""One build of the preview: check the data file, render the report through the PDF's HTML
templates, draw the findings on it. A build never raises: whatever goes wrong is a problem
shown at the top of the page, above the last report that rendered."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from lawgov_gen.checks.runner import Checked, check_file
from lawgov_gen.commands.preview.locate import Locator, anchors
from lawgov_gen.commands.preview.marks import Marked, annotate
from lawgov_gen.commands.preview.references import page_references
from lawgov_gen.content.context import ReportContext
from lawgov_gen.diagnostics import Diagnostic
from lawgov_gen.errors import LawgovError, internal_error
from lawgov_gen.render.glyphs import glyph_gaps
from lawgov_gen.render.html import fonts_css, render_html
from lawgov_gen.render.templates import (
    CSS_FILE,
    HTML_TEMPLATE,
    WORD_TEMPLATE,
    Templates,
    resolve_templates,
)

MAX_TEMPLATE_FILES = 500  # files of a user template folder that are watched
_HTML = re.compile(r"<html\b([^>]*)>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>(.*?)</head\s*>", re.I | re.S)
_BODY = re.compile(r"<body\b([^>]*)>(.*)</body\s*>", re.I | re.S)
_TITLE = re.compile(r"<title\b[^>]*>.*?</title\s*>", re.I | re.S)


@dataclass(frozen=True)
class Rendered:
    """A report that rendered: the template's document in parts, with the findings drawn."""

    html_attrs: str
    head: str  # the template's <head> content without its <title>
    body_attrs: str
    plain: str  # the template's <body> content as printed
    marked: Marked
    title: str
    css: tuple[str, ...]  # stylesheet addresses, built-in first (as the PDF stacks them)
    fonts: str  # the role fonts' CSS
    ctx: ReportContext
    templates: Templates
    assets: frozenset[str]  # the template files the page references (folder index/name)


@dataclass(frozen=True)
class Snapshot:
    """The preview after one save: the findings, the newest report that rendered, whether it
    is of this save, the problems that stopped this save from rendering, the files used."""

    version: int
    findings: tuple[Diagnostic, ...] = ()
    rendered: Rendered | None = None
    current: bool = False
    problems: tuple[str, ...] = ()
    files: tuple[Path, ...] = ()
    at: str = field(default_factory=lambda: dt.datetime.now().strftime("%H:%M:%S"))

    def count(self, level: str) -> int:
        return sum(1 for d in self.findings if d.level == level)


def split_document(html: str) -> tuple[str, str, str, str]:
    """(html attributes, head content without title, body attributes, body content)."""
    html_tag = _HTML.search(html)
    head = _HEAD.search(html)
    body = _BODY.search(html, head.end() if head else 0)
    head_text = _TITLE.sub("", head.group(1)) if head else ""
    if body is None:
        rest = html[head.end() :] if head else html
        rest = re.sub(r"</?(?:html|body)\b[^>]*>|<!DOCTYPE[^>]*>", "", rest, flags=re.I)
        return (html_tag.group(1) if html_tag else ""), head_text, "", rest
    return (html_tag.group(1) if html_tag else ""), head_text, body.group(1), body.group(2)


def stylesheets(templates: Templates) -> tuple[str, ...]:
    """The page's stylesheet addresses: /t/<folder>/report.css, built-in first, each with
    its modification time so that a saved stylesheet is fetched again."""
    out = []
    for i in reversed(range(len(templates.html_dirs))):
        css = templates.html_dirs[i] / CSS_FILE
        if css.is_file():
            out.append(f"/t/{i}/{CSS_FILE}?v={css.stat().st_mtime_ns}")
    return tuple(out)


def role_fonts(ctx: ReportContext) -> str:
    """fonts_css with the user's font files served at /font/<role> (a page over HTTP cannot
    read file: addresses), and no way out of the <style> element."""
    css = fonts_css(ctx)
    for role, path in ctx.font_files.items():
        css = css.replace(f'url("{path.as_uri()}")', f'url("/font/{role}")')
    return css.replace("</", "<\\/")


def render_page(checked: Checked, templates: Templates) -> Rendered:
    """The report's HTML with the findings drawn; TemplateProblem when the template fails."""
    ctx, loaded = checked.context, checked.loaded
    assert ctx is not None and loaded is not None
    html = render_html(ctx, templates)
    html_attrs, head, body_attrs, body = split_document(html)
    page = anchors(ctx, loaded)
    locator = Locator(loaded, page)
    spots = [locator.spots(d) for d in checked.findings]
    marked = annotate(body, page, spots, list(checked.findings))
    css = stylesheets(templates)
    return Rendered(
        html_attrs,
        head,
        body_attrs,
        body,
        marked,
        ctx.title,
        css,
        role_fonts(ctx),
        ctx,
        templates,
        page_references(head + body, css, templates.html_dirs),
    )


class Builder:
    """Builds snapshots of one data file, keeping the last report that rendered."""

    def __init__(self, path: Path, template: Path | None) -> None:
        self.path = path
        self.template = template
        self.version = 0
        self.last: Rendered | None = None
        self.files: tuple[Path, ...] = (path,)

    def page_templates(self) -> Templates:
        """The HTML/CSS templates of the page: the user's folder, else the built-in ones."""
        if self.template is not None and not self.template.is_file():
            return resolve_templates(self.template, docx=False, pdf=True)
        return resolve_templates(None, docx=False, pdf=True)

    def word_templates(self) -> Templates:
        """The Word template of the .docx download (resolved as `render` resolves it)."""
        return resolve_templates(self.template, docx=True, pdf=False)

    def check_templates(self) -> None:
        """Refuse a `--template` that gives the page nothing (a .docx: the Word download)."""
        if self.template is not None and self.template.is_file():
            self.word_templates()
        else:
            self.page_templates()

    def build(self) -> Snapshot:
        self.version += 1
        try:
            return self._build()
        except Exception as exc:  # a bug must not end the preview: show it and go on
            problem = internal_error(exc)
            return Snapshot(self.version, (), self.last, False, (problem,), self._watched(None))

    def _build(self) -> Snapshot:
        checked = check_file(self.path, glyphs=glyph_gaps)
        findings = tuple(checked.findings)
        files = self._watched(checked)
        if checked.context is None:
            errors = tuple(d.format() for d in findings if d.level == "error")
            return Snapshot(self.version, findings, self.last, False, errors, files)
        try:
            rendered = render_page(checked, self.page_templates())
        except LawgovError as exc:
            return Snapshot(self.version, findings, self.last, False, (exc.format(),), files)
        self.last = rendered
        return Snapshot(self.version, findings, rendered, True, (), files)

    def _watched(self, checked: Checked | None) -> tuple[Path, ...]:
        """Every file the report uses, the folders a missing one would appear in, and the
        user's templates; what could not be read this time stays watched from last time."""
        files = [self.path, self.path.parent]
        if checked is not None and checked.loaded is not None:
            loaded = checked.loaded
            files += [*loaded.files, *loaded.font_files.values()]
            files += [p.parent for p in loaded.files]
        else:
            files += self.files
            # a file that has never loaded (a new include with an error) is watched too
            named = {Path(d.path) for d in (checked.findings if checked else ()) if d.path}
            files += [*named, *(p.parent for p in named)]
        if self.template is not None:
            files.append(self.template)
            if self.template.is_dir():
                files += [self.template / n for n in (HTML_TEMPLATE, CSS_FILE, WORD_TEMPLATE)]
                # then the shallowest files: assets, before whatever a deep tree holds
                found = sorted(self.template.rglob("*"), key=lambda p: (len(p.parts), p))
                files += found[:MAX_TEMPLATE_FILES]
        self.files = tuple(dict.fromkeys(p.absolute() for p in files))
        return self.files
