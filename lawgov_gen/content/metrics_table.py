"""The indicator table: an attachment page listing figures against last year."""

from __future__ import annotations

from dataclasses import dataclass

from lawgov_gen.content.figures import Figure
from lawgov_gen.data.model import ReportData


@dataclass(frozen=True)
class TableRow:
    """One indicator: label, unit, this year, last year, change."""

    label: str
    unit: str
    current: str
    previous: str
    change: str

    @property
    def cells(self) -> tuple[str, ...]:
        """The row's cells in column order."""
        return (self.label, self.unit, self.current, self.previous, self.change)


@dataclass(frozen=True)
class MetricsTable:
    """The attachment page: its marker (附件 / 附件2), title, header and rows."""

    marker: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]


def short_change(figure: Figure) -> str:
    """The change for a table cell: 增长10.2%, 下降5.0%, 持平, 提高2.1个百分点; empty
    without last year's figure (a table leaves a cell empty, never prints "—")."""
    return figure.change_of.cell if figure.has_prev else ""


def table_row(figure: Figure) -> TableRow:
    """A figure as a table row; the unit stands in its own column."""
    previous = figure.approximate(figure.prev_value) if figure.has_prev else ""
    return TableRow(
        figure.label, figure.unit, figure.approximate(figure.value), previous, short_change(figure)
    )


def table_title(data: ReportData) -> str:
    """The attachment's title, also listed in 附件说明."""
    return f"{data.report.short}{data.report.year}年法治政府建设主要指标"


def build_metrics_table(data: ReportData, figures: dict[str, Figure]) -> MetricsTable | None:
    """The table of `report.metrics_table` (true: every metric; a list: those ids, in order)."""
    chosen = data.report.metrics_table
    if chosen is False:
        return None
    ids = list(figures) if chosen is True else [i for i in chosen if i in figures]
    year = data.report.year
    position = len(data.report.attachments) + 1
    return MetricsTable(
        marker="附件" if position == 1 else f"附件{position}",
        title=table_title(data),
        columns=("指标", "单位", f"{year}年", f"{year - 1}年", "增减"),
        rows=tuple(table_row(figures[i]) for i in ids),
    )
