"""Where each check finding stands on the page: the printed paragraph (anchor) it concerns,
and the character in that paragraph when the finding points inside the text.

A finding carries only `file:line:col`. The data's source map gives the key path whose YAML
node holds that position; each printed paragraph knows the key path it came from
(`Block.source`). A finding at a character inside a text is placed on that character by
finding the literal characters typed around it in the printed paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from lawgov_gen.content.context import ReportContext
from lawgov_gen.data.loader import Loaded
from lawgov_gen.data.source_map import KeyPath, Pos, SourceFile, SourceMap
from lawgov_gen.diagnostics import Diagnostic
from lawgov_gen.statute import PARTS

PART_KEYS = frozenset(p.key for p in PARTS)
WINDOW = 8  # characters of context on each side of a finding's character
_EDGE = " \t\u3000\"'"


@dataclass(frozen=True)
class Anchor:
    """One printed stretch of the page, in page order: its text and the key paths it shows."""

    element: str  # "block" or a page element: title, addressee, signature, date, ...
    text: str
    sources: tuple[KeyPath, ...]


@dataclass(frozen=True)
class Spot:
    """Where a finding is shown: an anchor, and a character of its text (None: the whole)."""

    anchor: int
    char: int | None = None


def anchors(ctx: ReportContext, loaded: Loaded) -> list[Anchor]:
    """Every printed stretch a finding can point at, in the order the page prints them."""
    report = loaded.data.report
    out: list[Anchor] = []
    if ctx.doc_number:
        out.append(Anchor("doc_number", ctx.doc_number, (("report", "doc_number"),)))
    for line in ctx.title_lines:
        out.append(Anchor("title", line, (("report", "title"),)))
    if ctx.to_line:
        out.append(Anchor("addressee", ctx.to_line, (("report", "to"),)))
    out += [Anchor("block", b.text, (b.source,)) for b in ctx.blocks]
    out += [Anchor("attachment", a.text, (("report", "attachments"),)) for a in ctx.attachments]
    signer: tuple[KeyPath, ...] = (("report", "signature"),)
    if report.signature is None:
        signer += (("report", "org"),)
    out.append(Anchor("signature", ctx.signature, signer))
    out.append(Anchor("date", ctx.date, (("report", "date"),)))
    if ctx.note:
        out.append(Anchor("note", ctx.note, (("report", "note"),)))
    return out


class Locator:
    """Finds the key path and anchors of findings in one loaded report (indexed once, so a
    report with thousands of findings is placed in well under a second)."""

    def __init__(self, loaded: Loaded, page: list[Anchor]) -> None:
        self.sources: SourceMap = loaded.sources
        self.page = page
        spans: dict[str, list[tuple[int, int, int, KeyPath]]] = {}
        self.files: dict[str, SourceFile] = {}
        for table in (self.sources.positions, self.sources.key_positions):
            for path, pos in table.items():
                # by start; at one start the outer node first (YAML nodes nest or are disjoint)
                spans.setdefault(pos.source.name, []).append((pos.start, -pos.end, len(path), path))
                self.files[pos.source.name] = pos.source
        self.spans = {name: sorted(found) for name, found in spans.items()}
        self.starts = {name: [s[0] for s in found] for name, found in self.spans.items()}
        # anchor indexes by each anchor source, and by every prefix of one (page order)
        self.at_source: dict[KeyPath, list[int]] = {}
        self.under: dict[KeyPath, list[int]] = {}
        for i, anchor in enumerate(page):
            for source in anchor.sources:
                _add(self.at_source, source, i)
                for n in range(1, len(source) + 1):
                    _add(self.under, source[:n], i)
        self.quoting: dict[str, list[int]] = {}

    def key_path(self, d: Diagnostic) -> tuple[KeyPath, int] | None:
        """The deepest key path whose YAML node holds the finding's position, and the index."""
        spans = self.spans.get(d.path)
        if not spans:
            return None
        index = self.files[d.path].index_of(d.line, d.col)
        if index is None:
            return None
        # the last node starting at or before the index that still holds it is the deepest
        for k in range(bisect_right(self.starts[d.path], index) - 1, -1, -1):
            start, neg_end, _, path = spans[k]
            if index < -neg_end or start == index:
                return path, index
        return None

    def spots(self, d: Diagnostic) -> list[Spot]:
        """Where a finding shows on the page; empty when it concerns nothing printed."""
        found = self.key_path(d)
        if found is None:
            return []
        path, index = found
        if path[:1] == ("metrics",) and len(path) >= 2:
            return [Spot(i) for i in self._quoting(str(path[1]))]
        covering = sorted(
            {i for n in range(1, len(path) + 1) for i in self.at_source.get(path[:n], ())}
        )
        covered = self._covered(path)
        near = self._nearest(path) if not covering and not covered else []
        pos = self.sources.positions.get(path)
        for group in (covering, covered, near):
            if group and pos is not None:
                spot = self._character(pos, index, group)
                if spot is not None:
                    return [spot]
        if covering:
            return [Spot(i) for i in covering]
        return [Spot(covered[0])] if covered else []

    def _covered(self, path: KeyPath) -> list[int]:
        """Anchors printed from inside `path` (an item: its heading first); a whole part:
        its heading. Nothing for the report's metadata as a whole."""
        if len(path) == 1 and path[0] in PART_KEYS:
            path = ("report", "titles", path[0])
        elif len(path) < 2:
            return []
        return self.under.get(path, [])

    def _nearest(self, path: KeyPath) -> list[int]:
        """Anchors sharing the longest key-path prefix (at least part and item) with `path`."""
        for n in range(len(path) - 1, 1, -1):
            if path[:n] in self.under:
                return self.under[path[:n]]
        return []

    def _quoting(self, metric: str) -> list[int]:
        """The anchors whose typed text quotes `{{ m.ID }}`."""
        if metric in self.quoting:
            return self.quoting[metric]
        quote = re.compile(r"\bm\s*\.\s*" + re.escape(metric) + r"(?![\w])")
        out = []
        for i, a in enumerate(self.page):
            for s in a.sources:
                pos = self.sources.positions.get(s)
                if pos is not None and quote.search(pos.source.text, pos.start, pos.end):
                    out.append(i)
                    break
        self.quoting[metric] = out
        return out

    def _character(self, pos: Pos, index: int, group: list[int]) -> Spot | None:
        """The finding's character in one of the anchors: its typed neighbours found in the
        printed text, the same occurrence as in the typed text."""
        window = _window(pos.source.text, pos.start, pos.end, index)
        if window is None:
            return None
        raw, left, right = pos.source.text, window[0], window[1]
        texts = [self.page[i].text for i in group]
        while right - left >= 1:
            needle = raw[left:right]
            before = _count(raw, needle, pos.start, left + len(needle) - 1)
            hits = list(_hits(texts, needle))
            if hits:
                k, at = hits[min(before, len(hits) - 1)]
                return Spot(group[k], at + index - left)
            if right - left == 1:
                return None
            # drop one character from the side that has more of them
            if index - left >= right - 1 - index:
                left += 1
            else:
                right -= 1
        return None


