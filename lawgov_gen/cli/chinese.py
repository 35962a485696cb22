"""Click in Chinese: help headings, the help option and usage errors."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import Any

import click

_ERRORS: tuple[tuple[str, str], ...] = (
    (r"No such option:? '?([^'\s]+)'?\.?(?: Did you mean '?([^'\s]+?)'?\?)?", "没有选项 {0}"),
    (r"No such command '(.+)'\.", "没有命令“{0}”"),
    (r"Missing argument '(.+)'\.", "缺少参数 {0}"),
    (r"Missing option '(.+)'\.", "缺少选项 {0}"),
    (r"Got unexpected extra arguments? \((.+)\)", "多余的参数：{0}"),
    (r"Option '(.+)' requires an argument\.", "选项 {0} 需要一个值"),
    (
        r"Invalid value for '(.+?)': '(.*)' is not one of (.+)\.",
        "选项 {0} 的值“{1}”无效，可选：{2}",
    ),
    (
        r"Invalid value for '(.+?)': '(.*)' is not a valid integer( range)?\.",
        "{0} 的值“{1}”不是整数",
    ),
    (r"Invalid value for '(.+?)': (.+) is not in the range (.+)\.", "{0} 的值 {1} 超出范围 {2}"),
    (r"Invalid value for '(.+?)': (.+)", "{0} 的值无效：{1}"),
)


def translate(message: str) -> str:
    """Click's English usage messages, in Chinese (unknown ones pass through)."""
    for pattern, template in _ERRORS:
        m = re.fullmatch(pattern, message.strip(), flags=re.S)
        if m:
            text = template.format(*(g or "" for g in m.groups()))
            if pattern.startswith("No such option") and m.group(2):
                text += f"，是否想用 {m.group(2)}？"
            return text
    return message


class _Chinese:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        if isinstance(self, click.Group):
            kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "显示帮助并退出。"
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="用法：")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [r for p in self.get_params(ctx) if (r := p.get_help_record(ctx)) is not None]  # type: ignore[attr-defined]
        rows = [
            (a, b.replace("[default: ", "[默认：").replace("[required]", "[必填]")) for a, b in rows
        ]
        if rows:
            with formatter.section("选项"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            commands = []
            for name in self.list_commands(ctx):
                cmd = self.get_command(ctx, name)
                if cmd is not None and not cmd.hidden:
                    commands.append((name, cmd.get_short_help_str(limit=60)))
            if commands:
                with formatter.section("命令"):
                    formatter.write_dl(commands)


class ChineseCommand(_Chinese, click.Command):
    """A click command whose help and errors are in Chinese."""


class ChineseGroup(_Chinese, click.Group):
    """A click group whose help and errors are in Chinese; errors never show a traceback."""

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **_: Any
    ) -> Any:
        from lawgov_gen.errors import LawgovError

        return run_main(self, args, (LawgovError,))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        return None  # listed by format_options


def run_main(
    cli: click.Command, argv: Sequence[str] | None, expected: tuple[type[Exception], ...]
) -> Any:
    """Run a click command: Chinese usage errors (exit 2), known errors as messages (exit 1)."""
    try:
        result = click.Group.main(
            cli,
            args=list(argv) if argv is not None else None,
            prog_name="lawgov-gen",  # type: ignore[arg-type]
            standalone_mode=False,
        )
        if isinstance(result, int):
            sys.exit(result)
        return result
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.format_message(), err=True)
        sys.exit(2)
    except click.UsageError as exc:
        ctx = exc.ctx
        if ctx is not None:
            click.echo(ctx.get_usage().replace("Usage:", "用法："), err=True)
            click.echo(f"运行“{ctx.command_path} --help”查看帮助。\n", err=True)
        click.echo(f"错误：{translate(exc.format_message())}", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        click.echo(f"错误：{translate(exc.format_message())}", err=True)
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("已中止。", err=True)
        sys.exit(1)
    except expected as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("已中止。", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly, traceback only on request
        if os.environ.get("LAWGOV_DEBUG"):
            raise
        click.echo(
            f"内部错误：{type(exc).__name__}: {exc}\n这是 lawgov-gen 的缺陷，请报告（设置 LAWGOV_DEBUG=1 可显示详细信息）。",
            err=True,
        )
        sys.exit(1)
