"""Options and arguments shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from lawgov_gen.cli.chinese import DescribedArgument

if TYPE_CHECKING:
    from lawgov_gen.render.files import RenderOptions

F = TypeVar("F", bound=Callable[..., Any])

FILES = click.argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path),
    metavar="FILE...",
    cls=DescribedArgument,
    help="数据文件（.yaml/.yml），或文件夹（表示其中所有报告）",
)


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


def output_dir_option(help: str) -> Callable[[F], F]:
    """`-o/--output DIR`: a folder, created when missing."""
    return click.option(
        "-o",
        "--output",
        "out_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=".",
        metavar="目录",
        show_default="当前目录",
        help=help,
    )


PDF_OPTION = click.option("--pdf", is_flag=True, help="同时生成 PDF。")
TEMPLATE_OPTION = click.option(
    "--template",
    type=click.Path(path_type=Path),
    metavar="路径",
    help="自定义模板：.docx 文件（Word），或含 report.docx、report.html、report.css"
    "（公开版：public.html、public.css）的文件夹。",
)
STRICT_OPTION = click.option("--strict", is_flag=True, help="把检查警告也当作错误。")
JOBS_OPTION = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="并行进程数（默认：本进程可用的 CPU 核数）。",
)
# WeasyPrint's names, as PDF_VARIANTS lists them (kept here: the help must not import it)
PDF_VARIANT_OPTION = click.option(
    "--pdf-variant",
    type=click.Choice(["pdf/a-2b", "pdf/a-2u", "pdf/a-3b", "pdf/a-3u"]),
    default=None,
    metavar="pdf/a-2b",
    help="生成存档用的 PDF/A（pdf/a-2b、pdf/a-2u、pdf/a-3b、pdf/a-3u）：字体全部嵌入，"
    "带标题、发文机关、成文日期等元数据。需与 --pdf 一起使用。",
)


def render_options(
    out_dir: Path,
    template: Path | None,
    *,
    docx: bool,
    pdf: bool,
    html: bool,
    variant: str | None,
    strict: bool,
) -> RenderOptions:
    """The outputs asked for, with their templates resolved once before anything renders."""
    from lawgov_gen.render.files import RenderOptions
    from lawgov_gen.render.templates import resolve_templates

    if variant and not pdf:
        raise click.UsageError("--pdf-variant 需要与 --pdf 一起使用")
    templates = resolve_templates(template, docx=docx, pdf=pdf, html=html)
    return RenderOptions(
        out_dir, templates, docx=docx, pdf=pdf, strict=strict, html=html, pdf_variant=variant
    )


# The option that writes each output again.
_AGAIN = {".pdf": "加上 --pdf", ".docx": "去掉 --no-docx", ".html": "加上 --html"}


def stale_note(other: Path) -> str:
    """The note on an earlier output of the same data that this run did not write."""
    return (
        f"注意 {other} 本次没有生成：如果它是以前由这份数据生成的，已与新的数据不一致，"
        f"请一起重新生成（{_AGAIN[other.suffix]}），或删除它"
    )
