"""The PDF written through the stream shim: the same bytes as pydyf's own write at level 9,
reproducible, readable by other tools, with a content-derived /ID; parsed stylesheets reused
only while their files are unchanged."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from lawgov_gen.content.context import ReportContext, build_context
from lawgov_gen.data.loader import load
from lawgov_gen.render import pdf as pdf_module
from lawgov_gen.render import pdf_write
from lawgov_gen.render.templates import Templates, resolve_templates
from tests.helpers import Minimal


@pytest.fixture
def ctx(minimal: Minimal) -> ReportContext:
    return build_context(load(minimal()))


@pytest.fixture
def builtin() -> Templates:
    return resolve_templates(None, docx=False, pdf=True)


def _pdf_id(data: bytes) -> bytes:
    found = re.search(rb"/ID \[(<[0-9a-f]+>|\([^)]*\)) ", data)
    assert found
    return found.group(1)


def test_shim_at_level_9_gives_pydyf_s_own_bytes(
    ctx: ReportContext, builtin: Templates, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "once_finisher", lambda: None)
    plain = pdf_module.render_pdf(ctx, builtin)  # pydyf serialises every stream twice
    monkeypatch.setattr(pdf_module, "once_finisher", lambda: pdf_write.once_finisher(9))
    assert pdf_module.render_pdf(ctx, builtin) == plain


def test_pdf_is_reproducible_and_readable(
    ctx: ReportContext, builtin: Templates, tmp_path: Path
) -> None:
    data = pdf_module.render_pdf(ctx, builtin)
    assert pdf_module.render_pdf(ctx, builtin) == data
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    reader = PdfReader(path)
    assert "示例镇" in reader.pages[0].extract_text()
    ids = reader.trailer["/ID"]
    assert isinstance(ids, list) and len(ids) == 2 and ids[0] == ids[1]
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    assert len(fonts.stdout.splitlines()) > 3 and "Fandol" in fonts.stdout
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "示例镇扎实推进法治政府建设" in text and "主要负责人带头学法" in text


def test_pdf_id_follows_the_content(
    ctx: ReportContext, builtin: Templates, minimal: Minimal
) -> None:
    other = build_context(load(minimal(("主要负责人带头学法。", "主要负责人带头学法用法。"))))
    first, second = pdf_module.render_pdf(ctx, builtin), pdf_module.render_pdf(other, builtin)
    assert _pdf_id(first) != _pdf_id(second)


def test_a_pydyf_that_serialises_otherwise_gets_its_own_write(
    ctx: ReportContext, builtin: Templates, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf_write.shim_works.cache_clear()
    monkeypatch.setattr(pdf_write, "_serialise", lambda stream, level: b"changed")
    try:
        assert pdf_write.once_finisher() is None
        assert len(PdfReader(io.BytesIO(pdf_module.render_pdf(ctx, builtin))).pages) >= 1
    finally:
        monkeypatch.undo()
        pdf_write.shim_works.cache_clear()
    assert pdf_write.once_finisher() is not None


def test_parsed_css_is_reused_until_a_file_it_read_changes(tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    css = folder / "report.css"
    css.write_text('@import "more.css";\np { color: #111; }\n', encoding="utf-8")
    (folder / "more.css").write_text("h1 { color: #222; }\n", encoding="utf-8")
    roots = (folder.resolve(),)
    fetcher, _ = pdf_module.locked_fetcher(roots)
    first = pdf_module.stylesheet(css.resolve(), fetcher, (roots, ()))
    assert pdf_module.stylesheet(css.resolve(), fetcher, (roots, ())) is first
    (folder / "more.css").write_text("h1 { color: #333333; }\n", encoding="utf-8")
    second = pdf_module.stylesheet(css.resolve(), fetcher, (roots, ()))
    assert second is not first  # the @import-ed file changed
    assert pdf_module.stylesheet(css.resolve(), fetcher, (roots, ())) is second
    css.write_text("p { color: #444444; }\n", encoding="utf-8")
    assert pdf_module.stylesheet(css.resolve(), fetcher, (roots, ())) is not second
    other_scope = pdf_module.stylesheet(css.resolve(), fetcher, ((tmp_path,), ()))
    assert other_scope is not pdf_module.stylesheet(css.resolve(), fetcher, (roots, ()))


def test_an_edited_user_css_shows_in_the_next_pdf(ctx: ReportContext, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.css").write_text("p { color: #111111; }\n", encoding="utf-8")
    templates = resolve_templates(folder, docx=False, pdf=True)
    before = pdf_module.render_pdf(ctx, templates)
    (folder / "report.css").write_text("p { color: #ff0000; }\n", encoding="utf-8")
    after = pdf_module.render_pdf(ctx, templates)
    assert before != after


def test_releasing_the_font_config_removes_its_font_folder(
    tmp_path: Path, minimal: Minimal
) -> None:
    import shutil

    from lawgov_gen.render.fonts import find_face

    kai = find_face("FandolKai", bold=False)
    assert kai is not None
    (tmp_path / "fonts").mkdir()
    shutil.copy(kai.file, tmp_path / "fonts" / "own.otf")
    path = minimal(
        ("  short: 示例镇\n", "  short: 示例镇\n  fonts:\n    files: {body: fonts/own.otf}\n")
    )
    pdf_module.render_pdf(build_context(load(path)), resolve_templates(None, docx=False, pdf=True))
    folder = getattr(pdf_module._font_config(), "_folder", None)
    assert folder is not None and Path(folder).is_dir()  # WeasyPrint's @font-face copies
    pdf_module.release_font_config()
    assert not Path(folder).exists()
