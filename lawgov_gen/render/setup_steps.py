"""What to install for the PDF, said for the platform lawgov-gen runs on: one table that the
"no fonts", "no Pango" and "no HarfBuzz subsetter" messages and `lawgov-gen setup` read.
Word output needs none of it."""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

DEBIAN, LINUX, MACOS, WINDOWS = "debian", "linux", "macos", "windows"
SCRIPT_NAME = "install-system-deps.sh"
PRINT_SCRIPT = "lawgov-gen setup --print-system-deps | bash"


def platform_kind(platform: str | None = None) -> str:
    """debian (Linux with apt-get), linux, macos or windows."""
    name = platform or sys.platform
    if name.startswith(("win", "cygwin", "msys")):
        return WINDOWS
    if name == "darwin":
        return MACOS
    return DEBIAN if shutil.which("apt-get") else LINUX


@dataclass(frozen=True)
class Steps:
    """One platform's steps, each a sentence ending in the command to run."""

    title: str
    fonts: str
    pango: str
    harfbuzz: str
    guide: tuple[str, ...]  # `lawgov-gen setup`: the whole route, in order


_WORD_ONLY = "只生成 Word 不需要这些"

STEPS: dict[str, Steps] = {
    DEBIAN: Steps(
        "Debian/Ubuntu",
        f"请安装字体：{PRINT_SCRIPT}（需要 sudo；没有 root 权限时用 LAWGOV_USER_FONTS=1 bash，"
        "字体装到 ~/.local/share/fonts）",
        "请安装 Pango：sudo apt install libpango-1.0-0 libpangoft2-1.0-0",
        "请安装：sudo apt install libharfbuzz-subset0",
        (
            f"{PRINT_SCRIPT}    # 字体（仿宋、黑体、楷体、宋体的替代字体）、Pango、HarfBuzz 子集库",
            f"{PRINT_SCRIPT.replace('| bash', '| LAWGOV_USER_FONTS=1 bash')}"
            "    # 没有 root 权限：字体装到 ~/.local/share/fonts/lawgov-gen",
        ),
    ),
    LINUX: Steps(
        "Linux",
        "请把 FandolFang 等字体文件复制到 ~/.local/share/fonts 后运行 fc-cache -f"
        "（lawgov-gen setup 列出全部字体），或在 report.fonts.files 中指定字体文件",
        "请用系统的软件包管理器安装 Pango 1.44 以上（如 dnf install pango、pacman -S pango）",
        "请用系统的软件包管理器安装 HarfBuzz 的子集库（libharfbuzz-subset）",
        (
            "用系统的软件包管理器安装 Pango 1.44 以上和 HarfBuzz（含 libharfbuzz-subset）",
            "把下表中的免费字体复制到 ~/.local/share/fonts，再运行 fc-cache -f",
        ),
    ),
    MACOS: Steps(
        "macOS",
        "请安装字体：brew install --cask font-noto-serif-cjk-sc font-noto-sans-cjk-sc，"
        "并把 Fandol 字体（ctan.org/pkg/fandol）复制到 ~/Library/Fonts",
        "请安装 Pango：brew install pango",
        "请安装：brew install harfbuzz",
        (
            "brew install pango    # 同时装好 HarfBuzz 和 fontconfig",
            "brew install --cask font-noto-serif-cjk-sc font-noto-sans-cjk-sc",
            "把 Fandol 字体（ctan.org/pkg/fandol）的 .otf 文件复制到 ~/Library/Fonts",
        ),
    ),
    WINDOWS: Steps(
        "Windows",
        "Windows 中文版自带仿宋、黑体、楷体（FangSong、SimHei、KaiTi）：请确认 C:\\Windows\\Fonts "
        "中有它们，或在 report.fonts.files 中指定字体文件",
        "请按 WeasyPrint 文档安装 GTK3 运行库（Windows 11 64 位），并把它的 bin 文件夹写入环境变量 "
        "WEASYPRINT_DLL_DIRECTORIES；或在 WSL 中按 Debian/Ubuntu 的步骤使用",
        "GTK3 运行库中有 HarfBuzz 子集库：请把它的 bin 文件夹写入环境变量 WEASYPRINT_DLL_DIRECTORIES",
        (
            "安装 GTK3 运行库（WeasyPrint 文档所说的 GTK-for-Windows-Runtime-Environment-Installer）",
            "set WEASYPRINT_DLL_DIRECTORIES=C:\\Program Files\\GTK3-Runtime Win64\\bin",
            "仿宋、黑体、楷体用 Windows 自带的 FangSong、SimHei、KaiTi，无需另装",
            "或者：在 WSL（Ubuntu）中按 Debian/Ubuntu 的步骤安装和使用",
        ),
    ),
}


def steps(kind: str | None = None) -> Steps:
    """The steps of a platform (default: this one)."""
    return STEPS[kind or platform_kind()]


def font_step(kind: str | None = None) -> str:
    """How to get the policy's fonts here."""
    return steps(kind).fonts


def pango_step(kind: str | None = None) -> str:
    """How to get Pango here (WeasyPrint cannot load without it)."""
    return f"{steps(kind).pango}。{_WORD_ONLY}"


def harfbuzz_step(kind: str | None = None) -> str:
    """How to get HarfBuzz's subsetter here."""
    return steps(kind).harfbuzz


def system_deps_script() -> Path:
    """The Debian/Ubuntu setup script: inside an installed package (the wheel carries it,
    see pyproject), or in the source tree's scripts/ for a checkout."""
    packaged = Path(str(resources.files("lawgov_gen"))) / "system" / SCRIPT_NAME
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "scripts" / SCRIPT_NAME
