"""Click in Chinese: help headings, the help option, and usage errors from their data
(never click's English sentences)."""

from __future__ import annotations

import difflib
import re
from typing import Any

import click

_VALUE_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"Directory '(.+)' is a file\.", "“{0}”是文件，不是文件夹"),
    (r"File '(.+)' is a directory\.", "“{0}”是文件夹，不是文件"),
    (r"(?:File|Directory|Path) '(.+)' does not exist\.", "“{0}”不存在"),
    (r"(?:File|Directory|Path) '(.+)' is not readable\.", "“{0}”无法读取（没有权限）"),
    (r"(?:File|Directory|Path) '(.+)' is not writable\.", "“{0}”无法写入（没有权限）"),
    (r"'(.*)' is not one of (.+)\.", "“{0}”无效，可选：{1}"),
    (r"'(.*)' is not a valid integer( range)?\.", "“{0}”不是整数"),
    (r"'(.*)' is not a valid float( range)?\.", "“{0}”不是数字"),
    (r"(.+) is not in the range (.+)\.", "“{0}”超出范围：应{1}"),
    (r"'(.*)' is not a valid boolean\.", "“{0}”应为 true 或 false"),
)


def _param_name(param: click.Parameter | None, hint: Any = None) -> str:
    if param is None:
        return str(hint or "参数").replace("'", "")
    if isinstance(param, click.Argument):
        return param.make_metavar(click.Context(click.Command("x")))
    return "/".join(param.opts)


_BOUNDS = {">=": "不小于", ">": "大于", "<=": "不大于", "<": "小于"}
_FLIPPED = {"<=": "不小于", "<": "大于"}  # "1<=x": x is at least 1


def _range_words(description: str) -> str:
    """click's range ("x>=1", "1<=x<=10") in words: 不小于 1, 不小于 1 且不大于 10."""
    m = re.fullmatch(r"(?:(\S+?)(<=|<))?x(?:(>=|>|<=|<)(\S+))?", description.strip())
    if not m:
        return f"在 {description} 之内"
    low, low_op, op, bound = m.groups()
    words = []
    if low is not None:
        words.append(f"{_FLIPPED[low_op]} {low}")
    if op is not None:
        words.append(f"{_BOUNDS[op]} {bound}")
    return "、".join(words)


def _choices(listed: str) -> str:
    """click's "'text', 'json', 'github'" (or "…, or 'github'") as text、json、github."""
    return "、".join(re.findall(r"'([^']*)'", listed)) or listed


def value_message(message: str) -> str:
    """A click parameter-type message in Chinese."""
    for pattern, template in _VALUE_MESSAGES:
        m = re.fullmatch(pattern, message.strip(), flags=re.S)
        if m:
            groups = [g or "" for g in m.groups()]
            if "is not one of" in pattern:
                groups[1] = _choices(groups[1])
            if "is not in the range" in pattern:
                groups[1] = _range_words(groups[1])
            return template.format(*groups)
    return message


def usage_message(exc: click.UsageError) -> str:
    """A usage error in Chinese, built from the exception's data."""
    if isinstance(exc, click.NoSuchOption):
        text = f"没有选项 {exc.option_name}"
        if exc.possibilities:
            text += f"，是否想用 {'、'.join(sorted(exc.possibilities))}？"
        return text
    if isinstance(exc, click.MissingParameter):
        kind = "参数" if isinstance(exc.param, click.Argument) else "选项"
        return f"缺少{kind} {_param_name(exc.param, exc.param_hint)}"
    if isinstance(exc, click.BadParameter):
        kind = "选项 " if isinstance(exc.param, click.Option) else ""
        return f"{kind}{_param_name(exc.param, exc.param_hint)} 的值{value_message(exc.message)}"
    if isinstance(exc, click.BadOptionUsage):
        if "requires an argument" in exc.message:
            return f"选项 {exc.option_name} 需要一个值"
        if "does not take a value" in exc.message:
            return f"选项 {exc.option_name} 不接受值"
        return f"选项 {exc.option_name} 用法不对"
    message = exc.message
    m = re.fullmatch(r"No such command '(.+)'\..*", message, flags=re.S)
    if m:
        name = m.group(1)
        group = exc.ctx.command if exc.ctx is not None else None
        names = group.list_commands(exc.ctx) if isinstance(group, click.Group) and exc.ctx else []
        near = difflib.get_close_matches(name, names, n=1)
        if near:
            return f"没有命令“{name}”，是否想用“{near[0]}”？"
        return f"没有命令“{name}”：运行 lawgov-gen --help 查看可用的命令"
    m = re.fullmatch(r"Got unexpected extra arguments? \((.+)\)", message, flags=re.S)
    if m:
        return f"多余的参数：{m.group(1)}"
    if message == "Missing command.":
        return "缺少命令：运行 lawgov-gen --help 查看可用的命令"
    return message


# click's note on an IntRange option in --help: [x>=1], [1<=x<=65535]
_HELP_RANGE = re.compile(r"\[((?:[^\s\[\]]+<=?x|x[<>]=?)[^\s\[\]]*)\]")


class ChineseFormatter(click.HelpFormatter):
    """Section headings with a full-width colon (选项：), and click's range notes in words."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        def words(text: str) -> str:
            return re.sub(_HELP_RANGE, lambda m: f"[{_range_words(m[1])}]", text)

        super().write_dl([(term, words(text)) for term, text in rows], col_max, col_spacing)


class ChineseContext(click.Context):
    formatter_class = ChineseFormatter


class _Chinese:
    context_class: type[click.Context] = ChineseContext

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
        assert isinstance(self, click.Command)
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="用法：")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        assert isinstance(self, click.Command)
        arguments = [
            (p.make_metavar(ctx), str(getattr(p, "help_text", "")))
            for p in self.get_params(ctx)
            if isinstance(p, click.Argument)
        ]
        if arguments:
            with formatter.section("参数"):
                formatter.write_dl(arguments)
        rows = [
            r
            for p in self.get_params(ctx)
            if not isinstance(p, click.Argument)  # listed under 参数 (click 8.2 lists them too)
            and (r := p.get_help_record(ctx)) is not None
        ]
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
    """A click command whose help is in Chinese."""


class ChineseGroup(_Chinese, click.Group):
    """A click group whose help is in Chinese."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        return None  # listed by format_options


class DescribedArgument(click.Argument):
    """A positional argument with a help text, listed under 参数 in --help."""

    def __init__(self, *args: Any, help: str = "", **kwargs: Any) -> None:
        self.help_text = help
        super().__init__(*args, **kwargs)
