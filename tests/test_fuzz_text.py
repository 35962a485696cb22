"""A valid data file's raw text, mutated character by character with YAML's syntax, full-width
marks and Chinese, through check → docx (and a few through the PDF): either a document, or
findings and errors that each say where (line, column) and what (in Chinese); never another
exception and never the internal-error line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from lawgov_gen.checks.runner import Checked, check_file
from lawgov_gen.errors import DataError, LawgovError
from lawgov_gen.render.glyphs import glyph_gaps
from lawgov_gen.render.pdf import render_pdf
from lawgov_gen.render.templates import resolve_templates
from lawgov_gen.render.word import render_docx
from tests.helpers import MINIMAL, minimal_text

# YAML's indicators and quotes, whitespace (full-width space too), full-width marks, Chinese
CHARACTERS = "{}[]:,-#&*!|>'\"%@` \t\n\u3000，：镇法治年"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
# anywhere, or (half the time) inside a Chinese text, so that many mutants still render
POSITIONS = st.one_of(
    st.integers(min_value=0, max_value=len(MINIMAL)),
    st.sampled_from([m.start() for m in CHINESE.finditer(MINIMAL)]),
)
MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(("insert", "delete", "replace")),
        POSITIONS,
        st.sampled_from(CHARACTERS),
    ),
    min_size=1,
    max_size=4,
)
DOCX = resolve_templates(None, docx=True, pdf=False)
PDF = resolve_templates(None, docx=False, pdf=True)


def fuzz(examples: int) -> settings:
    """A fixed, bounded run (the seed is set per test)."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )


def mutated(ops: list[tuple[str, int, str]]) -> str:
    text = MINIMAL
    for op, at, char in ops:
        at %= len(text) + 1
        if op == "insert":
            text = text[:at] + char + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + char + text[at + 1 :]
    return text


def _assert_located(path: Path, checked: Checked) -> None:
    for d in checked.findings:
        where = f"{d.format()}\n---\n{path.read_text('utf-8')}"
        assert d.line >= 1 and d.col >= 1, where
        assert CHINESE.search(d.message) and "内部错误" not in d.message, where


def _assert_error_located(exc: LawgovError) -> None:
    if isinstance(exc, DataError):
        assert exc.diagnostics and all(d.line >= 1 and d.col >= 1 for d in exc.diagnostics)
    else:
        assert exc.line is not None and exc.line >= 1, exc.format()
    assert CHINESE.search(exc.format()) and "内部错误" not in exc.format(), exc.format()


def _through(path: Path, *, pdf: bool) -> None:
    try:
        checked = check_file(path, glyphs=glyph_gaps if pdf else None)
        _assert_located(path, checked)
        if checked.context is None:
            assert any(d.level == "error" for d in checked.findings), "refused without an error"
            return
        if pdf:
            assert render_pdf(checked.context, PDF).startswith(b"%PDF")
        else:
            assert render_docx(checked.context, DOCX).startswith(b"PK")
    except LawgovError as exc:
        _assert_error_located(exc)


@seed(20261201)
@fuzz(150)
@given(ops=MUTATIONS)
def test_mutated_data_files_render_or_say_where(
    tmp_path: Path, ops: list[tuple[str, int, str]]
) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(mutated(ops), encoding="utf-8")
    _through(path, pdf=False)


@seed(20261201)
@fuzz(5)
@given(ops=MUTATIONS)
def test_mutated_data_files_through_the_pdf(
    tmp_path: Path, ops: list[tuple[str, int, str]]
) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(mutated(ops), encoding="utf-8")
    _through(path, pdf=True)


SYNTAX = "{{ }} 中的写法有误：写成 {{ m.指标id }}"
OPERATION = (
    "不能使用“运算”：只能引用 m.指标id（及 .value .prev .change）、year、next_year、short、org"
)


@pytest.mark.parametrize(
    ("typed", "col", "message"),
    [
        ("{{ m.solved-}}", 34, SYNTAX),
        ("{{ m.solved -}}", 34, SYNTAX),
        ("{{- m.solved }}", 33, OPERATION),
    ],
)
def test_jinja_whitespace_control_is_a_located_t1(
    tmp_path: Path, typed: str, col: int, message: str
) -> None:
    # found by the fuzzer: check parsed `m.solved-}}` as Jinja's `-}}` and passed it,
    # render compiled `m.solved-` and crashed with TemplateSyntaxError (内部错误)
    path = tmp_path / "t.yaml"
    path.write_text(minimal_text(("{{ m.solved }}", typed)), encoding="utf-8")
    checked = check_file(path)
    assert checked.context is None
    assert [(d.rule, d.line, d.col, d.message) for d in checked.findings] == [
        ("T1", 17, col, message)
    ]


@pytest.mark.parametrize(
    ("typed", "col", "tail"),
    [("  - - lead: 能力不足", 5, ""), ("    - lead:能力不足", 7, "，现在是“lead:能力不足”")],
)
def test_an_entry_of_part_two_that_is_not_a_mapping_is_located(
    tmp_path: Path, typed: str, col: int, tail: str
) -> None:
    # found by the fuzzer: a list or a text as an entry of shortcomings crashed the
    # point-or-item discriminator with TypeError (内部错误)
    path = tmp_path / "t.yaml"
    path.write_text(
        minimal_text(("    - lead: 能力不足\n      text: 少数干部法治意识不强。", typed)),
        encoding="utf-8",
    )
    checked = check_file(path)
    assert [(d.rule, d.line, d.col, d.message) for d in checked.findings] == [
        ("SCHEMA", 20, col, f"“problems.shortcomings[0]”应为“键: 值”映射{tail}")
    ]
