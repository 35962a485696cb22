"""`publish`: a county's reports as a site folder (公开版 pages, PDFs, index.html, index.json)."""

from __future__ import annotations

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
    render_options,
)


@click.command(cls=ChineseCommand)
@FILES
@click.option(
    "-o",
    "--output",
    "site",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    metavar="SITE",
    help="网站文件夹（不存在时自动创建）。",
)
@PDF_OPTION
@PDF_VARIANT_OPTION
@click.option(
    "--title",
    metavar="标题",
    help="目录页的标题（默认：如“2024年度法治政府建设年度报告”）。",
)
@TEMPLATE_OPTION
@STRICT_OPTION
@JOBS_OPTION
def publish(
    files: tuple[Path, ...],
    site: Path,
    pdf: bool,
    pdf_variant: str | None,
    title: str | None,
    template: Path | None,
    strict: bool,
    jobs: int | None,
) -> int:
    """发布：把各报告生成为公开版网页（加 --pdf 还有 PDF），并写出目录页 index.html 和 index.json。

    目录按县里规定的乡镇顺序（指标目录的 catalog.order）排列，其余按文件名。有错误的报告不发布，列在标准错误输出上，退出状态为 1；整个文件夹一起替换，写入失败时以前发布的文件保持原样。

    \b
    示例：
      lawgov-gen publish 2024/乡镇/ -o 网站/2024/
      lawgov-gen publish 2024/乡镇/ 2024/全县.yaml -o 网站/2024/ --pdf --pdf-variant pdf/a-2b
    """
    from lawgov_gen.cli.inputs import expand_inputs, refuse_same_stem
    from lawgov_gen.commands.publish import publish as publish_site
    from lawgov_gen.errors import LawgovError
    from lawgov_gen.render.files import Outcome, usable_cpus

    paths = expand_inputs(list(files))
    if not paths:
        raise click.UsageError("没有找到任何 .yaml 或 .yml 文件")
    refuse_same_stem(paths)
    if any(p.stem == "index" for p in paths):
        raise LawgovError(
            "报告的文件名不能是 index：index.html、index.json 是目录页。请给这份报告改个名字"
        )
    options = render_options(
        site, template, docx=False, pdf=pdf, html=True, variant=pdf_variant, strict=strict
    )
    progress = Progress(len(paths), "发布中")

    def report(outcome: Outcome) -> None:
        progress.clear()
        for d in outcome.findings:
            say(d.format(), err=True)
        if outcome.error:
            say(outcome.error, err=True)
        progress.step()

    progress.start()
    try:
        result = publish_site(
            paths, options, order=[], title=title, jobs=jobs or usable_cpus(), on_done=report
        )
    except KeyboardInterrupt:
        progress.clear()
        say("\n已中止：没有写入任何文件。", err=True)
        raise click.exceptions.Exit(INTERRUPTED) from None
    finally:
        progress.clear()
    for path in result.written:
        say(f"已生成 {path}")
    for outcome in result.left_out:
        say(f"未发布 {outcome.name}：有错误（见上）", err=True)
    for path in result.leftovers:
        say(f"注意 {path} 不在本次发布的目录中（以前发布的？），请确认后删除", err=True)
    return 1 if result.left_out else 0
