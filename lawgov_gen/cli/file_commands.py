"""`init`, `diff`, `schema` and `fonts`."""

from __future__ import annotations

from pathlib import Path

import click

from lawgov_gen.cli.chinese import ChineseCommand, DescribedArgument
from lawgov_gen.cli.echo import say, say_made
from lawgov_gen.cli.options import format_option
from lawgov_gen.data.paths import display_name


@click.command(cls=ChineseCommand)
@click.argument(
    "file",
    required=False,
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    cls=DescribedArgument,
    help="要新建的数据文件（.yaml 或 .yml）",
)
@click.option(
    "--org",
    metavar="名称",
    default="某某县某某镇人民政府",
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
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="目录",
    help="不新建数据文件，而是把内置模板 report.docx、report.html、report.css 导出到该文件夹，供修改样式后用 --template 使用。",
)
@click.option(
    "--from",
    "from_file",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="OLD.yaml",
    help="从本年的数据文件生成下一年的草稿：年度加一，previous 指向 OLD，保留结构和文字，清空数字。",
)
@click.option(
    "--catalog",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="CATALOG.yaml",
    help="引用县里的指标目录：列出目录中的每个指标待填写（必填的在注释中注明）。",
)
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
def init(
    file: Path | None,
    org: str,
    short: str | None,
    year: int | None,
    templates_dir: Path | None,
    from_file: Path | None,
    catalog: Path | None,
    force: bool,
) -> int:
    """新建一份带注释的完整数据文件，可直接检查和生成；或导出内置模板。

    \b
    示例：
      lawgov-gen init 青禾镇.yaml --org 示例县青禾镇人民政府 --short 青禾镇 --year 2024
      lawgov-gen init 2025/青禾镇.yaml --from 2024/青禾镇.yaml
      lawgov-gen init 乡镇/甲镇.yaml --catalog 指标目录.yaml
      lawgov-gen init --templates 我的模板
    """
    from lawgov_gen.commands.starter import export_templates, write_starter

    if templates_dir is not None:
        if file is not None:
            raise click.UsageError("--templates 导出模板时不新建数据文件：请去掉 FILE")
        for written in export_templates(templates_dir, force):
            say(f"已导出 {written}")
        say(f"修改样式后使用：lawgov-gen render 报告.yaml --pdf --template {templates_dir}")
        return 0
    if file is None:
        raise click.UsageError("缺少参数 FILE（要新建的数据文件），或用 --templates 目录 导出模板")
    if from_file is not None:
        from lawgov_gen.commands.next_year import write_next_year

        path, schema_file = write_next_year(from_file, file, force)
        say_made(
            f"已创建 {path}（{from_file} 的下一年草稿），下一步：填写数字和成文日期，lawgov-gen check {path}"
            + schema_note(schema_file),
            path,
        )
        return 0
    path, schema_file = write_starter(
        file, org=org, short=short, year=year, force=force, catalog=catalog
    )
    say_made(f"已创建 {path}，下一步：lawgov-gen check {path}" + schema_note(schema_file), path)
    return 0


@click.command(cls=ChineseCommand)
@click.argument(
    "old",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="OLD",
    cls=DescribedArgument,
    help="上一年的数据文件",
)
@click.argument(
    "new",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="NEW",
    cls=DescribedArgument,
    help="本年的数据文件",
)
@format_option(["table", "csv"], "输出格式：终端表格或 CSV。")
def diff(old: Path, new: Path, fmt: str) -> int:
    """对比两年的数据文件：各项指标并列及增减，各部分新增、删除的条目（供审阅会使用）。

    \b
    示例：
      lawgov-gen diff 2023/青禾镇.yaml 2024/青禾镇.yaml
      lawgov-gen diff 2023/青禾镇.yaml 2024/青禾镇.yaml --format csv > 对比.csv
    """
    from lawgov_gen.commands.diff import diff_reports, format_csv, format_table, load_for_diff

    result = diff_reports(load_for_diff(old), load_for_diff(new))
    if fmt == "csv":
        say(format_csv(result), nl=False)
    else:
        say(format_table(result))
    return 0


def schema_note(schema_file: Path | None) -> str:
    """The line saying init also made the editor's schema file (empty when it did not)."""
    if schema_file is None:
        return ""
    name = display_name(schema_file)
    return f"\n已生成 {name}（数据文件的 JSON Schema：编辑器据此检查和补全，见 README）"


@click.command(cls=ChineseCommand)
@click.option("--catalog", is_flag=True, help="输出指标目录文件的 JSON Schema。")
def schema(catalog: bool) -> int:
    """输出数据文件（或指标目录）的 JSON Schema，供编辑器补全和校验。

    lawgov-gen init 新建数据文件时，第一行写好 yaml-language-server 的 $schema 注释，
    没有 lawgov-gen.schema.json 时一并生成。

    \b
    示例：
      lawgov-gen schema > lawgov-gen.schema.json
      lawgov-gen schema --catalog > 指标目录.schema.json
      # 在 YAML 第一行写：# yaml-language-server: $schema=lawgov-gen.schema.json
    """
    from lawgov_gen.data.json_schema import catalog_schema_json, schema_json

    say(catalog_schema_json() if catalog else schema_json())
    return 0


@click.command(cls=ChineseCommand)
@click.argument(
    "file",
    required=False,
    type=click.Path(path_type=Path),
    metavar="[FILE]",
    cls=DescribedArgument,
    help="可选：数据文件，列出其中字体缺字及替代字体",
)
def fonts(file: Path | None) -> int:
    """显示 PDF 各字体角色使用的字体及文件；给出 FILE 时列出字体缺字及替代字体。

    \b
    示例：
      lawgov-gen fonts
      lawgov-gen fonts 青禾镇.yaml
    """
    from lawgov_gen.commands.fonts_report import fonts_report

    text, ok = fonts_report(file)
    say(text)
    return 0 if ok else 1


@click.command("import", cls=ChineseCommand)
@click.argument(
    "old",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="OLD",
    cls=DescribedArgument,
    help="上一年的报告：.docx、.doc、.wps、.pdf、.html、.htm、.txt 或 .md",
)
@click.option(
    "-o",
    "--output",
    "new",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="NEW.yaml",
    help="要写出的数据文件。",
)
@click.option(
    "--metrics",
    is_flag=True,
    help="把正文中的数字改写为指标（metrics），文字用 {{ m.指标id }} 引用。",
)
@click.option("--force", is_flag=True, help="覆盖已存在的 NEW。")
def import_command(old: Path, new: Path, metrics: bool, force: bool) -> int:
    """把上一年的报告（Word、网页、PDF、文本）导入为数据文件，然后 check、render。

    编号由程序生成，原文中的编号会去掉；各部分按内容对应到法定的五个部分，原标题写在注释中；
    半角标点、汉字与数字间的空格、网页残留会被规范，文字本身不变。

    \b
    示例：
      lawgov-gen import 2023年报告.docx -o 2023.yaml
      lawgov-gen import 报告网页.html -o 2023.yaml --metrics
    """
    from lawgov_gen.commands.importer.import_file import import_report

    result = import_report(old, new, metrics=metrics, force=force)
    say(f"已导入 {result.path}")
    for line in result.summary:
        say(f"  {line}")
    say(f"下一步：lawgov-gen check {result.path}")
    return 0
