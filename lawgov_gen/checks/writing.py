"""F rules: punctuation, spacing, leftovers, typed numbering and common misuse."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawgov_gen.checks.registry import CheckInput, TextField, rule
from lawgov_gen.diagnostics import Diagnostic

_CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_ASCII_PUNCT = re.compile(rf"(?<={_CJK})[,:;()!?]|[,:;()!?](?={_CJK})")
_SPACE_DIGIT = re.compile(rf"{_CJK}[ \u3000]+\d|\d[ \u3000]+{_CJK}")
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
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")


def _occurrence(field: TextField, start: int, needle: str) -> int:
    return field.value[:start].count(needle)


@rule("F1", "warning", "中文旁边用了半角标点 , : ; ( ) ! ?", "改为全角标点（消息中给出）")
def ascii_punctuation(inp: CheckInput) -> Iterator[Diagnostic]:
    for field in inp.prose():
        for m in _ASCII_PUNCT.finditer(_mask_templates(field.value)):
            ch = m.group(0)
            yield inp.find(
                field.path,
                ch,
                _occurrence(field, m.start(), ch),
                "F1",
                f"中文中用了半角“{ch}”：应为全角“{_FULL[ch]}”",
            )


@rule("F2", "warning", "汉字与数字之间有空格", "删除空格")
def space_digit(inp: CheckInput) -> Iterator[Diagnostic]:
    for field in inp.prose():
        for m in _SPACE_DIGIT.finditer(field.value):
            snippet = m.group(0)
            yield inp.find(
                field.path,
                snippet,
                _occurrence(field, m.start(), snippet),
                "F2",
                f"“{snippet}”中汉字与数字之间有空格：请删除空格",
            )


@rule("F3", "error", "网页或 Markdown 残留：**、#、“扫一扫”、网址", "删除残留内容")
def leftovers(inp: CheckInput) -> Iterator[Diagnostic]:
    for field in inp.prose():
        for pattern, what in _LEFTOVERS:
            for m in pattern.finditer(field.value):
                needle = m.group(0).strip()
                yield inp.find(
                    field.path,
                    needle,
                    _occurrence(field, m.start(), needle),
                    "F3",
                    f"文字中有{what}（“{needle[:30]}”）：这是从网页或 Markdown 复制来的残留，请删除",
                )


@rule("F4", "warning", "书名号《》套用时内层没有用〈〉", "内层改为单书名号〈〉")
def nested_titles(inp: CheckInput) -> Iterator[Diagnostic]:
    for field in inp.prose():
        depth = 0
        for i, ch in enumerate(field.value):
            if ch == "《":
                depth += 1
                if depth == 2:
                    yield inp.find(
                        field.path,
                        "《",
                        _occurrence(field, i, "《"),
                        "F4",
                        "书名号内又用了《》：内层应改为单书名号〈〉",
                    )
            elif ch == "》":
                depth = max(0, depth - 1)


@rule(
    "F5", "error", "标题或文字开头手写了编号（一、（一）1. 一是）", "删除手写编号，编号由程序生成"
)
def typed_numbering(inp: CheckInput) -> Iterator[Diagnostic]:
    for field in inp.prose("title", "text", "lead"):
        if field.path[:1] == ("report",) and field.path[:2] != ("report", "titles"):
            continue
        starts = (
            [0] + [m.end() for m in re.finditer(r"\n\s*\n", field.value)]
            if field.role == "text"
            else [0]
        )
        for start in starts:
            m = _NUMBERING.match(field.value, start)
            if m:
                typed = m.group(0).strip()
                yield inp.find(
                    field.path,
                    typed,
                    _occurrence(field, m.end() - len(typed), typed),
                    "F5",
                    f"开头手写了编号“{typed}”：编号由程序自动生成，请删除，否则会重复",
                )


@rule("F6", "info", "常见误用：截止/截至，状语后的“的/地”", "按消息改正")
def misuse(inp: CheckInput) -> Iterator[Diagnostic]:
    for field in inp.prose():
        for pattern, advice in _MISUSE:
            for m in pattern.finditer(field.value):
                needle = m.group(0)
                yield inp.find(
                    field.path,
                    needle,
                    _occurrence(field, m.start(), needle),
                    "F6",
                    f"“{needle}”：{advice}",
                )


@rule("F7", "error", "数据中有控制字符（会损坏 Word 文件）", "删除该字符")
def control_characters(inp: CheckInput) -> Iterator[Diagnostic]:
    for field in inp.texts:
        for m in _CONTROL.finditer(field.value):
            yield inp.at(
                field.path,
                "F7",
                f"含有控制字符 U+{ord(m.group(0)):04X}（第 {m.start() + 1} 个字符），会损坏 Word 文件：请删除",
            )


def _mask_templates(text: str) -> str:
    return re.sub(r"\{\{.*?\}\}|\{%.*?%\}", lambda m: " " * len(m.group(0)), text, flags=re.S)
