"""The roll-up as a spreadsheet (.xlsx), a CSV for Excel, a Word attachment, and the sums as
a metrics file the county's own report includes."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from lawgov_gen.commands.rollup.columns import Column
from lawgov_gen.commands.rollup.table import Cell, Summary
from lawgov_gen.content.figures import number_text, percent_text
from lawgov_gen.content.layout import text_width
from lawgov_gen.data import yaml_writer as yw
from lawgov_gen.output import csv_text

FIXED = ("单位", "成文日期", "状态")
INCOMPLETE = "*"  # after a 合计 that leaves out some report's figure (the note says so)
STATUS_WIDTH = 40  # characters of the .xlsx status column; longer statuses wrap
TOTAL = "合计"


def cell_text(column: Column, cell: Cell | None) -> str:
    """A figure as the table prints it: 130, 500余, 96.2; empty when not given."""
    if cell is None or cell.value is None:
        return ""
    text = percent_text(cell.value) if column.kind == "rate" else number_text(cell.value)
    return text + ("余" if cell.approx else "")


def table_rows(summary: Summary) -> list[list[str]]:
    """The table as text: the heading row, one row per report, the 合计 row."""
    rows = [[*FIXED, *(c.heading for c in summary.columns)]]
    for row in summary.rows:
        rows.append(
            [
                row.name,
                row.date,
                row.status,
                *(cell_text(c, row.cells.get(c.key)) for c in summary.columns),
            ]
        )
    rows.append(
        [
            TOTAL,
            "",
            summary.total_note,
            *(total_text(summary, c) for c in summary.columns),
        ]
    )
    return rows


def total_text(summary: Summary, column: Column) -> str:
    """A 合计 cell: its figure, marked * when it leaves out some report's figure."""
    text = cell_text(column, summary.total.get(column.key))
    return text + INCOMPLETE if text and summary.left_of(column) else text


def left_words(left: list[tuple[str, str]]) -> str:
    """The reports a 合计 leaves out, as its note says them: 乙镇（没有填写）、…"""
    return "、".join(f"{report}（{why}）" for report, why in left)


def to_csv(summary: Summary) -> bytes:
    """The table as CSV (UTF-8 with BOM, formula-like cells escaped)."""
    return csv_text(table_rows(summary)).encode("utf-8")


def _number(column: Column, cell: Cell | None, incomplete: bool = False) -> tuple[Any, str]:
    if cell is None or cell.value is None:
        return None, "General"
    value: Decimal = cell.value
    if column.kind == "rate":  # as the CSV and the report print it: 96.2, 100
        rounded = round(value, 1)
        whole_rate = rounded == rounded.to_integral_value()
        fmt = ("0" if whole_rate else "0.0") + (f'"{INCOMPLETE}"' if incomplete else "")
        return (int(rounded) if whole_rate else float(rounded)), fmt
    whole = value == value.to_integral_value()
    fmt = "0" if whole else "0.0#"
    if cell.approx:
        fmt += '"余"'
    if incomplete:
        fmt += f'"{INCOMPLETE}"'
    return (int(value) if whole else float(value)), fmt


