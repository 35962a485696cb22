"""The one template resolver: which Word template and which HTML/CSS folders a render
uses, decided once before anything renders; and the confined loader that reads them."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from jinja2 import BaseLoader, Environment, TemplateNotFound

from lawgov_gen.errors import TemplateProblem

WORD_TEMPLATE = "report.docx"
HTML_TEMPLATE = "report.html"
CSS_FILE = "report.css"
PUBLIC_TEMPLATE = "public.html"  # the 公开版 (render --html, publish)
PUBLIC_CSS = "public.css"
BUILTIN_PREFIX = "builtin/"


def builtin_template_dir() -> Path:
    """The built-in templates folder (report.docx, report.html, report.css)."""
    return Path(str(files("lawgov_gen") / "templates"))


@dataclass(frozen=True)
class Templates:
    """The templates of one run: the Word template, and the HTML/CSS search path
    (the user's folder first, the built-in one last)."""

    word: Path
    html_dirs: tuple[Path, ...]

    @property
    def css_files(self) -> list[Path]:
        """Built-in CSS first, then the user's on top: a user stylesheet only states what differs."""
        return self.stylesheets(CSS_FILE)

    def stylesheets(self, name: str) -> list[Path]:
        """Every `name` on the search path, built-in first, the user's on top."""
        return [d / name for d in reversed(self.html_dirs) if (d / name).is_file()]


def _check_docx(path: Path) -> Path:
    if path.suffix.lower() != ".docx":
        raise TemplateProblem(
            "Word 模板必须是 .docx 文件（不支持 .doc、.dotx 或其他格式）", path=path
        )
    if not path.is_file():
        raise TemplateProblem("模板文件不存在", path=path)
    if not zipfile.is_zipfile(path):
        raise TemplateProblem("不是有效的 .docx 文件（可能已损坏，或只是改了扩展名）", path=path)
    return path


def resolve_templates(user: Path | None, *, docx: bool, pdf: bool, html: bool = False) -> Templates:
    """The templates for the requested outputs; a `--template` that does not exist, or
    that gives nothing for a requested output, is an error (never a silent fall-back).
    The 公开版 takes public.html and public.css from the folder when it has them, else
    the built-in ones (README: a folder made for the Word file or the PDF still serves)."""
    builtin = builtin_template_dir().resolve()
    if user is None:
        return Templates(builtin / WORD_TEMPLATE, (builtin,))
    if not user.exists():
        raise TemplateProblem("--template 指定的模板不存在：请检查路径", path=user)
    if user.is_file():
        _check_docx(user)
        if pdf or (html and not docx):
            raise TemplateProblem(
                "这是 Word 模板，不能用于 PDF 或公开版网页：这时 --template 请给出含 report.html、"
                "report.css（公开版：public.html、public.css）的文件夹（可同时放入 report.docx），"
                "或去掉 --template",
                path=user,
            )
        return Templates(user, (builtin,))
    folder = user.resolve()
    word = folder / WORD_TEMPLATE
    if docx and not word.exists():
        raise TemplateProblem(
            f"模板文件夹中没有 {WORD_TEMPLATE}，无法生成 Word 文件：请放入 report.docx"
            "（可用 lawgov-gen init --templates 导出内置模板），或加 --pdf --no-docx 只生成 PDF",
            path=user,
        )
    if pdf and not ((folder / HTML_TEMPLATE).is_file() or (folder / CSS_FILE).is_file()):
        raise TemplateProblem(
            f"模板文件夹中没有 {HTML_TEMPLATE} 或 {CSS_FILE}，无法用于 PDF：请放入其中之一"
            "（可用 lawgov-gen init --templates 导出内置模板）",
            path=user,
        )
    public = (folder / PUBLIC_TEMPLATE).is_file() or (folder / PUBLIC_CSS).is_file()
    if html and not (docx or pdf or public):
        raise TemplateProblem(
            f"模板文件夹中没有 {PUBLIC_TEMPLATE} 或 {PUBLIC_CSS}，无法用于公开版网页：请放入其中之一"
            "（可用 lawgov-gen init --templates 导出内置模板）",
            path=user,
        )
    return Templates(
        _check_docx(user / WORD_TEMPLATE) if docx else builtin / WORD_TEMPLATE, (folder, builtin)
    )


def confined(root: Path, name: str) -> Path | None:
    """`name` inside `root` with symlinks resolved, or None when its real path leaves it."""
    if "\\" in name or name.startswith("/") or "\x00" in name:
        return None
    try:
        target = (root / name).resolve()
    except (OSError, RuntimeError):
        return None
    return target if root in target.parents and target.is_file() else None


class ConfinedLoader(BaseLoader):
    """Templates from the search path (user first, built-in last), and the built-in one
    as "builtin/report.html" for `{% extends %}`; nothing whose real path leaves its folder."""

    def __init__(self, dirs: tuple[Path, ...]) -> None:
        self.dirs = tuple(d.resolve() for d in dirs)

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        dirs = self.dirs
        name = template
        if template.startswith(BUILTIN_PREFIX):
            dirs, name = self.dirs[-1:], template.removeprefix(BUILTIN_PREFIX)
        for root in dirs:
            path = confined(root, name)
            if path is None:
                continue
            try:
                source = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                raise TemplateProblem("模板不是 UTF-8 编码：请另存为 UTF-8", path=path) from None
            except OSError:
                continue
            st = path.stat()
            # size too: two saves within one tick of the file system's clock keep the mtime
            stamp = (st.st_mtime_ns, st.st_size)

            def unchanged(p: Path = path, m: tuple[int, int] = stamp) -> bool:
                try:
                    now = p.stat()
                except OSError:
                    return False
                return (now.st_mtime_ns, now.st_size) == m

            return source, str(path), unchanged
        raise TemplateNotFound(template)
