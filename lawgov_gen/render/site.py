"""A county's site folder (lawgov-gen publish): the index of its published reports as a web
page (site.html, styled by public.css) and as JSON for other programs, in the order given."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote

from lawgov_gen.content.disclosure import Disclosure
from lawgov_gen.render.html import template_environment
from lawgov_gen.render.public import public_css
from lawgov_gen.render.sandbox import template_error
from lawgov_gen.render.templates import Templates

SITE_TEMPLATE = "site.html"
INDEX_HTML = "index.html"
INDEX_JSON = "index.json"


@dataclass(frozen=True)
class SiteEntry:
    """One published report: its disclosure and the names of its files in the folder."""

    disclosure: Disclosure
    html: str
    pdf: str | None = None

    @property
    def html_href(self) -> str:
        return quote(self.html)

    @property
    def pdf_href(self) -> str | None:
        return quote(self.pdf) if self.pdf else None

    def as_json(self) -> dict[str, object]:
        d = self.disclosure
        return {
            "title": d.title,
            "org": d.org,
            "year": d.year,
            "publisher": d.publisher,
            "index_number": d.index_number,
            "doc_number": d.doc_number,
            "date": d.date_iso,
            "publish_date": d.publish_date_iso,
            "subject": d.subject,
            "html": self.html,
            "pdf": self.pdf,
        }


def index_page(title: str, entries: list[SiteEntry], templates: Templates) -> bytes:
    """index.html: the reports in order, each with its 文号, 成文日期 and links."""
    env = template_environment(templates)
    css = public_css(templates)
    try:
        page = env.get_template(SITE_TEMPLATE).render(title=title, entries=entries, css=css)
    except Exception as exc:  # a user's site.html ran: what it raises is theirs
        raise template_error(exc, str(templates.html_dirs[0] / SITE_TEMPLATE)) from None
    return page.encode("utf-8")


def index_json(title: str, entries: list[SiteEntry]) -> bytes:
    """index.json: the same list for other programs (absent values are null)."""
    data = {"title": title, "reports": [e.as_json() for e in entries]}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
