"""Chinese lines in WeasyPrint: kinsoku line breaking and inter-character justification.

Why (WeasyPrint 70, Pango 1.50): WeasyPrint justifies a line only by widening its spaces
(`justify_line`, weasyprint/layout/inline.py), and Chinese has none: a justified line with
half-width digits or letters ("18万元", "96.9%") ends up to several em short of the right
edge, where Word and WPS (`w:jc="both"`) spread the space between the characters. Where a
string cannot break, `overflow-wrap: anywhere` falls back to Pango's character wrapping
(weasyprint/text/line_break.py, step 5), which knows no kinsoku (避头尾).

What, for content in Chinese or Japanese (CSS Text 3 lets `text-justify: auto` and
`line-break: auto` follow the language):
- `split_first_line`: Pango's UAX #14 break opportunities minus those kinsoku forbids
  (GB/T 15834-2011, W3C clreq): no line starts with a `NO_START` mark or ends with a
  `NO_END` one, no ——/…… pair splits. Pango breaks the line (character wrapping with
  `allow_breaks=false` on each forbidden position). A string that cannot break (a long
  number, a Latin word, punctuation glued together) is broken where kinsoku allows, if
  `overflow-wrap` permits, when whole it would overflow the line or stretch a justified
  line by more than `MAX_STRETCH` per gap.
- `justify_line`: CSS Text 3 `text-justify: inter-character`: the free space is spread
  evenly over the gaps between the line's typographic character units, as a larger used
  letter-spacing. Glyphs, their order and the text stay; nothing is added at the end.

How: the two replace WeasyPrint's where its inline layout calls them; other text goes to
the originals. Same signatures and shapes as WeasyPrint's own (`justify_line` and
`add_word_spacing`, `split_first_line` and `first_line_metrics`), to be offered upstream.
WeasyPrint 70 only (pinned in pyproject); `install` refuses another version.
"""

from __future__ import annotations

import contextlib
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lawgov_gen.render.weasy import load_weasyprint

load_weasyprint()  # the quick library search, before WeasyPrint's first import

import weasyprint  # noqa: E402
from weasyprint.formatting_structure import boxes  # noqa: E402
from weasyprint.layout import inline  # noqa: E402
from weasyprint.text.constants import PANGO_WRAP_MODE  # noqa: E402
from weasyprint.text.ffi import FROM_UNITS, ffi, pango  # noqa: E402
from weasyprint.text.line_break import create_layout, get_log_attrs, line_size  # noqa: E402

# 行首禁则 and 行尾禁则: never at the start / at the end of a line
NO_START = frozenset("，。、；：？！）》〉」』】〕〗〙〛｝］”’…‥·・／％‰℃,.;:?!)]}%")
NO_END = frozenset("（《〈「『【〔〖〘〚｛［“‘([{")
PAIRED = frozenset("—…‥")  # written in pairs (——, ……) that never split
MAX_STRETCH = 0.18  # em per gap; text extraction (pdfplumber) reads a 3 pt gap as a space
SUPPORTED = "70."
# characters that may join the one before into a cluster (marks, joiners, selectors)
_JOINERS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0dff\u0e31-\u0e4e\u0eb1-\u0ecd\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d"
    "\u20d0-\u20ff\u302a-\u302f\u3099\u309a\ufe00-\ufe0f\ufe20-\ufe2f"
    "\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\U000e0100-\U000e01ef]"
)
_NOT_FIRST = re.compile("[" + re.escape("".join(sorted(NO_START))) + r"\s]")
_NOT_LAST = re.compile("[" + re.escape("".join(sorted(NO_END))) + "]")
_PAIRS = re.compile("|".join(f"{re.escape(c)}{{2,}}" for c in sorted(PAIRED)))
_DECLARATIONS = """
    PangoAttribute * pango_attr_allow_breaks_new (gboolean allow_breaks);
    PangoAttrList * pango_attr_list_copy (PangoAttrList *list);
    PangoAttrList * pango_attr_list_ref (PangoAttrList *list);
"""
_MASKS: dict[str, int] = {}  # PangoLogAttr's bits, found by `install`
_LOCK = threading.Lock()
_ORIGINAL: dict[str, Any] = {}  # WeasyPrint's functions while ours are in place
_OFF: list[bool] = []


def applies(style: Any) -> bool:
    """Whether the Chinese rules apply: the content language is Chinese or Japanese."""
    return (style["lang"] or "").lower().split("-", 1)[0] in ("zh", "ja")


@dataclass(frozen=True)
class Breaks:
    """A text's break opportunities by position i (a break before text[i]): `normal` the
    tailored UAX #14 ones, `relaxed` all kinsoku allows, `cursor` all cluster boundaries."""

    text: str
    lang: str | None
    normal: list[bool]
    relaxed: list[bool]
    cursor: list[bool]


