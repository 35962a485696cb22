"""One font policy: the script installs the table's faces, Windows's own fonts are named,
a role drawn in a face of another style is a warning (P3), no Chinese font at all is said (P4),
and the messages name the step for the platform."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from lawgov_gen.data.model import FontNames
from lawgov_gen.render import fonts
from lawgov_gen.render.font_policy import (
    FANG,
    FREE_FONTS,
    HEI,
    KAI,
    ROLE_BY_KEY,
    ROLES,
    SONG,
    readme_table,
    script_block,
    style_of,
)
from lawgov_gen.render.setup_steps import STEPS, font_step, pango_step
from tests.helpers import ROOT, Minimal, invoke

STEP = (
    "请安装字体：lawgov-gen setup --print-system-deps | bash（需要 sudo；没有 root 权限时用 "
    "LAWGOV_USER_FONTS=1 bash，字体装到 ~/.local/share/fonts）"
)


def test_the_setup_script_installs_the_policy_fonts() -> None:
    script = (ROOT / "scripts" / "install-system-deps.sh").read_text("utf-8")
    block = script.split("# font-policy:start\n")[1].split("\n# font-policy:end")[0]
    assert block == script_block()
    families = {f.family for f in FREE_FONTS}
    for role in ROLES:
        assert role.free[0] in families, role.key  # each role's first stand-in is installed
        for family in role.free:
            assert style_of(family) == role.style, family


def test_readme_font_table_is_the_policy() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert (
        readme.split("<!-- fonts:start -->\n")[1].split("\n<!-- fonts:end -->")[0] == readme_table()
    )


def test_windows_and_macos_fonts_are_named_in_each_role_stack() -> None:
    """Windows's 仿宋/黑体/楷体/宋体 (FangSong, SimHei, KaiTi, SimSun) and macOS's 华文 faces
    come before the free stand-ins, so a Windows or Mac machine uses its own."""
    names = FontNames()
    expected = {
        "body": ("FangSong", "仿宋", "STFangsong"),
        "heading1": ("SimHei", "黑体", "STHeiti"),
        "heading2": ("KaiTi", "楷体", "STKaiti"),
        "page_number": ("SimSun", "宋体", "STSong"),
    }
    for key, families in expected.items():
        role = ROLE_BY_KEY[key]
        stack = fonts.family_stack(role, names)
        first_free = stack.index(role.free[0])
        for family in families:
            assert stack.index(family) < first_free, (key, family)
            assert style_of(family) == role.style
        css = fonts.css_stack(role, names)
        assert all(f'"{family}"' in css for family in families)


def test_style_of_names() -> None:
    assert [style_of(f) for f in ("FangSong", "STFangsong", "方正仿宋_GBK")] == [FANG] * 3
    assert [style_of(f) for f in ("Noto Serif CJK SC", "SimSun", "AR PL UMing TW")] == [SONG] * 3
    assert [style_of(f) for f in ("WenQuanYi Zen Hei", "Source Han Sans SC")] == [HEI] * 2
    assert [style_of(f) for f in ("LXGW WenKai", "华文楷体")] == [KAI] * 2
    assert style_of("DejaVu Sans") == HEI and style_of("Unifont") is None


def _only(monkeypatch: pytest.MonkeyPatch, *families: str) -> None:
    """This machine as if only these families were installed."""
    kept = tuple(f for f in fonts.installed_faces() if f.family in families)
    assert {f.family for f in kept} == set(families)
    monkeypatch.setattr(fonts, "installed_faces", lambda: kept)


def _p3(path: str, role: str, style: str, face: str, free: str) -> str:
    return (
        f"{path}:2:1: 警告 P3 {role}没有可用的{style}字体，PDF 将用 {face}（宋体）排印，"
        f"与公文格式不符，应为 {free} 等{style}字体。{STEP}"
    )


def test_p3_a_role_in_a_face_of_another_style(
    minimal: Minimal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only Noto CJK installed (the old README's CI recipe): 仿宋 and 楷体 fall back to the
    Song face, which check and render --pdf say; 黑体 (Noto Sans) and 小标宋 (Noto Serif
    Bold) keep their style."""
    _only(monkeypatch, "Noto Serif CJK SC", "Noto Sans CJK SC")
    path = str(minimal())
    expected = [
        _p3(path, "正文（仿宋）", "仿宋", "Noto Serif CJK SC", "FandolFang"),
        _p3(
            path,
            "二级标题（楷体）",
            "楷体",
            "Noto Serif CJK SC",
            "FandolKai、AR PL UKai CN、LXGW WenKai",
        ),
    ]
    result = invoke("check", path)
    assert (result.exit_code, result.stdout.splitlines()) == (0, expected)
    assert invoke("check", path, "--strict").exit_code == 1
    result = invoke("render", path, "--pdf", "-o", str(tmp_path / "o"))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == expected
    strict = invoke("render", path, "--pdf", "--strict", "-o", str(tmp_path / "s"))
    assert strict.exit_code == 1
    assert [ln.replace("错误 P3", "警告 P3") for ln in strict.stderr.splitlines()] == expected
    assert not (tmp_path / "s").exists()
    table = invoke("fonts").stdout
    assert re.search(
        r"正文（仿宋）\s+Noto Serif CJK SC Regular .*（替代字体：宋体，不是仿宋）", table
    )


