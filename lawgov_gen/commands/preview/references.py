"""The template files a rendered page references: the addresses its HTML elements load
(src, href, the CSS of style attributes and <style>) and, through each stylesheet it
loads, the url() and @import addresses of the CSS. The preview serves these and nothing else of a template folder,
as WeasyPrint's fetcher is only ever asked for what the templates name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from lawgov_gen.commands.preview.assets import template_asset

_MAX_STYLESHEET = 2_000_000  # bytes read of one stylesheet to find what it references
_HOST = "http://preview.invalid"


def _key(base: str, ref: str) -> str | None:
    """`0/img/seal.png` for `img/seal.png` written in `/t/0/report.css`; None for what
    is not a template file (data:, a fragment, another host, /font/…)."""
    ref = ref.strip()
    if not ref or ref.startswith(("data:", "#")):
        return None
    parts = urlsplit(urljoin(_HOST + base, ref))
    if f"{parts.scheme}://{parts.netloc}" != _HOST or not parts.path.startswith("/t/"):
        return None
    return unquote(parts.path[3:])


def css_references(text: str) -> Iterator[str]:
    """The addresses a stylesheet names: url(…) values and @import targets."""
    import tinycss2

    def walk(nodes: Iterable[Any]) -> Iterator[str]:
        importing = False
        for node in nodes:
            kind = node.type
            if kind in ("whitespace", "comment"):
                continue
            if importing and kind == "string":
                yield node.value
            importing = kind == "at-keyword" and node.lower_value == "import"
            if kind == "url":
                yield node.value
            elif kind == "function" and node.lower_name == "url":
                yield from (arg.value for arg in node.arguments if arg.type == "string")
            elif kind == "function":
                yield from walk(node.arguments)
            elif kind.endswith("block"):
                yield from walk(node.content)

    yield from walk(tinycss2.parse_component_value_list(text, skip_comments=True))


class _Markup(HTMLParser):
    """The addresses the page's elements load: src and href attributes, and the CSS of its
    style attributes and <style> elements (never the report's text, nor a comment)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and name in ("src", "href"):
                self.refs.append(value)
            elif value is not None and name == "style":
                self.refs += css_references(value)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.refs += css_references(data)


def page_references(
    html: str, stylesheets: tuple[str, ...], roots: tuple[Path, ...]
) -> frozenset[str]:
    """Every template file the page loads, as `<folder index>/<name>` (decoded), following
    stylesheets into the files they import."""
    markup = _Markup()
    markup.feed(html)
    markup.close()
    queue = [(ref, "/t/0/") for ref in markup.refs]
    queue += [(address.partition("?")[0], "/t/0/") for address in stylesheets]
    found: set[str] = set()
    while queue:
        ref, base = queue.pop()
        key = _key(base, ref)
        if key is None or key in found:
            continue
        found.add(key)
        asset = template_asset(key, roots) if key.endswith(".css") else None
        if asset is not None:
            with open(asset[0], "rb") as fh:
                text = fh.read(_MAX_STYLESHEET).decode("utf-8", errors="replace")
            queue += [(ref, f"/t/{key}") for ref in css_references(text)]
    return frozenset(found)
