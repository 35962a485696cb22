"""Numbering labels an old report typed or Word drew: 一、 （一） 1. （1） and 一是.

lawgov-gen numbers everything itself, so an imported text keeps no label; the label only
tells the segmenter what a paragraph is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lawgov_gen.commands.importer.paragraphs import SourceParagraph

Kind = Literal["part", "item1", "item2", "item3", "point"]
_CN = "一二三四五六七八九十百零〇"
_LABELS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"^[{_CN}]+\s*[、.．]\s*")),
    ("item1", re.compile(rf"^[（(]\s*[{_CN}]+\s*[）)]\s*[、.．]?\s*")),
    ("item3", re.compile(r"^[（(]\s*\d+\s*[）)]\s*[、.．]?\s*")),
    ("item2", re.compile(r"^\d+\s*[.．、](?!\d)\s*")),
    ("point", re.compile(rf"^[{_CN}]+是(?=\S)")),
)
# An inline run of points: 一是……。二是……。 (a label right after a sentence's end or a colon)
POINT_START = re.compile(rf"(?:(?<=^)|(?<=[。；：:;！？]))(?=[{_CN}]+是)")


@dataclass(frozen=True)
class Labelled:
    """A paragraph's label kind (None: a plain paragraph) and its text without the label.

    `lead` is a bold run-in lead without its label and closing mark (“加强组织领导”), when
    the paragraph opens with one and has text after it."""

    kind: Kind | None
    text: str
    lead: str | None = None


def kind_of_label(label: str) -> Kind | None:
    """The kind of a label string: （一） → item1, 1. → item2, …"""
    for kind, pattern in _LABELS:
        if pattern.match(label):
            return kind
    return None


def split_label(p: SourceParagraph) -> Labelled:
    """What a paragraph is, by its automatic or typed label; the text without the label."""
    text = p.text.strip()
    kind: Kind | None = kind_of_label(p.label) if p.label else None
    lead = p.bold_lead.strip() if p.bold_lead else None
    if kind is None:
        for candidate, pattern in _LABELS:
            m = pattern.match(text)
            if m:
                kind, text = candidate, text[m.end() :]
                if lead is not None:
                    lead = lead[m.end() :] if lead.startswith(m.group(0)) else lead
                break
    if kind == "point":
        text = re.sub(rf"^[{_CN}]+是", "", text)
        if lead is not None:
            lead = re.sub(rf"^[{_CN}]+是", "", lead)
    if lead is not None and (not lead or lead == text):
        lead = None
    return Labelled(kind, text, lead)


def split_points(text: str) -> tuple[str, list[str]]:
    """Text before 一是 and each point's text (without 一是, 二是…); no points: (text, [])."""
    starts = [m.start() for m in POINT_START.finditer(text)]
    numbers = [re.match(rf"[{_CN}]+是", text[s:]) for s in starts]
    expected = [i + 1 for i in range(len(starts))]
    got = [chinese_to_int(m.group(0)[:-1]) if m else 0 for m in numbers]
    if len(starts) < 2 or got != expected:
        return text, []
    head = text[: starts[0]]
    points = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        body = text[start:end]
        points.append(re.sub(rf"^[{_CN}]+是", "", body))
    return head, points


_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def chinese_to_int(text: str) -> int:
    """一 → 1, 十二 → 12, 二十五 → 25, 一百零一 → 101, 二〇二四 → 2024 (digit by digit); 0 if not."""
    if text and all(c in _DIGIT for c in text) and len(text) > 1 and "十" not in text:
        return int("".join(str(_DIGIT[c]) for c in text))
    total, current = 0, 0
    for c in text:
        if c in _DIGIT:
            current = _DIGIT[c]
        elif c in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[c]
            total += (current or 1) * unit
            current = 0
        else:
            return 0
    return total + current
