"""Character-level normalisation shared by every reader: punctuation width and spacing.

Only punctuation width, spaces and invisible characters change; the words never do.
Each change is counted under one of the Chinese keys below.
"""

from __future__ import annotations

import re
from collections import Counter

HALF_PUNCT = "半角标点改为全角"
SPACE_DIGIT = "删除汉字与数字间的空格"
SPACE_HAN = "删除汉字间的空格"
SPACE_PERCENT = "删除数字与百分号间的空格"
SPACE_PUNCT = "删除标点旁的空格"
EXTRA_SPACE = "合并连续空格"
INVISIBLE = "删除不可见字符"
INDENT = "删除行首缩进"

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width punctuation that never wants a space beside it.
FW_PUNCT = "，。；：！？、（）《》〈〉“”‘’「」『』【】〔〕…—·"
SENTENCE_PUNCT = "，。；！？、"

_INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")
_ODD_SPACE = re.compile("[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_HALF = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_PROTECTED = re.compile(
    r"(?:https?|ftp)://[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+"
    r"|www\.[A-Za-z0-9.-]+[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_HAN_ONE = re.compile(f"[{HAN}]")
_SPACE_BESIDE_PUNCT = re.compile(f" +(?=[{FW_PUNCT}])|(?<=[{FW_PUNCT}]) +")


def is_han(ch: str) -> bool:
    """True for a Chinese character (CJK unified ideographs and extension A)."""
    return bool(_HAN_ONE.fullmatch(ch))


def is_cjk(ch: str) -> bool:
    """True for a Chinese character or full-width punctuation, the context for width rules."""
    if len(ch) != 1:
        return False
    return is_han(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in FW_PUNCT


def clean(text: str, counts: Counter[str]) -> str:
    """Drop invisible characters, turn odd spaces into plain ones, strip the indentation."""
    text, n = _INVISIBLE.subn("", text)
    if n:
        counts[INVISIBLE] += n
    text = _ODD_SPACE.sub(" ", text).rstrip()
    stripped = text.lstrip(" ")
    if stripped != text and stripped:
        counts[INDENT] += 1
    return stripped


def _protected(text: str) -> list[bool]:
    mask = [False] * len(text)
    for m in _PROTECTED.finditer(text):
        end = m.end()
        # Trailing punctuation ends the sentence, not the address (unless it closes a "(").
        while end > m.start() and text[end - 1] in ",.;:!?)":
            if text[end - 1] == ")" and text.count("(", m.start(), end) >= text.count(
                ")", m.start(), end
            ):
                break
            end -= 1
        for i in range(m.start(), end):
            mask[i] = True
    return mask


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _full_width(text: str, counts: Counter[str]) -> str:
    mask = _protected(text)
    chars = list(text)
    convert: set[int] = set()
    stack: list[int] = []
    lone: list[int] = []
    for i, ch in enumerate(text):
        if mask[i] or ch not in _HALF:
            continue
        before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            if stack:
                start = stack.pop()
                # A pair converts together, so "(1)加强" becomes "（1）加强".
                if (
                    is_cjk(_neighbour(text, start, -1))
                    or is_cjk(after)
                    or _HAN_ONE.search(text, start, i)
                ):
                    convert.update((start, i))
            else:
                lone.append(i)
        elif not (before.isdigit() and after.isdigit()) and (is_cjk(before) or is_cjk(after)):
            # Digits on both sides: a time "8:30" or a thousands separator, left alone.
            convert.add(i)
    for i in stack + lone:
        if is_cjk(_neighbour(text, i, -1)) or is_cjk(_neighbour(text, i, 1)):
            convert.add(i)
    for i in convert:
        chars[i] = _HALF[chars[i]]
    if convert:
        counts[HALF_PUNCT] += len(convert)
    return "".join(chars)


def _sub(pattern: str, text: str, key: str, counts: Counter[str]) -> str:
    text, n = re.subn(pattern, "", text)
    if n:
        counts[key] += n
    return text


def _spaces(text: str, counts: Counter[str]) -> str:
    # In running text any gap between Chinese and digits is an artefact of a PDF-to-text
    # step; in a short line (a signature, a date) only a single space is, wider gaps are layout.
    running = any(c in SENTENCE_PUNCT for c in text)
    gap = " +" if running else " (?! )"
    before = counts[SPACE_DIGIT]
    text = _sub(f"(?<=[{HAN}]){gap}(?=[0-9])", text, SPACE_DIGIT, counts)
    text = _sub(f"(?<=[0-9%]){gap}(?=[{HAN}])", text, SPACE_DIGIT, counts)
    text = _sub("(?<=[0-9]) +(?=[%％‰])", text, SPACE_PERCENT, counts)
    if running or counts[SPACE_DIGIT] > before:
        text = _sub(f"(?<=[{HAN}]){gap}(?=[{HAN}])", text, SPACE_HAN, counts)
    text, n = _SPACE_BESIDE_PUNCT.subn("", text)
    if n:
        counts[SPACE_PUNCT] += n
    text, n = re.subn(" {2,}", " ", text)
    if n:
        counts[EXTRA_SPACE] += n
    return text


def normalise(text: str, counts: Counter[str]) -> str:
    """Clean one paragraph: invisible characters, indentation, punctuation width, spaces."""
    return _spaces(_full_width(clean(text, counts), counts), counts).strip()


def join_pieces(left: str, right: str) -> str:
    """Join two pieces of one line of text: no space, except between two Latin words."""
    latin = left and right and (left[-1] + right[0]).isascii() and (left[-1] + right[0]).isalnum()
    return f"{left} {right}" if latin else left + right
