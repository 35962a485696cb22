"""Command line: parses arguments and calls the core; every help text is in Chinese."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from lawgov_gen import __version__
from lawgov_gen.cli.chinese import ChineseCommand, ChineseGroup
from lawgov_gen.diagnostics import Diagnostic

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
FILES = click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="FILE..."
)


F = TypeVar("F", bound=Callable[..., Any])


def format_option(choices: list[str], help: str) -> Callable[[F], F]:
    """`--format` with the first choice as default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help,
    )


def _emit(findings: list[Diagnostic]) -> None:
    for d in findings:
        click.echo(d.format(), err=True)


@click.group(cls=ChineseGroup, context_settings=CONTEXT)
@click.version_option(
    __version__,
    "-V",
    "--version",
    prog_name="lawgov-gen",
    message="%(prog)s %(version)s",
    help="显示版本并退出。",
)
def cli() -> None:
    """从 YAML 数据生成法治政府建设年度报告（Word 与 PDF，符合 GB/T 9704-2012）。

    \b
    示例：
      lawgov-gen init 青禾镇.yaml --org 示例县青禾镇人民政府 --short 青禾镇 --year 2024
      lawgov-gen check 青禾镇.yaml
      lawgov-gen render 青禾镇.yaml --pdf -o 输出
    """


@cli.command(cls=ChineseCommand)
@FILES
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=".",
    metavar="目录",
    show_default="当前目录",
    help="输出文件夹（不存在时自动创建）。",
)
@click.option("--pdf", is_flag=True, help="同时生成 PDF。")
@click.option("--no-docx", is_flag=True, help="不生成 Word 文件。")
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    metavar="路径",
    help="自定义模板：.docx 文件（Word）或 HTML/CSS 模板文件夹（PDF）。",
)
@click.option("--strict", is_flag=True, help="把检查警告也当作错误。")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="并行进程数（默认：CPU 核数）。",
)
def render(
    files: tuple[Path, ...],
    out_dir: Path,
    pdf: bool,
    no_docx: bool,
    template: Path | None,
    strict: bool,
    jobs: int | None,
) -> None:
    """检查并生成报告：每个 FILE 生成 <文件名>.docx，加 --pdf 再生成 <文件名>.pdf。

    FILE 可以是文件夹，表示其中所有 *.yaml。有错误时不生成任何文件，也不会覆盖已有的文件。

    \b
    示例：
      lawgov-gen render 青禾镇.yaml --pdf -o 输出
      lawgov-gen render 各乡镇/ --pdf --jobs 4
    """
    from lawgov_gen.render.batch import render_many
    from lawgov_gen.render.files import RenderOptions, expand_inputs

    if no_docx and not pdf:
        raise click.UsageError("--no-docx 需要与 --pdf 一起使用，否则不会生成任何文件")
    paths = expand_inputs(list(files))
    if not paths:
        raise click.UsageError("没有找到任何 .yaml 文件")
    options = RenderOptions(
        out_dir=out_dir, docx=not no_docx, pdf=pdf, template=template, strict=strict
    )
    failed = False
    for outcome in render_many(
        paths, options, jobs or os.cpu_count() or 1, progress=sys.stderr.isatty()
    ):
        _emit(outcome.findings)
        if outcome.error:
            click.echo(outcome.error, err=True)
        failed = failed or outcome.failed
        for written in outcome.written:
            click.echo(f"已生成 {written}")
    if failed:
        sys.exit(1)


