"""The lawgov-gen command group and the one place that turns exceptions into messages and
exit codes: 0 success, 1 bad input or failed check, 2 wrong usage, 130 Ctrl-C."""

from __future__ import annotations

import atexit
import logging
import os
import sys
import threading
from collections.abc import Sequence
from typing import NoReturn

import click

from lawgov_gen import __version__
from lawgov_gen.cli.chinese import ChineseGroup, usage_message
from lawgov_gen.cli.echo import INTERRUPTED, ClosedStdout, ReaderGone, say
from lawgov_gen.cli.file_commands import diff, fonts, import_command, init, schema
from lawgov_gen.cli.preview_command import preview
from lawgov_gen.cli.publish_command import publish
from lawgov_gen.cli.report_commands import check, render, summary
from lawgov_gen.cli.setup_command import setup
from lawgov_gen.errors import LawgovError, internal_error, os_problem

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


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
      lawgov-gen preview 青禾镇.yaml --open
    """


for _command in (
    render, check, summary, publish, init, import_command, diff, schema, fonts, preview, setup,
):  # fmt: skip
    cli.add_command(_command)


def _usage(exc: click.UsageError) -> int:
    ctx = exc.ctx
    if ctx is not None:
        say(ctx.get_usage(), err=True)
        say(f"运行“{ctx.command_path} --help”查看帮助。\n", err=True)
    say(f"错误：{usage_message(exc)}", err=True)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status; nothing but the status escapes."""
    closed = sys.stdout is None
    if closed:
        sys.stdout = ClosedStdout()
    _quiet_libraries()
    try:
        return _run(argv)
    finally:
        if closed:
            sys.stdout = None  # type: ignore[assignment]


def _quiet_libraries() -> None:
    """Libraries speak through `logging` and `warnings`, in English, and with nobody
    listening logging prints to stderr ("Invalid MediaBox in /Page…"): every line the user
    reads is ours, in Chinese, so their messages go nowhere."""
    root = logging.getLogger()
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())
    logging.captureWarnings(True)


def _run(argv: Sequence[str] | None) -> int:
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="lawgov-gen",
            standalone_mode=False,
        )
        code = result if isinstance(result, int) else 0
        _flush()
        return code
    except click.exceptions.NoArgsIsHelpError as exc:
        say(exc.format_message(), err=True)
        return 2
    except click.UsageError as exc:
        return _usage(exc)
    except click.ClickException as exc:
        say(f"错误：{usage_message(click.UsageError(exc.message))}", err=True)
        return exc.exit_code
    except (click.Abort, KeyboardInterrupt):
        say("\n已中止。", err=True)
        return INTERRUPTED
    except ReaderGone:
        return 1
    except LawgovError as exc:
        say(exc.format(), err=True)
        return 1
    except OSError as exc:  # the disk, a name, a stream: the machine's, not a bug
        say(os_problem(exc).format(), err=True)
        return 1
    except Exception as exc:  # a bug: say so plainly, traceback only on request
        if os.environ.get("LAWGOV_DEBUG"):
            raise
        say(
            f"{internal_error(exc)}\n设置 LAWGOV_DEBUG=1 可显示详细信息。",
            err=True,
        )
        return 1


def _flush() -> None:
    from lawgov_gen.errors import OutputProblem

    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except OSError:
            if stream is sys.stdout:
                raise OutputProblem("无法写出到标准输出") from None


def console() -> NoReturn:
    """The `lawgov-gen` console script: `main`, then exit without the interpreter's teardown."""
    code = main()
    _detach_streams()
    _exit_now(code)


def _exit_now(code: int) -> NoReturn:
    # When main() returns, every output has been written and renamed (replace_together) and
    # the streams are flushed; tearing the interpreter down would only free the objects of
    # WeasyPrint, fontTools and pydantic one by one (~0.1 s). atexit handlers still run
    # (WeasyPrint's @font-face folder is removed by one); a live non-daemon thread gets
    # the ordinary exit, which waits for it.
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if any(t.is_alive() and not t.daemon for t in others):
        sys.exit(code)
    try:
        atexit._run_exitfuncs()
    finally:
        _detach_streams()
        os._exit(code)


def _detach_streams() -> None:
    # A full or closed stdout must not print "Exception ignored … BrokenPipeError" at exit.
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            continue
        try:
            stream.flush()
        except (OSError, ValueError):
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, stream.fileno())
            except (OSError, ValueError):
                pass