def find_breaks(text: str, lang: str | None) -> Breaks:
    """The break opportunities of `text` under the Chinese rules."""
    n = len(text)
    # PangoLogAttr is a guint of one-bit fields: read them all at once, not field by field
    flags = memoryview(ffi.buffer(get_log_attrs(text, lang))).cast("I")
    line, cursor_bit = _MASKS["is_line_break"], _MASKS["is_cursor_position"]
    cursor = [bool(v & cursor_bit) for v in flags]
    cursor[0] = cursor[n] = False
    relaxed = cursor[:]
    for match in _NOT_FIRST.finditer(text, 1):
        relaxed[match.start()] = False
    for match in _NOT_LAST.finditer(text):
        relaxed[match.end()] = False
    for match in _PAIRS.finditer(text):  # never inside a pair
        for i in range(match.start() + 1, match.end(), 2):
            relaxed[i] = False
    normal = [r and bool(v & line) for r, v in zip(relaxed, flags, strict=True)]
    return Breaks(text, lang, normal, relaxed, cursor)


_LAST: list[Breaks] = []  # the paragraph whose lines are being broken


def breaks_of(text: str, lang: str | None) -> tuple[Breaks, int]:
    """The breaks of the paragraph that `text` ends (WeasyPrint asks line by line for the
    rest of a text box), and where `text` starts in it."""
    last = _LAST[0] if _LAST else None
    if last is None or last.lang != lang or not last.text.endswith(text):
        last = find_breaks(text, lang)
        _LAST[:] = [last]
    return last, len(last.text) - len(text)


def _allow(layout: Any, allowed: list[bool], breaks: Breaks, span: range, base: Any) -> None:
    """Give `layout` (of breaks.text[span]) the attributes `base` (a list or NULL) plus
    `allow_breaks=false` over each stretch of positions not `allowed`, and character
    wrapping: Pango then breaks at the last allowed position that fits."""
    attrs = pango.pango_attr_list_copy(base) if base != ffi.NULL else pango.pango_attr_list_new()
    text, at, offset = breaks.text, span.start, 0  # offset: UTF-8 offset of text[at]
    i = span.start + 1
    while i < span.stop:
        if allowed[i]:
            i += 1
            continue
        j = i
        while j < span.stop and not allowed[j]:
            j += 1
        attr = pango.pango_attr_allow_breaks_new(False)
        attr.start_index = offset = offset + len(text[at : i - 1].encode())
        attr.end_index = offset = offset + len(text[i - 1 : j].encode())
        pango.pango_attr_list_insert(attrs, attr)
        at = i = j
    pango.pango_layout_set_attributes(layout.layout, attrs)
    pango.pango_attr_list_unref(attrs)
    pango.pango_layout_set_wrap(layout.layout, PANGO_WRAP_MODE["WRAP_CHAR"])


def split_first_line(
    text: str,
    style: Any,
    context: Any,
    max_width: float | None,
    justification_spacing: float,
    is_line_start: bool = True,
    minimum: bool = False,
) -> tuple[Any, ...]:
    """WeasyPrint's `split_first_line` under the Chinese line-breaking rules."""
    if (
        minimum
        or max_width is None
        or max_width == float("inf")
        or style["white_space"] != "normal"
        or "\xad" in text
        or not applies(style)
    ):
        shipped: tuple[Any, ...] = _ORIGINAL["split_first_line"](
            text, style, context, max_width, justification_spacing, is_line_start, minimum
        )
        return shipped
    breaks, start = breaks_of(text, style["lang"])
    size = style["font_size"] or 1
    # enough text for a line, as WeasyPrint's step 1; all of it when all of that fits
    for stop in (min(start + int(max_width / size * 4) + 8, len(breaks.text)), len(breaks.text)):
        span = range(start, stop)
        layout = create_layout(
            text[: stop - start], style, context, max_width, justification_spacing
        )
        base = pango.pango_layout_get_attributes(layout.layout)  # kept for the end
        if base != ffi.NULL:
            base = ffi.gc(pango.pango_attr_list_ref(base), pango.pango_attr_list_unref)
        _allow(layout, breaks.normal, breaks, span, base)
        line, index = layout.get_first_line()
        if index is not None or stop == len(breaks.text):
            break
    width, _ = line_size(line, style)
    if style["overflow_wrap"] in ("anywhere", "break-word") or style["word_break"] == "break-all":
        used = len(text.encode()[: line.length].decode())
        stretch = (max_width - width) / max(used - 1, 1) / size
        justified = index is not None and style["text_align_all"] == "justify"
        if (width > max_width and is_line_start) or (justified and stretch > MAX_STRETCH):
            _allow(layout, breaks.relaxed, breaks, span, base)
            line, index = layout.get_first_line()
            if line_size(line, style)[0] > max_width and is_line_start:
                # kinsoku allows nothing (a row of closing marks): any cluster boundary,
                # rather than run past the margin
                _allow(layout, breaks.cursor, breaks, span, base)
                line, index = layout.get_first_line()
    return _first_line_metrics(layout, text, line.length, index, base, style)


