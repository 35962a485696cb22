"""The steps every reader ends with: clean each paragraph, drop residue, rejoin split ones."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from lawgov_gen.commands.importer import residue
from lawgov_gen.commands.importer.normalise import clean, join_pieces, normalise
from lawgov_gen.commands.importer.paragraphs import SourceParagraph

JOINED = "合并断开的段落"

FINAL = "。！？；：…!?;:"
CLOSERS = "”’）》」』】〕\"')"
_NUM = "一二三四五六七八九十百零〇"
# A paragraph that opens a new numbered item: 一、 （一） 1. （1） ① 第一部分 附件.
NUMBERED = re.compile(
    rf"^(?:[（(][{_NUM}]+[）)]|[{_NUM}]+[、.．]|[（(]\d{{1,3}}[）)]|\d{{1,3}}[、.．](?!\d)"
    rf"|[①-⑳]|第[{_NUM}]+(?:部分|章|节|条)|附件|附表)"
)

# 青政〔2024〕8号, maybe with 签发人：… after it: a line of its own however it ends.
DOC_NUMBER_LINE = re.compile(
    r"^[\u4e00-\u9fff]{1,10}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d+\s*号"
)


def ends_sentence(text: str) -> bool:
    """True when text ends with sentence-final punctuation (closing quotes allowed after it)."""
    text = text.rstrip().rstrip(CLOSERS)
    return bool(text) and text[-1] in FINAL


def _line_like(p: SourceParagraph) -> bool:
    """A title, heading or signature line: it ends without punctuation on purpose."""
    if p.heading is not None or (p.bold_lead is not None and p.bold_lead == p.text):
        return True
    if DOC_NUMBER_LINE.match(p.text):
        return True
    inner = any(c in p.text for c in "。！？；")
    if (NUMBERED.match(p.text) or p.label) and not inner:
        return True
    return len(p.text) < 40 and not any(c in p.text for c in "，。；、：,")


def can_join(first: SourceParagraph, second: SourceParagraph) -> bool:
    """True when `second` continues the sentence `first` broke off (a page or Enter split)."""
    if ends_sentence(first.text) or _line_like(first):
        return False
    if second.heading is not None or second.label or second.bold_lead:
        return False
    return not NUMBERED.match(second.text)


def _prose(p: SourceParagraph) -> bool:
    """A numbered paragraph written as sentences, not as a heading."""
    return ends_sentence(p.text) or bool(re.search(r"[。！？；][^。！？；]", p.text))


def _label_kind(p: SourceParagraph) -> str | None:
    if p.label:
        return re.sub(r"[^\d（()）、.．]", "一", re.sub(r"\d+", "1", p.label))
    m = NUMBERED.match(p.text)
    return None if m is None else re.sub(r"\d+", "1", re.sub(rf"[{_NUM}]+", "一", m.group(0)))


def join_broken(
    paragraphs: Iterable[SourceParagraph], counts: Counter[str]
) -> list[SourceParagraph]:
    """Rejoin paragraphs split in mid-sentence; the first part keeps its place and lead.

    A numbered line without a final mark is a heading, unless it is a 1. or （1） sub-item and
    every one before it at its level was written as sentences: then a page break cut it in
    two. （一） headings are often alone on their line after run-in siblings, so not those."""
    out: list[SourceParagraph] = []
    prose: dict[str, bool] = {}  # label kind → every such paragraph so far was prose
    for p in paragraphs:
        first = out[-1] if out else None
        kind = None if first is None else _label_kind(first)
        cut = (
            first is not None
            and kind is not None
            and "1" in kind
            and prose.get(kind, False)
            and "，" in first.text
            and first.heading is None
            and first.bold_lead is None
            and not ends_sentence(first.text)
            and not (p.heading is not None or p.label or p.bold_lead or NUMBERED.match(p.text))
        )
        if first is not None and (cut or can_join(first, p)):
            joined = join_pieces(first.text, p.text)
            out[-1] = replace(first, text=joined, bold_runs=first.bold_runs + p.bold_runs)
            counts[JOINED] += 1
            continue
        if first is not None and kind is not None:
            prose[kind] = prose.get(kind, True) and _prose(first)
        own = _label_kind(p)
        if own is not None and "1" not in own:
            prose.clear()  # a new （一） or 一、: its sub-items are judged afresh
        out.append(p)
    return out


def _lead(lead: str | None, text: str) -> str | None:
    if lead is None:
        return None
    lead = normalise(lead, Counter())
    # Width rules look at neighbours, so a lead normalised alone may differ at its edge.
    if lead and text.startswith(lead):
        return lead
    trimmed = lead.rstrip(" ，,")
    return trimmed if trimmed and text.startswith(trimmed) else None


def finish(
    paragraphs: Iterable[SourceParagraph],
    counts: Counter[str],
    *,
    bare_page_numbers: bool = False,
    join: bool = True,
) -> list[SourceParagraph]:
    """Normalise raw paragraphs, drop page numbers and website residue, rejoin split ones."""
    out: list[SourceParagraph] = []
    for p in paragraphs:
        raw = clean(p.text, Counter())
        if not raw:
            continue
        if p.label is None and residue.is_page_number(raw, bare=bare_page_numbers):
            counts[residue.PAGE_NUMBER] += 1
            continue
        if p.label is None and residue.is_residue(raw):
            counts[residue.RESIDUE] += 1
            continue
        text = normalise(p.text, counts)
        if text:
            runs = tuple(r for r in (normalise(b, Counter()) for b in p.bold_runs) if r)
            out.append(replace(p, text=text, bold_lead=_lead(p.bold_lead, text), bold_runs=runs))
    return join_broken(out, counts) if join else out