def to_xlsx(summary: Summary) -> bytes:
    """The table as an .xlsx: number cells, frozen header, widths for Chinese, a findings sheet."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "汇总"
    text_rows = table_rows(summary)
    sheet.append(text_rows[0])
    for row in summary.rows:
        date = dt.date.fromisoformat(row.date) if row.date else None
        values: list[Any] = [row.name, date, row.status]
        sheet.append(values + [None] * len(summary.columns))
        sheet.cell(row=sheet.max_row, column=2).number_format = "yyyy-mm-dd"
        sheet.cell(row=sheet.max_row, column=3).alignment = Alignment(wrap_text=True)
        for i, column in enumerate(summary.columns):
            value, fmt = _number(column, row.cells.get(column.key))
            target = sheet.cell(row=sheet.max_row, column=len(FIXED) + i + 1, value=value)
            target.number_format = fmt
    sheet.append([TOTAL, None, summary.total_note or None] + [None] * len(summary.columns))
    for i, column in enumerate(summary.columns):
        left = summary.left_of(column)
        value, fmt = _number(column, summary.total.get(column.key), bool(left))
        target = sheet.cell(row=sheet.max_row, column=len(FIXED) + i + 1, value=value)
        target.number_format = fmt
        target.font = Font(bold=True)
        if left and value is not None:
            target.comment = Comment(f"合计不全，不含：{left_words(left)}", "lawgov-gen")
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    sheet.cell(row=sheet.max_row, column=3).alignment = Alignment(wrap_text=True)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = "B2"
    for i in range(len(text_rows[0])):
        widest = max(text_width(r[i]) for r in text_rows)
        cap = STATUS_WIDTH if i == len(FIXED) - 1 else 60  # the status wraps
        sheet.column_dimensions[get_column_letter(i + 1)].width = min(cap, max(6.0, widest * 2 + 2))
    issues = book.create_sheet("问题")
    issues.append(["文件", "行", "列", "级别", "规则", "说明"])
    for d in summary.findings:
        issues.append(
            [
                d.path,
                d.line,
                d.col,
                {"error": "错误", "warning": "警告", "info": "提示"}[d.level],
                d.rule,
                d.message,
            ]
        )
    issues.freeze_panes = "A2"
    for letter, width in zip("ABCDEF", (30, 6, 6, 6, 8, 100), strict=True):
        issues.column_dimensions[letter].width = width
    for ws in (sheet, issues):
        for row_cells in ws.iter_rows():
            for cell in row_cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text, never a formula (a name may start with =)
    out = io.BytesIO()
    book.save(out)
    return _reproducible_xlsx(out.getvalue())


def _reproducible_xlsx(data: bytes) -> bytes:
    """openpyxl stamps the current time in docProps/core.xml and the zip: pin both."""
    import re

    from lawgov_gen.render.docx_zip import normalize_docx

    def pin(xml: str) -> str:
        return re.sub(
            r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", r"\g<1>2000-01-01T00:00:00Z\2", xml
        )

    return normalize_docx(data, (2000, 1, 1, 0, 0, 0), rewrite={"docProps/core.xml": pin})


def metrics_document(summary: Summary) -> yw.Doc:
    """The sums as a metrics file: label, unit, value, approx; rates as `rate:`."""
    metrics = yw.mapping()
    for column in [*summary.operands, *summary.columns]:
        if column.variant is not None:
            continue  # figures in a unit other than the indicator's: not the county's figure
        left = [
            yw.flow([("report", report), ("why", why)]) for report, why in summary.left_of(column)
        ]
        if column.rate is not None:
            if column.key in summary.total and all(x in summary.total for x in column.rate):
                entry_rate: list[tuple[str, Any]] = [
                    ("label", column.label),
                    ("rate", list(column.rate)),
                ]
                metrics[column.id] = yw.flow(entry_rate + ([("left_out", left)] if left else []))
            continue
        cell = summary.total.get(column.key)
        if cell is None or cell.value is None or column.kind != "count":
            continue
        value = cell.value
        entry: list[tuple[str, Any]] = [
            ("label", column.label),
            ("value", int(value) if value == value.to_integral_value() else float(value)),
        ]
        if column.unit:
            entry.append(("unit", column.unit))
        if cell.approx:
            entry.append(("approx", True))
        if column.of and column.of in summary.total:
            entry.append(("of", column.of))
        if column.parts and all(p in summary.total for p in column.parts):
            entry.append(("parts", list(column.parts)))
        if left:  # as data: a report quoting this 合计 is told which reports it leaves out (Q13)
            entry.append(("left_out", left))
        metrics[column.id] = yw.flow(entry)
    doc = yw.mapping([("metrics", metrics)])
    left_out = [c for c in summary.columns if c.rate is not None and c.key not in summary.total]
    if left_out:
        yw.comment_after(
            doc,
            "metrics",
            "未写出的比率："
            + "；".join(
                f"{c.id}（{c.label}）——"
                + (
                    summary.no_total[c.key].split("：", 1)[1] + "，合计算不出如实的比率"
                    if c.key in summary.no_total
                    else "计入合计的报告没有给出它的分子和分母（或分母合计为 0）"
                )
                for c in left_out
            )
            + "。请先补齐各乡镇的数字",
        )
    yw.set_header(
        doc,
        f"由 lawgov-gen summary 汇总的 {sum(r.counted for r in summary.rows)} 份报告的合计数（比率由合计的分子、分母重新计算）。\n"
        + (f"不含：{'、'.join(summary.not_counted)}。\n" if summary.not_counted else "")
        + "县的报告用 include: [本文件] 引用，文字中写 {{ m.指标id }} 即印出全县的数字。请勿手工修改，重新汇总即可。",
    )
    return doc