def _first_line_metrics(
    layout: Any, text: str, length: int, resume_index: int | None, base: Any, style: Any
) -> tuple[Any, ...]:
    """WeasyPrint's `first_line_metrics` for the break found: the layout gets its own
    attributes back and the first line's text alone, unwrapped, as WeasyPrint draws it."""
    pango.pango_layout_set_attributes(layout.layout, base)
    pango.pango_layout_set_wrap(layout.layout, PANGO_WRAP_MODE["WRAP_WORD"])
    pango.pango_layout_set_width(layout.layout, -1)
    first = text.encode()[:length].decode()
    layout.set_text(first.rstrip(" ") if resume_index is not None else first)
    line, _ = layout.get_first_line()
    length = line.length
    width, height = line_size(line, style)
    baseline = pango.pango_layout_get_baseline(layout.layout) * FROM_UNITS
    layout.deactivate()
    return layout, length, resume_index, width, height, baseline


def character_units(box: Any) -> int:
    """The typographic character units of `box` (grapheme clusters of its text, an
    atomic inline counting as one) that letter-spacing separates."""
    if isinstance(box, boxes.TextBox):
        return _clusters(box.text, box.style["lang"])
    if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        return sum(character_units(c) for c in box.children if c.is_in_normal_flow())
    return 1


def _clusters(text: str, lang: str | None) -> int:
    if not _JOINERS.search(text):
        return len(text)
    return sum(find_breaks(text, lang).cursor) + (1 if text else 0)


def add_letter_spacing(
    box: Any, letter_spacing: float, spacing: float, x_advance: float, units_left: int
) -> tuple[float, int]:
    """Move `box` by `x_advance`, raise its text's letter-spacing by `letter_spacing` and
    widen each gap after one of its units by `spacing` (what the PDF will show);
    `units_left` counts the line's units from this box on (no gap after the last one).
    Returns the advance and the units left after the box."""
    if isinstance(box, boxes.TextBox):
        box.position_x += x_advance
        units = _clusters(box.text, box.style["lang"])
        gaps = units if units < units_left else units - 1
        units_left -= units
        if units:
            # WeasyPrint lays the text out again from the box's style when it draws it
            style = box.style.copy()
            plain = style["letter_spacing"]
            style["letter_spacing"] = (0 if plain == "normal" else plain) + letter_spacing
            box.style = style
            box.width += gaps * spacing
        return x_advance + gaps * spacing, units_left
    if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        box.position_x += x_advance
        before = x_advance
        children = box.children[::-1] if box.style["direction"] == "rtl" else box.children
        for child in children:
            if child.is_in_normal_flow():
                x_advance, units_left = add_letter_spacing(
                    child, letter_spacing, spacing, x_advance, units_left
                )
        box.width += x_advance - before
        return x_advance, units_left
    box.translate(x_advance, 0)  # an atomic inline: one unit
    units_left -= 1
    return x_advance + (spacing if units_left > 0 else 0), units_left


def justify_line(context: Any, line: Any, extra_width: float) -> None:
    """WeasyPrint's `justify_line`, inter-character for Chinese and Japanese lines.

    WeasyPrint writes each glyph's spacing into the PDF in whole thousandths of the font
    size, cut toward zero: the share per gap is rounded to that step, and the used
    letter-spacing sits half a step beyond it, so that the cut lands on the step."""
    if not applies(line.style):
        _ORIGINAL["justify_line"](context, line, extra_width)
        return
    units = character_units(line)
    if units < 2:
        return
    step = line.style["font_size"] / 1000
    plain = line.style["letter_spacing"]
    plain = 0 if plain == "normal" else plain
    drawn = int(plain / step) * step  # the plain letter-spacing as the PDF shows it
    # the drawn line is longer than the laid-out one by (drawn - plain) per unit
    steps = round((extra_width - units * (drawn - plain)) / (units - 1) / step)
    if steps > 0:
        total = drawn / step + steps
        used = (total + (0.5 if total > 0 else -0.5)) * step
        add_letter_spacing(line, used - plain, steps * step, 0, units)


def install() -> None:
    """Put `split_first_line` and `justify_line` into WeasyPrint's inline layout, once per
    process (not while `shipped_weasyprint()` is in force)."""
    with _LOCK:
        if _ORIGINAL or _OFF:
            return
        if not weasyprint.__version__.startswith(SUPPORTED):
            raise RuntimeError(f"lawgov-gen supports WeasyPrint 70, not {weasyprint.__version__}")
        if not _MASKS:  # once per process: the Pango functions used, PangoLogAttr's bits
            ffi.cdef(_DECLARATIONS)
            for field in ("is_line_break", "is_cursor_position"):
                probe = ffi.new("PangoLogAttr *", {field: 1})
                _MASKS[field] = int.from_bytes(ffi.buffer(probe), sys.byteorder)
        _ORIGINAL.update(split_first_line=inline.split_first_line, justify_line=inline.justify_line)
        inline.split_first_line = split_first_line
        inline.justify_line = justify_line


@contextlib.contextmanager
def shipped_weasyprint() -> Iterator[None]:
    """WeasyPrint's own line breaking and justification meanwhile (to compare with)."""
    with _LOCK:
        _OFF.append(True)
        if _ORIGINAL:
            inline.split_first_line = _ORIGINAL.pop("split_first_line")
            inline.justify_line = _ORIGINAL.pop("justify_line")
    try:
        yield
    finally:
        with _LOCK:
            _OFF.pop()
        install()
