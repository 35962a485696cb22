"""D4: what a draft made by `init --from` still carries over from last year.

`init NEW --from OLD` keeps last year's text as a draft; a sentence that opens with last
year ("2023年，我镇……"), an attachment named for it, or a 发文字号 not yet written again
would go out as last year's. Comparisons ("比2023年增长") are not flagged: only a year that
opens a sentence, a title or an attachment's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawgov_gen.checks.registry import CheckInput, rule
from lawgov_gen.diagnostics import Diagnostic


@rule(
    "D4",
    "warning",
    "由 init --from 生成的下一年草稿中还留着上年的年份（句首、标题、附件名），或还没有填写发文字号",
    "改写为本年度的内容，填写本年的发文字号",
)
def carried_over(inp: CheckInput) -> Iterator[Diagnostic]:
    previous = inp.loaded.previous
    if previous is None or inp.data.report.year != previous.data.report.year + 1:
        return
    last, year = previous.data.report.year, inp.data.report.year
    opening = re.compile(rf"(?:^|(?<=[。；！？\n]))\s*({last}\s*年)(?!\d)")
    anywhere = re.compile(rf"(?<![\d\-－—~～至])({last}\s*年)")
    for text in inp.prose():
        attachment = text.path[:2] == ("report", "attachments")
        for m in (anywhere if attachment else opening).finditer(text.value):
            yield inp.find(
                text,
                m.start(1),
                "D4",
                f"“{m.group(1)}”是上年的年份：这份草稿是{year}年度的，请改写为本年的内容",
            )
    old_number = previous.data.report.doc_number
    if old_number and not inp.data.report.doc_number:
        yield inp.at(
            ("report",),
            "D4",
            f"还没有填写发文字号（上年为“{old_number}”）：请在 report.doc_number 中填写本年的发文字号",
            key=True,
        )
