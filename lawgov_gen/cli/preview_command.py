"""`preview`: serve the report on 127.0.0.1 and update it after each save."""

from __future__ import annotations

import threading
import webbrowser
from pathlib import Path

import click

from lawgov_gen.cli.chinese import ChineseCommand, DescribedArgument
from lawgov_gen.cli.echo import say


def _open(url: str) -> None:
    # in a thread: a console browser (lynx, w3m) would otherwise hold the server back
    def run() -> None:
        try:
            opened = webbrowser.open(url)
        except Exception:  # no usable browser is not an error of the preview
            opened = False
        if not opened:
            say(f"无法自动打开浏览器：请在浏览器中打开 {url}", err=True)

    threading.Thread(target=run, name="lawgov-preview-open", daemon=True).start()


@click.command(cls=ChineseCommand)
@click.argument(
    "file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    metavar="FILE",
    cls=DescribedArgument,
    help="要预览的数据文件（.yaml 或 .yml）",
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=None,
    metavar="端口",
    help="在 127.0.0.1 的这个端口上提供页面（默认：自动选择空闲端口）。",
)
@click.option("--open", "open_browser", is_flag=True, help="启动后用默认浏览器打开页面。")
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    metavar="路径",
    help="自定义模板：含 report.html、report.css 的文件夹（页面与 PDF 用），或 .docx 文件（Word 下载用）。",
)
def preview(file: Path, port: int | None, open_browser: bool, template: Path | None) -> int:
    """在浏览器中预览报告：页面与 PDF 使用同一套模板，check 发现的每个问题都标在所在段落上；
    保存数据文件（或它引用的文件、模板）后，页面一秒内自动更新。

    只在本机 127.0.0.1 上提供，其他电脑无法访问。页面上可下载当前的 Word 和 PDF。按 Ctrl-C 结束。

    \b
    示例：
      lawgov-gen preview 青禾镇.yaml --open
      lawgov-gen preview 青禾镇.yaml --port 8000 --template 我的模板/
    """
    from lawgov_gen.commands.preview import Preview, PreviewServer

    session = Preview(file, template)
    server = PreviewServer(session, port or 0)
    try:
        session.start()
        say(f"预览地址：{server.url}")
        say("保存文件后页面自动更新；按 Ctrl-C 结束。")
        if open_browser:
            _open(server.url)
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        say("\n已停止预览。", err=True)
    finally:
        server.close()
    return 0