@cli.command(cls=ChineseCommand)
@FILES
@click.option("--strict", is_flag=True, help="有警告也以状态 1 退出。")
@format_option(["text", "json"], "输出格式。")
def check(files: tuple[Path, ...], strict: bool, fmt: str) -> None:
    """检查数据文件：结构、日期期限、数字一致性、标点用字，不生成文件。

    每个问题一行：文件:行:列: 级别 规则 说明。有错误（或 --strict 下有警告）时以状态 1 退出。

    \b
    示例：
      lawgov-gen check 青禾镇.yaml
      lawgov-gen check 各乡镇/ --strict --format json
    """
    from lawgov_gen.render.files import check_file, expand_inputs

    findings: list[Diagnostic] = []
    blocking = False
    paths = expand_inputs(list(files))
    if not paths:
        raise click.UsageError("没有找到任何 .yaml 文件")
    for path in paths:
        checked = check_file(path)
        findings.extend(checked.findings)
        blocking = blocking or bool(checked.blocking(strict))
    if fmt == "json":
        click.echo(json.dumps([d.as_json() for d in findings], ensure_ascii=False, indent=2))
    else:
        for d in findings:
            click.echo(d.format())
    sys.exit(1 if blocking else 0)


@cli.command(cls=ChineseCommand)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--org",
    metavar="名称",
    default="示例县示例镇人民政府",
    show_default=True,
    help="发文机关全称（署名）。",
)
@click.option(
    "--short",
    metavar="简称",
    default=None,
    help="简称，用于标题，如“示例镇”（默认取机关名中的乡镇名）。",
)
@click.option(
    "--year",
    type=click.IntRange(2000, 2100),
    default=None,
    metavar="YYYY",
    help="报告年度（默认：上一年）。",
)
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
def init(file: Path, org: str, short: str | None, year: int | None, force: bool) -> None:
    """新建一份带注释的完整数据文件，可直接检查和生成。

    \b
    示例：
      lawgov-gen init 青禾镇.yaml --org 示例县青禾镇人民政府 --short 青禾镇 --year 2024
    """
    from lawgov_gen.commands.starter import write_starter

    path = write_starter(file, org=org, short=short, year=year, force=force)
    click.echo(f"已创建 {path}，下一步：lawgov-gen check {path}")


@cli.command(cls=ChineseCommand)
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("new", type=click.Path(path_type=Path, dir_okay=False))
@format_option(["table", "csv"], "输出格式：终端表格或 CSV。")
def diff(old: Path, new: Path, fmt: str) -> None:
    """对比两年的数据文件：各项指标并列及增减，各部分新增、删除的条目（供审阅会使用）。

    \b
    示例：
      lawgov-gen diff 2023/青禾镇.yaml 2024/青禾镇.yaml
      lawgov-gen diff 2023/青禾镇.yaml 2024/青禾镇.yaml --format csv > 对比.csv
    """
    from lawgov_gen.commands.diff import diff_reports, format_csv, format_table
    from lawgov_gen.data.loader import load

    result = diff_reports(load(old, with_previous=False), load(new, with_previous=False))
    click.echo(format_csv(result) if fmt == "csv" else format_table(result), nl=fmt != "csv")


@cli.command(cls=ChineseCommand)
def schema() -> None:
    """输出数据文件的 JSON Schema（供编辑器补全和校验）。

    \b
    示例：
      lawgov-gen schema > lawgov-gen.schema.json
      # 在 YAML 第一行写：# yaml-language-server: $schema=lawgov-gen.schema.json
    """
    from lawgov_gen.data.json_schema import schema_json

    click.echo(schema_json())


@cli.command(cls=ChineseCommand)
@click.argument("file", required=False, type=click.Path(path_type=Path))
def fonts(file: Path | None) -> None:
    """显示 PDF 各字体角色使用的字体及文件；给出 FILE 时列出字体缺字及替代字体。

    \b
    示例：
      lawgov-gen fonts
      lawgov-gen fonts 青禾镇.yaml
    """
    from lawgov_gen.commands.fonts_report import fonts_report

    text, ok = fonts_report(file)
    click.echo(text)
    if not ok:
        sys.exit(1)


def main(argv: list[str] | None = None) -> Any:
    """Entry point: run the CLI; a LawgovError becomes its message and exit status 1."""
    return cli.main(argv)
