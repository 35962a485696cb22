"""D4: what a draft made by `init --from` still carries over from last year.

`init NEW --from OLD` keeps last year's text as a draft; a sentence that opens with last
year ("2023年，我镇……"), an attachment named for it, or a 发文字号 not yet written again
would go out as last year's. Comparisons ("比2023年增长") are not flagged: only a year that
opens a sentence, a title or an attachment's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawgov_gen.checks.registry import CheckInput, printed_strings, rule
from lawgov_gen.content.typed_numbers import figures_in
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


@rule(
    "D7",
    "error",
    "由 init --from 生成的下一年草稿中，文字里直接写的数字与上年同一处相同（多半是上年的数字）",
    "改为本年的数字，或定义为指标用 {{ m.指标id }} 引用；确认今年确实不变时在 report.ignore 中写 D7",
)
def carried_figures(inp: CheckInput) -> Iterator[Diagnostic]:
    previous = inp.loaded.previous
    if previous is None or inp.data.report.year != previous.data.report.year + 1:
        return
    last = {t.path: t.value for t in printed_strings(previous.data)}
    year = inp.data.report.year
    for text in inp.prose("text", "lead", "title"):
        old = last.get(text.path)
        if not old:
            continue
        old_numbers = {m.group(0) for m in figures_in(old)}
        for m in figures_in(text.value):
            if m.group(0) in old_numbers:
                yield inp.find(
                    text,
                    m.start(),
                    "D7",
                    f"“{m.group(0)}”与上年同一处的数字相同：草稿中的文字是上年的，请改为{year}年的数字，"
                    "或定义为指标并用 {{ m.指标id }} 引用；确认今年确实不变时在 report.ignore 中写 D7",
                )