def _add(index: dict[KeyPath, list[int]], key: KeyPath, i: int) -> None:
    found = index.setdefault(key, [])
    if not found or found[-1] != i:
        found.append(i)


def _window(raw: str, start: int, end: int, index: int) -> tuple[int, int] | None:
    """The typed characters around `index` on its line, outside any `{{ … }}`: [left, right)."""
    if not start < index < end or raw[index] in " \t\r\n\u3000":
        return None
    line_start = max(start, raw.rfind("\n", 0, index) + 1)
    line_end = raw.find("\n", index)
    line_end = end if line_end < 0 else min(end, line_end)
    opened = raw.rfind("{{", line_start, index + 1)
    if opened >= 0 and raw.find("}}", opened, index + 1) < 0:
        return None  # inside an expression: printed as something else
    left, right = max(line_start, index - WINDOW), min(line_end, index + WINDOW + 1)
    closed = raw.rfind("}}", left, index)
    if closed >= 0:
        left = closed + 2
    opening = raw.find("{{", index + 1, right)
    if opening >= 0:
        right = opening
    while left < index and raw[left] in _EDGE:
        left += 1
    while right > index + 1 and raw[right - 1] in _EDGE:
        right -= 1
    return left, right


def _count(text: str, needle: str, start: int, end: int) -> int:
    n, at = 0, text.find(needle, start, end)
    while at >= 0:
        n += 1
        at = text.find(needle, at + 1, end)
    return n


def _hits(texts: Iterable[str], needle: str) -> Iterable[tuple[int, int]]:
    for k, text in enumerate(texts):
        at = text.find(needle)
        while at >= 0:
            yield k, at
            at = text.find(needle, at + 1)
