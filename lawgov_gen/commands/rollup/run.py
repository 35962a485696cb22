"""`lawgov-gen summary INPUT... -o TABLE [--metrics-out SUMS.yaml]`: check every report,
lay out the table, and write the table (and the sums) together."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lawgov_gen.checks.runner import Checked
from lawgov_gen.commands.rollup.table import Summary, build_summary
from lawgov_gen.commands.rollup.writers import metrics_document, to_csv, to_xlsx
from lawgov_gen.data import yaml_writer as yw
from lawgov_gen.data.paths import display_name
from lawgov_gen.errors import LawgovError
from lawgov_gen.output import replace_together

TABLE_SUFFIXES = (".xlsx", ".csv", ".docx")


def table_title(summary: Summary, catalog_name: str | None) -> str:
    """The attachment's title: the catalogue's name, or the year's."""
    if catalog_name:
        return f"{catalog_name}汇总表"
    return f"{summary.year or ''}年法治政府建设主要指标汇总表"


def _is_report(path: Path) -> bool:
    from lawgov_gen.data.validation import parse_file

    if not path.is_file():
        return False
    tree, _ = parse_file(path, [])
    return isinstance(tree, dict) and ("report" in tree or "catalog" in tree)


def check_outputs(table: Path, metrics_out: Path | None, inputs: list[Path]) -> None:
    """The table's kind by its extension; outputs that are folders, inputs, reports or
    catalogues are refused (a mistyped --metrics-out must not replace a township's file)."""
    if table.suffix.lower() not in TABLE_SUFFIXES:
        raise LawgovError(f"汇总表的扩展名应为 {'、'.join(TABLE_SUFFIXES)}", path=table)
    if metrics_out is not None and metrics_out.suffix.lower() not in (".yaml", ".yml"):
        raise LawgovError("--metrics-out 的扩展名应为 .yaml 或 .yml", path=metrics_out)
    named = {p.resolve() for p in inputs}
    for path in (table, metrics_out):
        if path is None:
            continue
        if path.is_dir():
            raise LawgovError("这是一个文件夹：请给出文件名", path=path)
        if path.suffix.lower() in (".yaml", ".yml") and _is_report(path):
            raise LawgovError(
                "这是一份报告或指标目录，不能用汇总结果覆盖它：请换一个文件名", path=path
            )
        if path.resolve() in named:
            raise LawgovError(
                "这是本次要汇总的文件之一（它在给出的文件夹中），不能用汇总结果覆盖它："
                "请换一个文件名，或写到文件夹之外",
                path=path,
            )


def _read_by(checked: Checked) -> list[Path]:
    """Every file a report reads: itself, its includes, previous, catalogue and fonts (for a
    report that did not load, what its own top level names)."""
    if checked.loaded is not None:
        loaded = checked.loaded
        return [checked.path, *loaded.files, *loaded.font_files.values()]
    from lawgov_gen.data.paths import resolve_reference
    from lawgov_gen.data.validation import parse_file

    tree, _ = parse_file(checked.path, []) if checked.path.is_file() else (None, None)
    refs: list[object] = []
    if isinstance(tree, dict):
        includes = tree.get("include")
        refs += includes if isinstance(includes, list) else []
        refs.append(tree.get("previous"))
        report = tree.get("report")
        refs.append(report.get("catalog") if isinstance(report, dict) else None)
    found = [checked.path]
    for ref in refs:
        if isinstance(ref, str):
            target, _why = resolve_reference(ref, checked.path)
            found += [target] if target is not None else []
    return found


def refuse_inputs(outputs: list[Path | None], checked: list[Checked]) -> None:
    """An output that some report reads (an included metrics file, last year's file, a font)
    is refused before anything is written: the sums must not replace a township's figures."""
    readers: dict[Path, Path] = {}
    for one in checked:
        for path in _read_by(one):
            readers.setdefault(path.resolve(), one.path)
    for output in outputs:
        if output is not None and output.resolve() in readers:
            reader = display_name(readers[output.resolve()])
            raise LawgovError(
                f"报告 {reader} 用到这个文件，不能用汇总结果覆盖它：请换一个文件名", path=output
            )


def write_summary(
    paths: list[Path],
    table: Path,
    metrics_out: Path | None = None,
    on_done: Callable[[Checked], None] = lambda _: None,
) -> Summary:
    """Write the table (and the sums) for the reports; both replace their files together."""
    check_outputs(table, metrics_out, paths)
    catalog_name: list[str] = []
    checked_all: list[Checked] = []

    def seen(checked: Checked) -> None:
        checked_all.append(checked)
        if checked.loaded is not None and checked.loaded.catalog is not None and not catalog_name:
            catalog_name.append(checked.loaded.catalog.data.catalog.name)
        on_done(checked)

    summary = build_summary(paths, seen)
    refuse_inputs([table, metrics_out], checked_all)
    suffix = table.suffix.lower()
    if suffix == ".xlsx":
        data = to_xlsx(summary)
    elif suffix == ".csv":
        data = to_csv(summary)
    else:
        from lawgov_gen.commands.rollup.docx_table import to_docx

        data = to_docx(summary, table_title(summary, catalog_name[0] if catalog_name else None))
    outputs = [(table, data)]
    if metrics_out is not None and not any(row.counted for row in summary.rows):
        # the county's report would quote sums of nothing as its figures
        raise LawgovError(
            "没有一份报告计入合计（都无法读取、不是本年度的或与另一份重复），不生成合计指标文件："
            "请先改正各报告的错误",
            path=metrics_out,
        )
    if metrics_out is not None:
        outputs.append((metrics_out, yw.dump(metrics_document(summary)).encode("utf-8")))
    replace_together(outputs)
    return summary
