"""F rules: punctuation, spacing, leftovers, typed numbering, misuse, bad characters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from lawgov_gen.checks.registry import CheckInput, TextField, rule
from lawgov_gen.content.text_pieces import masked
from lawgov_gen.data.reading import YAML_LINE_BREAKS
from lawgov_gen.diagnostics import Diagnostic

CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_ASCII_PUNCT = re.compile(rf"(?<={CJK})[,:;()!?]|[,:;()!?](?={CJK})")
# Marks that have no single full-width twin: straight quotes alternate, ... is ……
_ASCII_MARKS = re.compile(
    rf"(?<={CJK})(?:\.\.\.+|--+|~|〜)|(?:\.\.\.+|--+|~|〜)(?={CJK})"
    rf"|(?<={CJK})[\"']|[\"'](?={CJK})|<(?={CJK})[^<>\n]*>"
)
_SPACE_DIGIT = re.compile(rf"{CJK}[ \u3000]+\d|\d[ \u3000]+{CJK}")
_LEFTOVERS = (
    (re.compile(r"\*\*"), "Markdown 粗体标记“**”"),
    (re.compile(r"(?m)^\s*#+\s"), "Markdown 标题标记“#”"),
    (re.compile(r"扫一扫"), "网页残留“扫一扫”"),
    (re.compile(r"https?://\S+|www\.\S+"), "网址"),
)
_CN_NUM = "一二三四五六七八九十"
_NUMBERING = re.compile(
    rf"(?m)^\s*(?:[{_CN_NUM}]+、|[（(][{_CN_NUM}]+[）)]|\d+[.．、](?!\d)|[（(]\d+[）)]|[{_CN_NUM}]+是)"
)
_MISUSE = (
    (re.compile(r"截止(目前|到目前|今年|年底|\d)"), "“截止”表示停止，表示“到某时为止”应写“截至”"),
    (
        re.compile(
            r"(更好|更加|不断|进一步|有效|切实|积极|深入|全面|认真|扎实|稳步|大力|持续)的"
            r"(落实|推进|开展|提升|加强|推动|发挥|解决|保障|服务|实施|完成|维护|促进)"
        ),
        "状语后应用“地”，如“更好地落实”",
    ),
)
# C0 and C1 controls (but tab and line feed; NEL is a line break, named by F8), noncharacters
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# Characters that print as nothing but change the text: zero-width, direction marks and
# overrides, word joiner, BOM inside text, line/paragraph separators.
INVISIBLE: dict[str, str] = {
    "\u200b": "零宽空格",
    "\u200c": "零宽非连接符",
    "\u200d": "零宽连接符",
    "\u200e": "从左到右标记",
    "\u200f": "从右到左标记",
    "\u202a": "从左到右嵌入",
    "\u202b": "从右到左嵌入",
    "\u202c": "方向格式结束",
    "\u202d": "从左到右强制",
    "\u202e": "从右到左强制（会让文字倒序显示）",
    "\u2060": "词连接符",
    "\u2066": "从左到右隔离",
    "\u2067": "从右到左隔离",
    "\u2068": "方向隔离",
    "\u2069": "方向隔离结束",
    "\ufeff": "字节顺序标记（BOM）",
    "\u00ad": "软连字符",
    **YAML_LINE_BREAKS,
}
# Default_Ignorable_Code_Point (Unicode DerivedCoreProperties) outside the format characters
# (category Cf): fillers and variation selectors that show nothing either
_IGNORABLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0"
    "\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def is_invisible(ch: str) -> bool:
    """A character that prints as nothing yet changes the text: a format character (Cf),
    a default-ignorable one, or a line or paragraph separator (F8)."""
    return ch in INVISIBLE or unicodedata.category(ch) == "Cf" or bool(_IGNORABLE.match(ch))


def invisible_name(ch: str) -> str:
    """What F8 calls the character: its Chinese name, else its kind and Unicode name."""
    if ch in INVISIBLE:
        return INVISIBLE[ch]
    # the code point is in the message; Unicode's English name would not help a clerk
    return "格式控制字符" if unicodedata.category(ch) == "Cf" else "不显示的字符"


def full_width_for(mark: str, text: str, index: int) -> str:
    """The full-width replacement of a half-width mark next to Chinese."""
    if mark in _FULL:
        return _FULL[mark]
    if mark.startswith("..."):
        return "……"
    if mark.startswith("--"):
        return "——"
    if mark in ("~", "〜"):
        return "至"
    if mark.startswith("<"):
        return "《》"
    # straight quotes: opening and closing alternate through the text
    opening = text[:index].count(mark) % 2 == 0
    if mark == '"':
        return "“" if opening else "”"
    return "‘" if opening else "’"


def half_width_marks(text: str) -> list[tuple[int, str, str]]:
    """Each half-width mark next to Chinese: (index, the mark, its full-width form);
    `{{ … }}` expressions are left alone. The F1 rule and the importer share this."""
    plain = masked(text)
    found = [*_ASCII_PUNCT.finditer(plain), *_ASCII_MARKS.finditer(plain)]
    return [
        (m.start(), m.group(0), full_width_for(m.group(0), plain, m.start()))
        for m in sorted(found, key=lambda m: m.start())
    ]


@rule(
    "F1",
    "warning",
    "中文旁边用了半角标点 , : ; ( ) ! ? \" ' ... -- ~ < >",
    "改为全角标点（消息中给出，如 “” …… —— 至 《》）",
)
def ascii_punctuation(inp: CheckInput) -> Iterator[Diagnostic]:
    for text in inp.prose():
        for index, mark, fix in half_width_marks(text.value):
            shown = "<…>" if mark.startswith("<") else mark
            yield inp.find(text, index, "F1", f"中文中用了半角“{shown}”：应为全角“{fix}”")


@rule("F2", "warning", "汉字与数字之间有空格", "删除空格")
def space_digit(inp: CheckInput) -> Iterator[Diagnostic]:
    for text in inp.prose():
        for m in _SPACE_DIGIT.finditer(text.value):
            yield inp.find(
                text, m.start(), "F2", f"“{m.group(0)}”中汉字与数字之间有空格：请删除空格"
            )


@rule("F3", "error", "网页或 Markdown 残留：**、#、“扫一扫”、网址", "删除残留内容")
def leftovers(inp: CheckInput) -> Iterator[Diagnostic]:
    for text in inp.prose():
        for pattern, what in _LEFTOVERS:
            for m in pattern.finditer(text.value):
                needle = m.group(0).strip()
                index = m.start() + m.group(0).index(needle)
                yield inp.find(
                    text,
                    index,
                    "F3",
                    f"文字中有{what}（“{needle[:30]}”）：这是从网页或 Markdown 复制来的残留，请删除",
                )


@rule("F4", "warning", "书名号《》套用时内层没有用〈〉", "内层改为单书名号〈〉")
def nested_titles(inp: CheckInput) -> Iterator[Diagnostic]:
    for text in inp.prose():
        depth = 0
        for i, ch in enumerate(text.value):
            if ch == "《":
                depth += 1
                if depth == 2:
                    yield inp.find(text, i, "F4", "书名号内又用了《》：内层应改为单书名号〈〉")
            elif ch == "》":
                depth = max(0, depth - 1)


def _numbered_starts(text: TextField) -> list[int]:
    if text.role != "text":
        return [0]
    return [0, *(m.end() for m in re.finditer(r"\n\s*\n", text.value))]


@rule(
    "F5", "error", "标题或文字开头手写了编号（一、（一）1. 一是）", "删除手写编号，编号由程序生成"
)
def typed_numbering(inp: CheckInput) -> Iterator[Diagnostic]:
    for text in inp.prose("title", "text", "lead"):
        if text.path[:1] == ("report",) and text.path[:2] != ("report", "titles"):
            continue
        for start in _numbered_starts(text):
            m = _NUMBERING.match(text.value, start)
            if m:
                typed = m.group(0).strip()
                yield inp.find(
                    text,
                    m.end() - len(typed),
                    "F5",
                    f"开头手写了编号“{typed}”：编号由程序自动生成，请删除，否则会重复",
                )


@rule("F6", "info", "常见误用：截止/截至，状语后的“的/地”", "按消息改正")
def misuse(inp: CheckInput) -> Iterator[Diagnostic]:
    for text in inp.prose():
        for pattern, advice in _MISUSE:
            for m in pattern.finditer(text.value):
                yield inp.find(text, m.start(), "F6", f"“{m.group(0)}”：{advice}")


@rule("F7", "error", "数据中有控制字符（会损坏 Word 文件）", "删除该字符")
def control_characters(inp: CheckInput) -> Iterator[Diagnostic]:
    for text in inp.texts:
        for m in _CONTROL.finditer(text.value):
            yield inp.find(
                text,
                m.start(),
                "F7",
                f"含有控制字符 U+{ord(m.group(0)):04X}（第 {m.start() + 1} 个字符），会损坏 Word 文件：请删除",
            )


@rule(
    "F8",
    "error",
    "文字中有看不见的格式字符（零宽空格、方向控制符等，多从网页复制而来）",
    "删除该字符（它不显示，却会让检索、比对和排版出错）",
)
def invisible_characters(inp: CheckInput) -> Iterator[Diagnostic]:
    for text in inp.texts:
        for i, ch in enumerate(text.value):
            if ch.isascii() or not is_invisible(ch):
                continue
            yield inp.find(
                text,
                i,
                "F8",
                f"这里有一个看不见的字符 U+{ord(ch):04X}（{invisible_name(ch)}），多是从网页复制来的：请删除",
            )
