"""The body of an old report as the model's parts: headings mapped to the statutory parts
by what they say (statute.py's words, not their position), items with their nested
levels, 一是 points, and paragraphs with no heading. Every typed label is dropped."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lawgov_gen.commands.importer.labels import Labelled, split_label, split_points
from lawgov_gen.commands.importer.paragraphs import SourceParagraph
from lawgov_gen.statute import ITEM_PARTS, PART_BY_KEY, PARTS, Part

# Part 二's two halves by the statute table's words: S (shortcomings) and C (causes).
_PROBLEMS = PART_BY_KEY["problems"]
_S = "|".join(_PROBLEMS.shortcoming_words)
_C = "|".join(_PROBLEMS.cause_words)
# an item heading of part 二 that only names a half: 存在的问题, 问题和不足, 原因分析
_SECTION_ONLY = re.compile(
    rf"^(存在的?(?:{_S})(?:和(?:{_S}))?|(?:{_S})和(?:{_S})|(?:{_S})和(?:{_C})|(?:{_C})分析"
    rf"|(?:{_S})的?(?:{_C}))$"
)
_END = "。．.：:；;"
# A paragraph of part 二 that turns to the causes: 究其原因，一是……; 产生问题的原因主要有：…
_CAUSES_OPENER = re.compile(
    rf"^(?:究其(?:{_C})|分析(?:{_C})|(?:{_C})分析"
    rf"|(?:产生|存在)(?:以上|上述|这些)?(?:{_S})的?(?:主要)?(?:{_C})(?:主要)?(?:有|是|在于)?"
    rf"|(?:主要)?(?:{_C})(?:主要)?(?:有|是|在于))[，,：:]?"
)


def match_part(text: str) -> Part | None:
    """The statutory part a heading names, by the statute table's words (None: none)."""
    scores = {p.key: sum(word in text for word in p.recognise) for p in PARTS}
    best = max(scores.values())
    if best == 0:
        return None
    # when a heading names several parts, the more specific one decides
    return min((p for p in PARTS if scores[p.key] == best), key=lambda p: p.priority)


def _is_part_heading(p: SourceParagraph, labelled: Labelled) -> bool:
    if len(labelled.text) > 70 or labelled.text.endswith(("。", "；")):
        return False
    if labelled.kind == "part":
        return True
    # a heading style without a typed part label (（一） headings have outline levels too)
    return labelled.kind is None and p.heading is not None and match_part(labelled.text) is not None


def _title_and_body(labelled: Labelled) -> tuple[str, str]:
    """（一）加强组织领导。正文…: the title (no closing mark) and the text after it."""
    text = labelled.text
    if labelled.lead:
        return labelled.lead.rstrip(_END), text[len(labelled.lead) :].strip()
    if len(text) <= 50 and not text.endswith(("。", "；")):
        return text.rstrip(_END), ""
    # a title ends at a sentence mark, not at the point of 12.4 or 3.5万元
    m = re.match(r"^(.{2,60}?)(?:[。：:；;]|(?<!\d)[.．]|[.．](?!\d))", text)
    if m and m.end() < len(text):
        return m.group(1), text[m.end() :].strip()
    if len(text) > 50 or (len(text) > 30 and "，" in text and text.endswith("。")):
        return "", text  # one long sentence: a numbered paragraph, not a heading
    return text.rstrip(_END), ""


def _point(labelled: Labelled, runs: tuple[str, ...] = ()) -> dict[str, Any]:
    if labelled.lead:
        body = labelled.text[len(labelled.lead) :].strip()
        point: dict[str, Any] = {"lead": labelled.lead.rstrip(_END)}
        if body:
            point["text"] = body
        return point
    return _with_lead(labelled.text, runs)


def _with_lead(text: str, runs: tuple[str, ...]) -> dict[str, Any]:
    """A point whose text opens with one of the paragraph's bold stretches (一是**健全机制。**…):
    that stretch is its lead. Only a stretch that ends a phrase with a mark counts."""
    for run in runs:
        lead = re.sub(r"^[一二三四五六七八九十]+是", "", run.strip())
        if lead and lead[-1] in "。：:；;！？" and text.startswith(lead) and len(text) > len(lead):
            return {"lead": lead.rstrip(_END), "text": text[len(lead) :].strip()}
    return {"text": text}


@dataclass
class Segmented:
    """The parts as plain data for the model, the old headings per part, and counts."""

    tree: dict[str, Any] = field(default_factory=dict)
    headings: dict[str, list[str]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)


