"""The font policy, one table: for each role of GB/T 9704 the real (licensed or system) names
first, then the free stand-ins that setup installs, and the style every known face has.

Everything about fonts reads this table: the PDF's font stacks (render.fonts), the style
warning P3 (a role drawn in a face of another style), `lawgov-gen fonts`, the system-deps
script (`python -m lawgov_gen.render.font_policy --check` compares it with the script), the
GitHub Action (which runs that script) and the README's font table.
"""

from __future__ import annotations

from dataclasses import dataclass

# The styles of Chinese official type, in the words of the standard.
FANG, HEI, KAI, SONG = "仿宋", "黑体", "楷体", "宋体"


@dataclass(frozen=True)
class Role:
    """A font role of GB/T 9704: the element it draws, its style, families and weight."""

    key: str  # a FontNames field
    label: str
    style: str  # FANG, HEI, KAI or SONG: what a stand-in must look like
    licensed: tuple[str, ...]  # the real names, as Windows, macOS and 方正 name them
    free: tuple[str, ...]  # free stand-ins of the same style, installed by setup
    bold: bool = False


ROLES: tuple[Role, ...] = (
    Role(
        "title",
        "标题（小标宋）",
        SONG,  # 小标宋 is a heavy Song face: no free true 小标宋 exists
        ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "小标宋"),
        ("FandolSong", "Noto Serif CJK SC"),
        bold=True,
    ),
    Role(
        "body",
        "正文（仿宋）",
        FANG,
        ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong"),
        ("FandolFang",),
    ),
    Role(
        "heading1",
        "一级标题（黑体）",
        HEI,
        ("黑体", "SimHei", "STHeiti"),
        ("FandolHei", "Noto Sans CJK SC"),
    ),
    Role(
        "heading2",
        "二级标题（楷体）",
        KAI,
        ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti"),
        ("FandolKai", "AR PL UKai CN", "LXGW WenKai"),
    ),
    Role(
        "page_number",
        "页码（宋体）",
        SONG,
        ("宋体", "SimSun", "STSong"),
        ("FandolSong", "Noto Serif CJK SC"),
    ),
)
ROLE_BY_KEY = {r.key: r for r in ROLES}

# Every stack ends with this face: it draws the rare characters (镕 喆 堃) Fandol lacks.
FALLBACK = "Noto Serif CJK SC"


@dataclass(frozen=True)
class FreeFont:
    """A free face setup installs: its family, the Debian package that carries it, the
    files taken from that package, and where the same face comes from elsewhere."""

    family: str
    package: str
    files: tuple[str, ...]
    elsewhere: str


FREE_FONTS: tuple[FreeFont, ...] = (
    FreeFont(
        "FandolFang",
        "texlive-lang-chinese",
        ("FandolFang-Regular.otf",),
        "CTAN 的 fandol 字体包（ctan.org/pkg/fandol）",
    ),
    FreeFont(
        "FandolHei",
        "texlive-lang-chinese",
        ("FandolHei-Regular.otf", "FandolHei-Bold.otf"),
        "CTAN 的 fandol 字体包",
    ),
    FreeFont(
        "FandolKai",
        "texlive-lang-chinese",
        ("FandolKai-Regular.otf",),
        "CTAN 的 fandol 字体包",
    ),
    FreeFont(
        "FandolSong",
        "texlive-lang-chinese",
        ("FandolSong-Regular.otf", "FandolSong-Bold.otf"),
        "CTAN 的 fandol 字体包",
    ),
    FreeFont(
        "Noto Serif CJK SC",
        "fonts-noto-cjk",
        ("NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc"),
        "Homebrew：brew install --cask font-noto-serif-cjk-sc",
    ),
    FreeFont(
        "Noto Sans CJK SC",
        "fonts-noto-cjk",
        ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"),
        "Homebrew：brew install --cask font-noto-sans-cjk-sc",
    ),
    FreeFont(
        "Symbola",
        "fonts-symbola",
        ("Symbola_hint.ttf",),
        "可不装：只用于表情符号和特殊符号",
    ),
)

# The style of the faces a machine may have besides the table's: a fallback of
# fontconfig's is named with its style ("WenQuanYi Zen Hei（黑体）").
_KNOWN_STYLES: dict[str, str] = {
    **{f.lower(): r.style for r in ROLES for f in (*r.licensed, *r.free)},
    "华文仿宋": FANG,
    "华文楷体": KAI,
    "kaiti sc": KAI,
    "华文黑体": HEI,
    "microsoft yahei": HEI,
    "微软雅黑": HEI,
    "pingfang sc": HEI,
    "heiti sc": HEI,
    "wenquanyi zen hei": HEI,
    "wenquanyi micro hei": HEI,
    "droid sans fallback": HEI,
    "华文宋体": SONG,
    "nsimsun": SONG,
    "新宋体": SONG,
    "songti sc": SONG,
    "ar pl uming cn": SONG,
}
# Words in a family name that tell its style, tried in this order (FangSong is 仿宋, not 宋).
_STYLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (FANG, ("仿宋", "fang")),
    (KAI, ("楷", "kai")),
    (HEI, ("黑", "hei", "sans", "gothic", "雅黑")),
    (SONG, ("宋", "song", "serif", "ming", "明")),
)


def style_of(family: str) -> str | None:
    """The style of a face by its family name; None when the name does not say."""
    name = family.lower()
    if name in _KNOWN_STYLES:
        return _KNOWN_STYLES[name]
    for style, words in _STYLE_WORDS:
        if any(w in name for w in words):
            return style
    return None


def family_stack(role: Role, configured: str) -> list[str]:
    """Families in order: the configured name, licensed names, free stand-ins, fallback."""
    stack: list[str] = []
    for family in (configured, *role.licensed, *role.free, FALLBACK):
        if family not in stack:
            stack.append(family)
    return stack


def packages() -> list[str]:
    """The Debian packages the free faces come from, in table order."""
    return list(dict.fromkeys(f.package for f in FREE_FONTS))


def script_block() -> str:
    """The font list of scripts/install-system-deps.sh (between its font-policy marks)."""
    lines = ["POLICY_FONTS=("]
    for font in FREE_FONTS:
        for file in font.files:
            lines.append(f'  "{font.package} {file}"')
    lines.append(")")
    return "\n".join(lines)


def readme_table() -> str:
    """The README's font table: each role, its real names and its free stand-ins."""
    rows = [
        "| 角色 | 正式字体（已安装时优先使用） | 免费替代字体（安装脚本和 GitHub Action 安装） |",
        "|---|---|---|",
    ]
    for role in ROLES:
        rows.append(f"| {role.label} | {'、'.join(role.licensed)} | {'、'.join(role.free)} |")
    rows.append(
        f"| 生僻字（各角色最后的后备） | — | {FALLBACK}（覆盖 Fandol 缺少的 镕 喆 堃 等字） |"
    )
    return "\n".join(rows)


if __name__ == "__main__":
    print(script_block())
