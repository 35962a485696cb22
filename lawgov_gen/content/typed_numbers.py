"""What counts as a figure in a report's text: one notion for rule Q5 (a number typed in the
text should be a metric) and for `import --metrics` (which makes metrics of the figures and
names those it leaves as text). Numbers that only look like figures are not: years and
dates, document numbers, ordinals, day names ("4·15", "12.4国家宪法日"), hotlines ("12345热
线"), model names ("1+N", "5G"), numbers in quotes, in 《》 titles and in {{ }}."""

from __future__ import annotations

import re

from lawgov_gen.content.text_pieces import masked

_DAY_NAME = (
    r"(?:1[0-2]|0?[1-9])\s*[.·．•]\s*(?:[12]\d|3[01]|0?[1-9])"
    r"(?=\s*[”\"]|\s*[\u4e00-\u9fff]{0,10}?(?:日|节|周|宣传|活动|期间|主题|前后|当天|当日))"
)
_NOT_FIGURES = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"[“\"][\d.·．\s]+[”\"]",  # a quoted number names something: “12.4”
            r"[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d+\s*号",  # 示政〔2025〕5号
            r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}",  # 2025-02-18
            r"\d+\s*(?=[年月日号时])",  # 2024年, 3月5日, 5号, 8时: dates and times
            r"\d{1,2}:\d{2}(?::\d{2})?",  # 9:30
            r"第\s*\d+",  # ordinals: 第3次
            _DAY_NAME,  # 4·15全民国家安全教育日
            r"\d{3,}(?=\s*(?:服务|政务|便民)?(?:热线|专线|平台|电话|信箱|短信))",  # 12345热线
            r"(?<=拨打)\s*\d{3,}",
            r"\d{3,4}-\d{7,8}",  # a telephone number
            r"\d+(?:\s*[+＋]\s*(?:\d+|[A-Za-z]+))+|[A-Za-z]+\s*[+＋]\s*\d+",  # 1+N, 1+3+N
            r"[A-Za-z]+\d+(?:\.\d+)?|\d+[A-Za-z]+",  # 5G, PM2.5, G20
        )
    )
)
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


def without_non_figures(text: str) -> str:
    """The text with {{ }}, 《》 titles and every number that is not a figure blanked out
    (spaces of the same length, so indices still point into the text)."""
    plain = masked(text, titles=True)
    return _NOT_FIGURES.sub(lambda m: " " * len(m.group(0)), plain)


def figures_in(text: str) -> list[re.Match[str]]:
    """The numbers typed in `text` that are figures (matches on the blanked text: their
    start and end are indices into `text`)."""
    return list(_NUMBER.finditer(without_non_figures(text)))