class _Part:
    """The entries of one part as they are read, with the items still open by level."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.entries: list[dict[str, Any]] = []  # measures, duties, plans, other
        self.open: list[dict[str, Any]] = []  # open items, level 1 first
        self.causes = False  # part 二: reading the causes
        self.problems: dict[str, Any] = {"shortcomings": [], "causes": []}

    def target(self) -> list[dict[str, Any]]:
        if self.key != "problems":
            return self.entries
        entries: list[dict[str, Any]] = self.problems["causes" if self.causes else "shortcomings"]
        return entries

    def add_item(self, level: int, item: dict[str, Any]) -> None:
        level = min(level, len(self.open) + 1)
        del self.open[level - 1 :]
        siblings = self.open[-1].setdefault("items", []) if self.open else self.target()
        siblings.append(item)
        self.open.append(item)

    def add_paragraph(self, text: str) -> None:
        if self.open:
            item = self.open[-1]
            if not item.get("points") and not item.get("items"):
                item["text"] = f"{item['text']}\n\n{text}" if item.get("text") else text
                return
            # text after points or sub-items: an unnumbered paragraph below them
            item.setdefault("items", []).append({"text": text})
            return
        if self.key == "problems":
            entries = self.target()
            if not entries and self.causes:
                entries.append({"text": text})  # the first cause, under a 原因 heading
            elif not entries:
                intro = self.problems.get("intro")
                self.problems["intro"] = f"{intro}\n\n{text}" if intro else text
            else:
                last = entries[-1]
                last["text"] = f"{last['text']}\n\n{text}" if last.get("text") else text
            return
        self.entries.append({"text": text})

    def add_points(self, points: list[dict[str, Any]], style: str) -> None:
        if self.key == "problems" and not self.open:
            self.target().extend(points)
            return
        if not self.open:
            last = self.entries[-1] if self.entries else None
            if last is not None and set(last) <= {"points", "points_style"}:
                holder: dict[str, Any] = last  # the next point of a run of 一是… paragraphs
            else:
                holder = {}
                self.entries.append(holder)
        else:
            holder = self.open[-1]
            if holder.get("items"):
                holder = {}
                self.open[-1]["items"].append(holder)
        holder.setdefault("points", []).extend(points)
        if style == "block":
            holder["points_style"] = "block"


def segment(body: list[SourceParagraph]) -> Segmented:
    """Map the body's paragraphs to the intro and the five parts."""
    out = Segmented()
    intro: list[str] = []
    parts: dict[str, _Part] = {}
    current: _Part | None = None
    for p in body:
        labelled = split_label(p)
        if _is_part_heading(p, labelled):
            part = match_part(labelled.text)
            if part is None:
                part = PART_BY_KEY["other"]
                out.warnings.append(
                    f"{p.where}“{p.text[:30]}”对应不到法定的五个部分，已放入第五部分：请核对"
                )
            current = parts.setdefault(part.key, _Part(part.key))
            current.open = []
            out.headings.setdefault(part.key, []).append(p.text)
            continue
        if current is None:
            intro.append(p.text)
            continue
        _read(current, labelled, out.counts, p.bold_runs)
    if intro:
        out.tree["intro"] = "\n\n".join(intro)
    for key in ITEM_PARTS:
        if key in parts:
            out.tree[key] = parts[key].entries
    if "problems" in parts:
        out.tree["problems"] = {k: v for k, v in parts["problems"].problems.items() if v}
    return out


def _read(part: _Part, labelled: Labelled, counts: Counter[str], runs: tuple[str, ...]) -> None:
    kind = labelled.kind
    if kind in ("item1", "item2", "item3"):
        title, body = _title_and_body(labelled)
        if part.key == "problems" and kind == "item1":
            if any(word in title for word in _PROBLEMS.cause_words):
                part.causes = True
            titled = any("title" in e for e in part.problems["shortcomings"])
            if _SECTION_ONLY.match(title) and not (part.causes and titled):
                part.open = []
                if body:
                    part.add_paragraph(body)
                return
        item: dict[str, Any] = {"title": title} if title else {}
        counts["条目" if title else "段落"] += 1
        part.add_item(int(kind[-1]), item)
        if body:
            _body(part, body, counts, runs)
        return
    if kind == "point":
        _, several = split_points(labelled.text if labelled.lead else "一是" + labelled.text)
        if len(several) > 1 and not labelled.lead:
            counts["要点"] += len(several)
            part.add_points([_with_lead(t, runs) for t in several], "inline")
            return
        counts["要点"] += 1
        part.add_points([_point(labelled, runs)], "block")
        return
    text = labelled.text
    opener = _CAUSES_OPENER.match(text) if part.key == "problems" and kind is None else None
    if opener and part.problems["shortcomings"]:
        part.causes, part.open = True, []
        head, points = split_points(text[opener.end() :])
        if not head and len(points) > 1:
            # 究其原因，一是……二是……: the opener is what the 原因分析 heading now says
            counts["要点"] += len(points)
            part.add_points([{"text": t} for t in points], "inline")
            return
    _body(part, text, counts, runs)


def _body(part: _Part, text: str, counts: Counter[str], runs: tuple[str, ...] = ()) -> None:
    head, points = split_points(text)
    if not points:
        part.add_paragraph(text)
        counts["段落"] += 1
        return
    if head.strip():
        part.add_paragraph(head.strip())
        counts["段落"] += 1
    counts["要点"] += len(points)
    part.add_points([_with_lead(t, runs) for t in points], "inline")
