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
from lawgov_gen.commands.importer.part_builder import MAX_DEPTH, PartBuilder
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
    if text.endswith(("。", "；", "！", "？")):
        return "", text  # one sentence: a numbered paragraph, not a heading
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
    # what was placed without certainty: the entry (a dict or list of the tree) and what to check
    notes: list[tuple[dict[str, Any] | list[Any], str]] = field(default_factory=list)


def _thematic_place(parts: dict[str, PartBuilder]) -> bool:
    """A heading that names no part goes into part 一 while nothing after part 一 has begun."""
    return not any(key in parts for key in ("problems", "plans", "other"))


def segment(body: list[SourceParagraph]) -> Segmented:
    """Map the body's paragraphs to the intro and the five parts."""
    out = Segmented()
    intro: list[str] = []
    parts: dict[str, PartBuilder] = {}
    current: PartBuilder | None = None
    for p in body:
        labelled = split_label(p)
        if _is_part_heading(p, labelled):
            part = match_part(labelled.text)
            if part is None and _thematic_place(parts):
                current = parts.setdefault("measures", PartBuilder("measures"))
                _thematic(current, p, labelled, out)
                continue
            if part is None:
                part = PART_BY_KEY["other"]
                out.warnings.append(
                    f"{p.where}“{p.text[:30]}”对应不到法定的五个部分，已放入第五部分：请核对"
                )
            current = parts.setdefault(part.key, PartBuilder(part.key))
            current.close()
            out.headings.setdefault(part.key, []).append(p.text)
            continue
        if current is None:
            intro.append(p.text)
            continue
        _read(current, labelled, out, p)
    if intro:
        out.tree["intro"] = "\n\n".join(intro)
    for key in ITEM_PARTS:
        if key in parts:
            out.tree[key] = parts[key].entries
    if "problems" in parts:
        out.tree["problems"] = parts["problems"].finish()
    return out


def _thematic(part: PartBuilder, p: SourceParagraph, labelled: Labelled, out: Segmented) -> None:
    """一、不断完善推进机制，推动整体水平提升 before part 二: an item of part 一, its own
    （一） items one level below it."""
    part.close()
    title, body = _title_and_body(labelled)
    item: dict[str, Any] = {"title": title} if title else {}
    part.add_item("thematic", item)
    out.counts["条目" if title else "段落"] += 1
    out.headings.setdefault("measures", []).append(p.text)
    if not any("第一部分" in note for _, note in out.notes):
        out.notes.append(
            (
                item,
                f"原文标题“{p.text}”没有写明是哪一部分：它在“不足和原因”之前，已作为第一部分"
                "（主要举措和成效）的条目导入，其后同样的标题也是",
            )
        )
    if body:
        _body(part, body, out.counts, p.bold_runs)


def _item(part: PartBuilder, labelled: Labelled, out: Segmented, p: SourceParagraph) -> None:
    kind = labelled.kind or ""
    title, body = _title_and_body(labelled)
    if part.key == "problems" and part.depth(kind) == 1:
        if any(word in title for word in _PROBLEMS.cause_words):
            part.causes = True
        titled = any("title" in e for e in part.problems["shortcomings"])
        if _SECTION_ONLY.match(title) and not (part.causes and titled):
            part.close()
            if body:
                part.add_paragraph(body)
            return
    if part.depth(kind) > MAX_DEPTH:
        # deeper than （1）: its words join the text of the item above
        text = f"{title}{'' if title[-1:] in _END else '。'}{body}" if title else body
        part.add_paragraph(text)
        out.counts["段落"] += 1
        if part.open:
            out.notes.append(
                (
                    part.open[-1],
                    f"原文“{p.text[:20]}…”编号层级深于（1）：已并入上一级条目的文字，请核对",
                )
            )
        return
    item: dict[str, Any] = {"title": title} if title else {}
    out.counts["条目" if title else "段落"] += 1
    part.add_item(kind, item)
    if body:
        _body(part, body, out.counts, p.bold_runs)


def _read(part: PartBuilder, labelled: Labelled, out: Segmented, p: SourceParagraph) -> None:
    counts, runs = out.counts, p.bold_runs
    kind = labelled.kind
    if kind in ("part", "item1", "item2", "item3"):
        _item(part, labelled, out, p)
        return
    if kind == "point":
        _, several = split_points(labelled.text if labelled.lead else "一是" + labelled.text)
        if len(several) > 1 and not labelled.lead:
            _inline_points(part, several, counts, runs)
            return
        counts["要点"] += 1
        part.add_points([_point(labelled, runs)], "block")
        return
    text = labelled.text
    problems = part.key == "problems" and part.problems["shortcomings"] and not part.causes
    if problems and _turn_to_causes(part, text, out):
        return
    _body(part, text, counts, runs)


def _turn_to_causes(part: PartBuilder, text: str, out: Segmented) -> bool:
    """A paragraph of part 二 that turns to the causes, after the shortcomings: 究其原因，一是……;
    经分析，产生以上不足的原因主要有以下几点：(the points that follow are the causes). True
    when the paragraph has been read."""
    opener = _CAUSES_OPENER.match(text)
    if opener:
        part.causes = True
        part.close()
        head, points = split_points(text[opener.end() :])
        if head.strip() or len(points) < 2:
            return False  # 究其原因，主要是……: a cause in its own words, kept whole
        lead_in = text[: opener.end()]
    else:
        head, points = split_points(text)
        lead_in = head if points else text
        cause = any(word in lead_in for word in _PROBLEMS.cause_words)
        if not (cause and lead_in.rstrip().endswith(("：", ":"))):
            return False
        part.causes = True
        part.close()
    # the sentence that opens the causes is what the 原因分析 heading now says
    out.counts["要点"] += len(points)
    part.add_points([{"text": t} for t in points], "inline")
    out.notes.append((part.problems["causes"], _said_by_heading(lead_in)))
    return True


def _said_by_heading(sentence: str) -> str:
    return f"原文“{sentence}”引出原因：原因已导入 problems.causes，这句由标题“原因分析”代替"


def _body(part: PartBuilder, text: str, counts: Counter[str], runs: tuple[str, ...] = ()) -> None:
    head, points = split_points(text)
    if not points:
        part.add_paragraph(text)
        counts["段落"] += 1
        return
    if head.strip():
        part.add_paragraph(head.strip())
        counts["段落"] += 1
    _inline_points(part, points, counts, runs)


def _inline_points(
    part: PartBuilder, points: list[str], counts: Counter[str], runs: tuple[str, ...]
) -> None:
    """一是……。二是……。 in one paragraph; in part 二, a cause sentence after the last point
    (原因主要是……) starts the causes."""
    cause = _trailing_cause(points[-1]) if part.key == "problems" and not part.causes else None
    if cause is not None:
        points[-1] = points[-1][: -len(cause)]
    counts["要点"] += len(points)
    part.add_points([_with_lead(t, runs) for t in points], "inline")
    if cause is not None:
        # 一是……。二是……。原因主要是……: the last sentence is the cause, not part of 二是
        part.causes = True
        part.close()
        part.add_paragraph(cause)
        counts["段落"] += 1


def _trailing_cause(text: str) -> str | None:
    """The sentences at the end of a point that give the cause (原因主要是……), if any."""
    for m in re.finditer(r"(?<=[。！？；])", text):
        rest = text[m.end() :]
        opener = _CAUSES_OPENER.match(rest)
        if rest and opener and opener.end() > 0:
            return rest
    return None
