"""PyYAML's parser messages in Chinese, and the invisible cause behind them when there
is one (a full-width space used as indentation, a tab, a half-width comma in {…})."""

from __future__ import annotations

import re

# PyYAML's token names, as they appear in "but found '<block end>'"
_TOKENS = {
    "<block end>": "缩进结束",
    "<block mapping start>": "新的“键: 值”",
    "<block sequence start>": "新的列表项",
    "<block sequence entry>": "列表项“- ”",
    "<scalar>": "文字",
    "<stream end>": "文件结尾",
    "<document start>": "文档开始“---”",
    "<document end>": "文档结束“...”",
    "<flow mapping start>": "“{”",
    "<flow mapping end>": "“}”",
    "<flow sequence start>": "“[”",
    "<flow sequence end>": "“]”",
    "<flow entry>": "逗号“,”",
    "<key>": "键",
    "<value>": "冒号“:”",
    "<alias>": "别名“*”",
    "<anchor>": "锚点“&”",
    "<tag>": "标签“!”",
    "','": "逗号“,”",
    "':'": "冒号“:”",
    "'-'": "“-”",
    "'?'": "新的“键: 值”",
}

_FIXED = {
    "mapping values are not allowed here": "此处不能出现“键: 值”（检查上一行的缩进，或给含冒号的文字加引号）",
    "could not find expected ':'": "缺少冒号“:”（键和值之间要有“: ”）",
    "did not find expected key": "缩进不一致，找不到下一个键",
    "did not find expected '-' indicator": "列表项缩进不一致，找不到“- ”",
    "did not find expected node content": "这里缺少内容（多了逗号、冒号或“- ”？）",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合？）",
    "found unexpected document separator": "文字中出现了文档分隔符“---”或“...”：请给这段文字加引号",
    "but found another document": "文件中有第二个文档（“---”之后又有内容）：一个数据文件只能有一个文档",
    "expected a single document in the stream": "文件中有多个文档（“---”分隔）：一个数据文件只能有一个文档",
    "mapping keys are not allowed here": "此处不能出现键（检查缩进）",
    "sequence entries are not allowed here": "此处不能出现列表项“- ”（检查缩进）",
    "found duplicate anchor": "锚点（&名称）重复",
    "found character that cannot start any token": "这里的字符不能开始一个值：请给文字加引号",
    "invalid indentation or unclosed '[' or '{'": "缩进不对，或方括号、花括号没有闭合",
    "found a tab character that violates indentation": "这里用了 Tab 缩进：请改用空格",
    "found a tab character where an indentation space is expected": "这里用了 Tab 缩进：请改用空格",
    "control characters are not allowed": "含有控制字符：请删除",
}

PATTERNS: tuple[tuple[str, str], ...] = (
    (r"found character '\\t' that cannot start any token", "不能用 Tab 缩进，请改用空格"),
    (
        r"found character '(.+)' that cannot start any token",
        "字符{0}不能开始一个值：请给这段文字加引号",
    ),
    (r"found undefined alias '?(.*?)'?", "引用了未定义的锚点{0}（&名称）"),
    (
        r"found unknown escape character '?(.*?)'?",
        "双引号字符串中有未知的转义符（反斜杠后跟{0}）：请去掉反斜杠，或改用单引号",
    ),
    (r"expected ',' or '\]', but got '?(.*?)'?", "方括号列表没有闭合：缺少“]”或逗号"),
    (r"expected ',' or '\}', but got '?(.*?)'?", "花括号映射没有闭合：缺少“}}”或逗号"),
    (r"expected the node content, but found '?(.*?)'?", "这里缺少内容，却遇到了{0}"),
    (r"expected <block end>, but found '?(.*?)'?", "缩进不一致，这里不该出现{0}"),
    (r"expected '<document start>', but found '?(.*?)'?", "文件结构不对：这里不该出现{0}"),
    (r"expected a comment or a line break, but found '?(.*?)'?", "这里只能是注释或换行，却有{0}"),
    (
        r"expected escape sequence of \d+ hexadecimal numbers, but found '?(.*?)'?",
        "\\u 或 \\x 转义后面要跟十六进制数字",
    ),
    (
        r"expected alphabetic or numeric character, but found '?(.*?)'?",
        "锚点或别名的名称只能由字母和数字组成",
    ),
    (
        r"expected chomping or indentation indicators, but found '?(.*?)'?",
        "“|”或“>”后面只能跟“-”“+”或数字",
    ),
    (
        r"expected indentation indicator in the range 1-9, but found 0",
        "“|”或“>”后面的缩进数字应为 1–9",
    ),
    (r".*found unexpected ':'.*", "多余的冒号：含冒号的文字请加引号"),
    (r"found undefined tag handle '?(.*?)'?", "未定义的标签{0}"),
    (r"expected (.+), but found '?(.*?)'?", "这里应为{0}，却遇到了{1}"),
)


def _token(text: str) -> str:
    text = text.strip()
    if text in _TOKENS:
        return _TOKENS[text]
    if f"'{text}'" in _TOKENS:
        return _TOKENS[f"'{text}'"]
    return f"“{text.strip(chr(39))}”"


def translate_problem(problem: str, context: str = "") -> str:
    """One PyYAML problem (with its context) in Chinese; never the English text."""
    problem = problem.strip()
    if problem in _FIXED:
        return _FIXED[problem]
    for pattern, template in PATTERNS:
        m = re.fullmatch(pattern, problem, flags=re.S)
        if m:
            return template.format(*(_token(g) if g else "" for g in m.groups()))
    if context:
        return translate_problem(context)
    return "无法解析（请检查缩进、冒号和引号）"


def hint_for_line(text: str, index: int) -> str:
    """The invisible cause near an error position, as a sentence to append ("" if none)."""
    start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    prev_start = (
        max(text.rfind("\n", 0, max(start - 1, 0)), text.rfind("\r", 0, max(start - 1, 0))) + 1
    )
    end_candidates = [i for i in (text.find("\n", index), text.find("\r", index)) if i >= 0]
    end = min(end_candidates) if end_candidates else len(text)
    lines = [text[start:end], text[prev_start : max(start - 1, prev_start)]]
    for line in lines:
        indent = re.match(r"[ \t\u3000]*", line)
        lead = indent.group(0) if indent else ""
        if "\u3000" in lead:
            return "。原因：这一行用全角空格（U+3000）缩进了，YAML 只认半角空格：请把行首的全角空格改成半角空格"
        if "\t" in lead:
            return "。原因：这一行用 Tab 缩进了：请改用空格"
    line = text[start:end]
    for m in re.finditer(r"\{[^{}]*\}", line):
        inner = m.group(0)
        if re.search(r"[\u4e00-\u9fff],[\u4e00-\u9fff]", inner):
            return "。原因：花括号 {…} 中的半角逗号“,”把文字分成了两项：请改为全角逗号“，”，或给文字加引号"
    if re.search(r"[\u4e00-\u9fff]:\S", line):
        return "。原因：半角冒号“:”后面没有空格，被当成了文字的一部分：键后请写“: ”，文字中的冒号请用全角“：”"
    return ""
