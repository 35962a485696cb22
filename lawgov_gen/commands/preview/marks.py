"""The findings drawn into the report's HTML: each concerned paragraph's text wrapped in
`<lg-a>` (the page script flags its paragraph), each pointed-at character in `<lg-mark>`.

The HTML is the template's own output, so marks are placed by finding each printed text in
it, in page order (the template check guarantees every paragraph is printed as escaped text).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import escape

from lawgov_gen.commands.preview.locate import Anchor, Spot
from lawgov_gen.diagnostics import LEVEL_ORDER, LEVEL_WORDS, Diagnostic


@dataclass
class Marked:
    """The annotated body, and for each finding the page ids it is shown at."""

    body: str
    targets: list[list[str]] = field(default_factory=list)


def anchor_id(i: int) -> str:
    return f"lg-a{i}"


def describe(d: Diagnostic) -> str:
    """A finding in one line, as `check` prints it but with the place last."""
    rule = f"{d.rule} " if d.rule else ""
    return f"{LEVEL_WORDS[d.level]} {rule}{d.message}（{d.path}:{d.line}:{d.col}）"


def worst(findings: Sequence[Diagnostic]) -> str:
    return min((d.level for d in findings), key=lambda level: LEVEL_ORDER[level])


def _find(body: str, text: str, start: int) -> int:
    """Where `text` (escaped) is printed from `start` on: whole element content first."""
    tight = body.find(f">{text}<", start)
    if tight >= 0:
        return tight + 1
    return body.find(text, start)


def _wrap(i: int, text: str, notes: list[tuple[int, int | None]], found: list[Diagnostic]) -> str:
    ds = [found[f] for f, _ in notes]
    rules = " ".join(dict.fromkeys(d.rule or "SCHEMA" for d in ds))
    ids = " ".join(dict.fromkeys(str(f) for f, _ in notes))
    title = "\n".join(dict.fromkeys(describe(d) for d in ds))
    chars: dict[int, list[int]] = {}
    for f, char in notes:
        if char is not None and 0 <= char < len(text):
            chars.setdefault(char, []).append(f)
    pieces, last = [], 0
    for char in sorted(chars):
        fs = chars[char]
        level = worst([found[f] for f in fs])
        tip = "\n".join(describe(found[f]) for f in fs)
        pieces.append(str(escape(text[last:char])))
        pieces.append(
            f'<lg-mark class="lg-{level}" data-f="{" ".join(map(str, fs))}" title="{escape(tip)}">'
            f"{escape(text[char])}</lg-mark>"
        )
        last = char + 1
    pieces.append(str(escape(text[last:])))
    return (
        f'<lg-a id="{anchor_id(i)}" data-level="{worst(ds)}" data-rules="{escape(rules)}" '
        f'data-f="{ids}" title="{escape(title)}">{"".join(pieces)}</lg-a>'
    )


def annotate(
    body: str, page: list[Anchor], spots: list[list[Spot]], found: list[Diagnostic]
) -> Marked:
    """`body` with every finding drawn on the anchors it concerns."""
    notes: dict[int, list[tuple[int, int | None]]] = {}
    for f, where in enumerate(spots):
        for spot in where:
            notes.setdefault(spot.anchor, []).append((f, spot.char))
    out, last, cursor = [], 0, 0
    placed: set[int] = set()
    for i, anchor in enumerate(page):
        text = str(escape(anchor.text))
        at = _find(body, text, cursor)
        if at < 0 or not text:
            continue
        cursor = at + len(text)
        if i in notes:
            out += [body[last:at], _wrap(i, anchor.text, notes[i], found)]
            last = cursor
            placed.add(i)
    out.append(body[last:])
    targets = [[anchor_id(s.anchor) for s in where if s.anchor in placed] for where in spots]
    return Marked("".join(out), [list(dict.fromkeys(t)) for t in targets])
