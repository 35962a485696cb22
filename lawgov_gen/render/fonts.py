"""PDF fonts: a family list per role, resolved through fontconfig (render.glyphs checks
their coverage of the report's characters)."""

from __future__ import annotations

import bisect
import ctypes.util
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from lawgov_gen.checks.glyph_rules import UNREADABLE_FONT
from lawgov_gen.data.model import FontNames
from lawgov_gen.errors import FontProblem
from lawgov_gen.render import font_policy
from lawgov_gen.render.font_policy import ROLE_BY_KEY, ROLES, Role, style_of
from lawgov_gen.render.setup_steps import font_step, harfbuzz_step

__all__ = ["ROLES", "ROLE_BY_KEY", "Role"]


def family_stack(role: Role, names: FontNames) -> list[str]:
    """Families in order: the configured name, licensed names, free stand-ins, fallback."""
    return font_policy.family_stack(role, getattr(names, role.key))


def css_string(text: str) -> str:
    """`text` as a quoted CSS string: a name can never close the string or the rule."""
    escaped = "".join(c if c.isprintable() and c not in '"\\' else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def css_stack(role: Role, names: FontNames) -> str:
    """The CSS font-family value of a role."""
    return ", ".join(css_string(f) for f in family_stack(role, names))


@dataclass(frozen=True)
class FontFace:
    """One installed face: family, style, file, index in a collection, and its coverage."""

    family: str
    style: str
    file: Path
    index: int
    charset: str = field(default="", repr=False, compare=False)

    @property
    def is_bold(self) -> bool:
        return "bold" in self.style.lower()

    @cached_property
    def _ranges(self) -> tuple[list[int], list[int]]:
        # fontconfig's charset: "20-7e a0 a4-a5 …" in hex, ascending
        starts, ends = [], []
        for part in self.charset.split():
            lo, _, hi = part.partition("-")
            starts.append(int(lo, 16))
            ends.append(int(hi or lo, 16))
        return starts, ends

    def covers(self, ch: str) -> bool:
        """Whether the face has a glyph for a character (from fontconfig's cached charset)."""
        starts, ends = self._ranges
        i = bisect.bisect_right(starts, ord(ch)) - 1
        return i >= 0 and ord(ch) <= ends[i]


_FC_FORMAT = "%{family}\t%{style}\t%{file}\t%{index}\t%{charset}\n"


def _fc_list(pattern: str) -> tuple[FontFace, ...]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    out = subprocess.run(
        [fc_list, "--format", _FC_FORMAT, pattern],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return _parse_faces(out)


@cache
def installed_faces() -> tuple[FontFace, ...]:
    """Every face fontconfig knows that covers Chinese (empty when fontconfig is missing)."""
    return _fc_list(":lang=zh")


@cache
def fallback_order(family: str) -> tuple[FontFace, ...]:
    """The faces fontconfig tries for a family, in its order (Pango falls back the same
    way), for characters no font of the role's stack has: emoji, symbols."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return ()
    out = subprocess.run(
        [fc_match, "-s", "--format", _FC_FORMAT, family],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return _parse_faces(out)


def _parse_faces(out: str) -> tuple[FontFace, ...]:
    faces = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != 5:
            continue
        families, styles, file, index, charset = parts
        style = styles.split(",")[0]
        for family in families.split(","):
            faces.append(FontFace(family.strip(), style, Path(file), int(index or 0), charset))
    return tuple(faces)


def find_face(family: str, bold: bool) -> FontFace | None:
    """The installed face of a family, preferring the requested weight."""
    matches = [f for f in installed_faces() if f.family.lower() == family.lower()]
    if not matches:
        return None
    matches.sort(
        key=lambda f: (f.is_bold != bold, "italic" in f.style.lower(), f.style != "Regular")
    )
    return matches[0]


@dataclass(frozen=True)
class Resolved:
    """What a role resolves to on this machine: the face, the rest of its stack, and
    whether the face is the user's file or fontconfig's own choice outside the stack."""

    role: Role
    face: FontFace | None
    stack: tuple[FontFace, ...]
    from_file: bool = False
    configured: str = ""  # the family the report names for the role (report.fonts)
    outside_stack: bool = False  # no family of the stack is installed: fontconfig chose

    @property
    def substitute(self) -> bool:
        return not self.from_file and (
            self.face is None or self.face.family not in self.role.licensed
        )

    @property
    def other_style(self) -> str | None:
        """The face's style when it is not the role's (仿宋 drawn in a Song face), with
        "其他字体" when its name does not tell; None when the style is right, or the
        face is the user's own choice (a file, or the family report.fonts names)."""
        if self.face is None or self.from_file or self.face.family == self.configured:
            return None
        style = style_of(self.face.family)
        if style == self.role.style:
            return None
        return style or "风格不明"


@cache
def face_from_file(path: Path) -> FontFace | None:
    """The first face of a font file the user points at, read by fc-query."""
    fc_query = shutil.which("fc-query")
    if fc_query is None:
        return None
    out = subprocess.run(
        [fc_query, "--format", _FC_FORMAT, str(path)], capture_output=True, text=True, check=False
    ).stdout
    faces = _parse_faces(out)
    return faces[0] if faces else None


def user_family(role: Role) -> str:
    """The CSS family name under which a user's font file is loaded."""
    return f"lawgov-{role.key.replace('_', '-')}"


def resolve(role: Role, names: FontNames, file: Path | None = None) -> Resolved:
    """The role's font: the user's file if given, else the first installed family of its
    stack, else the face fontconfig falls back to for it (as Pango does)."""
    families = family_stack(role, names)
    faces = [f for fam in families if (f := find_face(fam, role.bold)) is not None]
    own = face_from_file(file) if file is not None else None
    if own is not None:
        faces.insert(0, own)
    configured = getattr(names, role.key)
    if not faces and installed_faces():
        chosen = next(
            (f for f in fallback_order(f"{families[0]}:lang=zh-cn") if f.covers("中")), None
        )
        if chosen is not None:
            return Resolved(role, chosen, (chosen,), configured=configured, outside_stack=True)
    return Resolved(role, faces[0] if faces else None, tuple(faces), own is not None, configured)


@cache
def harfbuzz_subset_available() -> bool:
    """WeasyPrint subsets fonts 10–50× faster with libharfbuzz-subset (asked once)."""
    if not sys.platform.startswith("linux"):  # a DLL folder or Homebrew's lib: ask WeasyPrint
        from lawgov_gen.render.weasy import load_weasyprint

        load_weasyprint()
        from weasyprint.text import ffi

        return getattr(ffi, "harfbuzz_subset", None) is not None
    try:
        ctypes.CDLL("libharfbuzz-subset.so.0")  # the usual soname: no ldconfig subprocess
    except OSError:
        return ctypes.util.find_library("harfbuzz-subset") is not None
    return True


def require_pdf_fonts(
    names: FontNames, files: dict[str, Path] | None = None
) -> dict[str, Resolved]:
    """Resolve every role; refuse clearly when the machine cannot make a proper PDF."""
    if not harfbuzz_subset_available():
        raise FontProblem(f"缺少 HarfBuzz 字体子集库，生成 PDF 会慢数十倍：{harfbuzz_step()}")
    files = files or {}
    resolved = {role.key: resolve(role, names, files.get(role.key)) for role in ROLES}
    for key, path in files.items():
        if not resolved[key].from_file:  # `check` said so first; this guards other callers
            raise FontProblem(UNREADABLE_FONT.format(path.name), path=path)
    if not installed_faces() and not all(r.from_file for r in resolved.values()):
        raise FontProblem(f"{NO_CHINESE_FONT}，PDF 将只有空白方框：{font_step()}")
    return resolved


NO_CHINESE_FONT = "本机没有任何中文字体"