def test_p3_the_family_report_fonts_names_is_the_users_choice(
    minimal: Minimal, monkeypatch: pytest.MonkeyPatch
) -> None:
    _only(monkeypatch, "Noto Serif CJK SC", "Noto Sans CJK SC", "FandolKai")
    path = minimal(("  year: 2024\n", "  year: 2024\n  fonts: {body: Noto Serif CJK SC}\n"))
    result = invoke("check", str(path))
    assert (result.exit_code, result.stdout) == (0, "")


def test_p3_a_face_fontconfig_falls_back_to_outside_every_stack(
    minimal: Minimal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No face of any stack installed: Pango takes fontconfig's choice; its style is named."""
    wqy = fonts.FontFace(
        "WenQuanYi Zen Hei",
        "Regular",
        Path("/fonts/wqy.ttc"),
        0,
        "20-7e 2000-206f 3000-303f 4e00-9fff ff00-ffef",
    )
    monkeypatch.setattr(fonts, "installed_faces", lambda: (wqy,))
    monkeypatch.setattr(fonts, "fallback_order", lambda family: (wqy,))
    path = str(minimal())
    lines = invoke("check", path).stdout.splitlines()
    p3 = [
        ln.split("，PDF 将用 ")[0].split(" P3 ")[1]
        + " "
        + ln.split("PDF 将用 ")[1].split("排印")[0]
        for ln in lines
        if " P3 " in ln
    ]
    assert p3 == [
        "标题（小标宋）没有可用的宋体字体 WenQuanYi Zen Hei（黑体）",
        "正文（仿宋）没有可用的仿宋字体 WenQuanYi Zen Hei（黑体）",
        "二级标题（楷体）没有可用的楷体字体 WenQuanYi Zen Hei（黑体）",
        "页码（宋体）没有可用的宋体字体 WenQuanYi Zen Hei（黑体）",
    ]


def test_p4_no_chinese_font_is_said_not_passed_silently(
    minimal: Minimal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "installed_faces", lambda: ())
    path = str(minimal())
    result = invoke("check", path)
    assert (result.exit_code, result.stdout) == (
        0,
        f"{path}:2:1: 警告 P4 本机没有任何中文字体，无法检查 PDF 中的字能否显示（P1、P2 未检查），"
        f"生成 PDF 也需要中文字体：{STEP}\n",
    )
    assert invoke("check", path, "--strict").exit_code == 1
    assert invoke("render", path, "-o", str(tmp_path / "w")).exit_code == 0  # Word needs no font


def test_messages_name_the_step_for_each_platform() -> None:
    assert font_step("debian") == STEP
    assert "brew install --cask font-noto-serif-cjk-sc" in font_step("macos")
    assert "FangSong、SimHei、KaiTi" in font_step("windows")
    assert "~/.local/share/fonts" in font_step("linux")
    assert pango_step("macos") == "请安装 Pango：brew install pango。只生成 Word 不需要这些"
    assert "WEASYPRINT_DLL_DIRECTORIES" in pango_step("windows") and "WSL" in pango_step("windows")
    assert pango_step("debian").startswith("请安装 Pango：sudo apt install libpango-1.0-0")
    for kind in STEPS:
        result = invoke("setup", "--platform", kind)
        assert result.exit_code == 0 and STEPS[kind].guide[0] in result.stdout


def test_setup_prints_the_script_of_the_source_tree() -> None:
    result = invoke("setup", "--print-system-deps")
    assert result.stdout == (ROOT / "scripts" / "install-system-deps.sh").read_text("utf-8")


def test_no_pango_names_the_step(minimal: Minimal, tmp_path: Path) -> None:
    """WeasyPrint cannot load Pango: a message with the platform's step, not an OSError."""
    path = minimal()
    code = (
        "import cffi, sys\n"
        "def refuse(self, name, *a, **k): raise OSError(f'cannot load library {name!r}')\n"
        "cffi.FFI.dlopen = refuse\n"
        "from lawgov_gen.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "render", str(path), "--pdf", "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (
        1,
        "错误 找不到 Pango 库，无法生成 PDF：请安装 Pango：sudo apt install libpango-1.0-0 "
        "libpangoft2-1.0-0。只生成 Word 不需要这些\n",
    )
    assert not (tmp_path / "o").exists()
