"""`lawgov-gen setup`: what this machine needs for PDFs, and the Debian/Ubuntu script."""

from __future__ import annotations

import click

from lawgov_gen.cli.chinese import ChineseCommand
from lawgov_gen.cli.echo import say
from lawgov_gen.render.setup_steps import STEPS


@click.command(cls=ChineseCommand)
@click.option(
    "--print-system-deps",
    is_flag=True,
    help="打印 Debian/Ubuntu 的安装脚本（字体、Pango、HarfBuzz 子集库），可直接交给 bash 运行。",
)
@click.option(
    "--platform",
    "kind",
    type=click.Choice(sorted(STEPS)),
    default=None,
    help="显示另一平台的步骤（默认：本机）。",
)
def setup(print_system_deps: bool, kind: str | None) -> int:
    """说明生成 PDF 需要安装什么（只生成 Word 不需要安装任何东西）。

    \b
    示例：
      lawgov-gen setup
      lawgov-gen setup --print-system-deps | bash
      lawgov-gen setup --print-system-deps | LAWGOV_USER_FONTS=1 bash   # 没有 root 权限
    """
    from lawgov_gen.render.font_policy import FALLBACK, FREE_FONTS, ROLES
    from lawgov_gen.render.setup_steps import steps, system_deps_script

    if print_system_deps:
        say(system_deps_script().read_text("utf-8"), nl=False)
        return 0
    chosen = steps(kind)
    lines = [
        f"平台：{chosen.title}",
        "只生成 Word 不需要安装任何东西；生成 PDF 需要 Pango、HarfBuzz 子集库和中文字体：",
        *(f"  {step}" for step in chosen.guide),
        "",
        "各角色的字体（已安装正式字体时优先使用，否则用各平台相同的免费替代字体）：",
    ]
    for role in ROLES:
        lines.append(f"  {role.label}：{'、'.join(role.licensed)} → {'、'.join(role.free)}")
    lines.append(f"  生僻字的后备：{FALLBACK}")
    lines += ["", "免费字体的来源（Debian/Ubuntu 软件包；其他平台）："]
    for font in FREE_FONTS:
        lines.append(f"  {font.family}：{font.package}；{font.elsewhere}")
    lines += ["", "装好后运行 lawgov-gen fonts 查看每个角色实际使用的字体。"]
    say("\n".join(lines))
    return 0
