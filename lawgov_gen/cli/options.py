"""Options and arguments shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from lawgov_gen.cli.chinese import DescribedArgument

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
