"""`render` and `check`: the data files to Word and PDF, and the findings about them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from lawgov_gen.cli.chinese import ChineseCommand
from lawgov_gen.cli.echo import INTERRUPTED, Progress, say
from lawgov_gen.cli.options import (
    FILES,
    JOBS_OPTION,
    PDF_OPTION,
    PDF_VARIANT_OPTION,
    STRICT_OPTION,
    TEMPLATE_OPTION,
    format_option,
    output_dir_option,
    render_options,
    stale_note,
)
from lawgov_gen.diagnostics import Diagnostic


def _inputs(files: tuple[Path, ...]) -> list[Path]:
    from lawgov_gen.cli.inputs import expand_inputs

    paths = expand_inputs(list(files))
    if not paths:
        raise click.UsageError("没有找到任何 .yaml 或 .yml 文件")
    return paths


@click.command(cls=ChineseCommand)
@FILES
@output_dir_option("输出文件夹（不存在时自动创建）。")
@PDF_OPTION
@click.option("--html", is_flag=True, help="同时生成公开版网页 <文件名>.html（含公开目录信息）。")
@click.option("--no-docx", is_flag=True, help="不生成 Word 文件。")
@PDF_VARIANT_OPTION
@TEMPLATE_OPTION
@STRICT_OPTION
@JOBS_OPTION
def render(
    files: tuple[Path, ...],
    out_dir: Path,
    pdf: bool,
    html: bool,
    no_docx: bool,
    pdf_variant: str | None,
    template: Path | None,
    strict: bool,
    jobs: int | None,
) -> int:
    """检查并生成报告：每个 FILE 生成 <文件名>.docx，加 --pdf 再生成 <文件名>.pdf，加 --html 再生成公开版网页 <文件名>.html。

    FILE 可以是文件夹，表示其中所有 *.yaml、*.yml。有错误时不生成该文件，也不会覆盖已有的文件；同一报告的 .docx、.pdf 和 .html 一起更新。

    \b
    示例：
      lawgov-gen render 青禾镇.yaml --pdf -o 输出
      lawgov-gen render 青禾镇.yaml --html --pdf --pdf-variant pdf/a-2b -o 公开
      lawgov-gen render 各乡镇/ --pdf --jobs 4
    """
    from lawgov_gen.cli.inputs import refuse_same_stem
    from lawgov_gen.render.files import Outcome, render_many, usable_cpus

    if no_docx and not (pdf or html):
        raise click.UsageError("--no-docx 需要与 --pdf 或 --html 一起使用，否则不会生成任何文件")
    paths = _inputs(files)
    refuse_same_stem(paths)
    options = render_options(
        out_dir, template, docx=not no_docx, pdf=pdf, html=html, variant=pdf_variant, strict=strict
    )
    progress = Progress(len(paths), "生成中")

    def report(outcome: Outcome) -> None:
        progress.clear()
        for d in outcome.findings:
            say(d.format(), err=True)
        if outcome.error:
            say(outcome.error, err=True)
        for written in outcome.written:
            say(f"已生成 {written}")
        for other in outcome.stale:
            say(stale_note(other), err=True)
        progress.step()

    done: list[Outcome] = []
    progress.start()
    try:
        done = render_many(paths, options, jobs or usable_cpus(), on_done=report)
    except KeyboardInterrupt:
        progress.clear()
        say(
            f"\n已中止：{len(paths)} 个文件中已处理 {progress.done} 个（已生成的文件见上），其余未生成。",
            err=True,
        )
        raise click.exceptions.Exit(INTERRUPTED) from None  # said above: main does not say it again
    progress.clear()
    return 1 if any(o.failed for o in done) else 0


@click.command(cls=ChineseCommand)
@FILES
@click.option("--strict", is_flag=True, help="有警告也以状态 1 退出。")
@format_option(["text", "json", "github"], "输出格式：文本、JSON 或 GitHub Actions 注释。")
@click.option(
    "--dependents",
    is_flag=True,
    help="同时检查用到这些文件的报告（通过 include、previous 或 report.catalog，在当前文件夹及其"
    "子文件夹中查找），如指标目录改了就检查各乡镇的报告。pre-commit 钩子使用。",
)
def check(files: tuple[Path, ...], strict: bool, fmt: str, dependents: bool) -> int:
    """检查数据文件：结构、日期期限、数字一致性、标点用字，不生成文件。

    每个问题一行：文件:行:列: 级别 规则 说明。有错误（或 --strict 下有警告）时以状态 1 退出。
    已安装 PDF 字体时，也检查 PDF 中显示不了的字（P1、P2）。

    \b
    示例：
      lawgov-gen check 青禾镇.yaml
      lawgov-gen check 各乡镇/ --strict --format json
      lawgov-gen check 各乡镇/ --format github
      lawgov-gen check 指标目录.yaml --dependents
    """
    from lawgov_gen.checks.runner import check_file
    from lawgov_gen.cli.inputs import sort_inputs
    from lawgov_gen.data.catalog import check_catalog
    from lawgov_gen.render.glyphs import glyph_gaps

    findings: list[Diagnostic] = []
    blocking = False
    items = list(files)
    if dependents:
        from lawgov_gen.cli.dependents import dependents as users

        given = [f for item in items for f in (sorted(item.iterdir()) if item.is_dir() else [item])]
        items += users(given, Path("."))
    inputs = sort_inputs(items)
    paths = inputs.reports
    if not paths and not inputs.catalogs:
        raise click.UsageError("没有找到任何 .yaml 或 .yml 文件")
    for catalog in inputs.catalogs:
        problems = check_catalog(catalog)
        findings.extend(problems)
        blocking = blocking or bool(problems)
        if fmt == "text":
            for d in problems:
                say(d.format())
    for path in paths:
        checked = check_file(path, glyphs=glyph_gaps)
        findings.extend(checked.findings)
        blocking = blocking or bool(checked.blocking(strict))
        if fmt == "text":
            for d in checked.findings:
                say(d.format())
    if fmt == "json":
        say(json.dumps([d.as_json() for d in findings], ensure_ascii=False, indent=2))
    elif fmt == "github":
        for d in findings:
            say(d.github_annotation())
    elif sys.stdout is not None and sys.stdout.isatty():
        counts = {
            level: sum(1 for d in findings if d.level == level)
            for level in ("error", "warning", "info")
        }
        say(
            f"检查了 {len(paths) + len(inputs.catalogs)} 个文件：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 个提示"
        )
    return 1 if blocking else 0


@click.command(cls=ChineseCommand)
@FILES
@click.option(
    "-o",
    "--output",
    "table",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="TABLE",
    help="汇总表：.xlsx、.csv 或 .docx（按扩展名）。",
)
@click.option(
    "--metrics-out",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="SUMS.yaml",
    help="把合计数写成指标文件，供县的报告用 include 引用。",
)
@click.option("--strict", is_flag=True, help="有报告存在错误时以状态 1 退出。")
def summary(files: tuple[Path, ...], table: Path, metrics_out: Path | None, strict: bool) -> int:
    """汇总各乡镇的报告：每份报告一行（单位、成文日期、状态、各项指标、行政应诉），最后是合计行。

    比率按合计的分子、分母重新计算，不取平均；约数（余）在合计中保留“余”；没有数字的格子留空。
    有错误的报告也占一行并写明错误，但不计入合计（其他年度的报告、同一单位的第二份报告也不计入）；
    表格写出即以状态 0 退出（--strict 时有错误则为 1）。

    \b
    示例：
      lawgov-gen summary 2024/乡镇/ -o 2024/汇总.xlsx --metrics-out 2024/全县合计.yaml
      lawgov-gen summary 2024/乡镇/ -o 汇总.docx
    """
    from lawgov_gen.commands.rollup.run import write_summary

    paths = _inputs(files)
    progress = Progress(len(paths), "汇总中")
    progress.start()
    result = write_summary(paths, table, metrics_out, on_done=lambda _: progress.step())
    progress.clear()
    for note in result.notes:
        say(note.format(), err=True)
    failed = sum(1 for row in result.rows if row.failed)
    say(f"已生成 {table}（{len(result.rows)} 份报告，{failed} 份有错误）")
    if metrics_out is not None:
        say(f"已生成 {metrics_out}")
    return 1 if strict and failed else 0
