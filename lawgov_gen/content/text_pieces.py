"""A text split into literal stretches and `{{ … }}` expressions, and the text with its
expressions masked: what the renderer, the writing rules and the importer read."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TextIssue:
    """A problem in one text: the rule id, its character index in the text (the start of the
    faulty expression inside its `{{ }}`), the message."""

    rule: str
    index: int
    message: str


@dataclass(frozen=True)
class Piece:
    """A stretch of a text: literal characters, or one `{{ … }}` with its inner source."""

    start: int
    end: int
    expression: str | None  # None: literal text[start:end]


_TITLE = re.compile(r"《[^》]*》")  # a document's or a law's name


def pieces(text: str) -> tuple[list[Piece], TextIssue | None]:
    """Split a text into literal stretches and `{{ … }}` expressions.

    Quotes inside an expression may hold braces (`{{ '{{' }}`). An opening `{{` without
    its `}}` is an issue at that `{{`; the rest stays literal.
    """
    out: list[Piece] = []
    pos = 0
    while True:
        start = text.find("{{", pos)
        if start < 0:
            break
        end = _closing(text, start + 2)
        if end is None:
            if start > pos:
                out.append(Piece(pos, start, None))
            out.append(Piece(start, len(text), None))
            issue = TextIssue(
                "T1",
                inside(text, start),
                "“{{”没有对应的“}}”：写成 {{ m.指标id }}；文字中要写“{{”本身，请写 {{ '{{' }}",
            )
            return out, issue
        if start > pos:
            out.append(Piece(pos, start, None))
        out.append(Piece(start, end + 2, text[start + 2 : end]))
        pos = end + 2
    if pos < len(text):
        out.append(Piece(pos, len(text), None))
    return out, None


def masked(text: str, *, titles: bool = False) -> str:
    """The text with each `{{ … }}` (and with `titles` each 《…》) replaced by spaces of the
    same length, so indices still point into the text: what the writing rules and the
    importer's figure finder read."""
    out = list(text)
    if "{{" in text:
        for piece in pieces(text)[0]:
            if piece.expression is not None:
                out[piece.start : piece.end] = " " * (piece.end - piece.start)
    if titles and "《" in text:
        for m in _TITLE.finditer("".join(out)):
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out)


def inside(text: str, start: int) -> int:
    """The first character of the expression after the `{{` at `start` and its spaces."""
    index = start + 2
    while index < len(text) and text[index] in " \t":
        index += 1
    return min(index, len(text) - 1)


def _closing(text: str, pos: int) -> int | None:
    quote = ""
    i = pos
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif text.startswith("}}", i):
            return i
        i += 1
    return None
