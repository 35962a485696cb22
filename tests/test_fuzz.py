"""Random YAML trees and random text through load → check → context → docx: either a
rendered document with the text as written, or a located error; never another exception."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from lawgov_gen.checks.runner import check_file
from lawgov_gen.data.model import Item, Metric, Point, text_role
from lawgov_gen.errors import LawgovError
from lawgov_gen.render.templates import resolve_templates
from lawgov_gen.render.word import render_docx
from tests.helpers import minimal_text

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TEMPLATES = resolve_templates(None, docx=True, pdf=False)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1)),
)
# the keys of the entries the model knows (items, points, metrics), and one it does not
FIELDS = sorted({*Item.model_fields, *Point.model_fields, *Metric.model_fields, "x"})
# the printed text of an item, as the model marks it (TextRole), not guessed from names
ITEM_TEXTS = [name for name in Item.model_fields if text_role(Item, name) is not None]

trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(FIELDS),
            children,
            max_size=4,
        ),
    ),
    max_leaves=12,
)
KEYS = ["measures", "duties", "plans", "other", "metrics", "problems", "court", "intro", "report"]


def _located(exc: LawgovError) -> bool:
    lines = exc.format().splitlines()
    return bool(lines) and all(":" in line and " 错误 " in line for line in lines)


def _through(path: Path) -> bytes | None:
    checked = check_file(path)
    if checked.context is None:
        assert checked.findings, "refused without a finding"
        assert all(d.line >= 1 and d.col >= 1 for d in checked.findings)
        return None
    return render_docx(checked.context, TEMPLATES)


@seed(20261201)
@SETTINGS
@given(key=st.sampled_from(KEYS), tree=trees)
def test_random_trees_never_crash(tmp_path: Path, key: str, tree: Any) -> None:
    data = yaml.safe_load(minimal_text())
    data[key] = tree
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        _through(path)
    except LawgovError as exc:
        assert _located(exc), exc.format()


# Text a clerk can type or paste: Chinese, ASCII, braces, quotes, marks, odd whitespace.
alphabet = st.characters(
    codec="utf-8",
    categories=("Lu", "Ll", "Lo", "Nd", "Po", "Ps", "Pe", "Pd", "Sm", "So", "Zs", "Cf"),
    include_characters="{}%#_'\"\\<>&\u3000\t",
    exclude_characters="\x00\ufeff",
)
texts = st.text(alphabet=alphabet, min_size=1, max_size=40).filter(lambda s: s.strip(" \t\u3000"))


@seed(20261201)
@SETTINGS
@given(field=st.sampled_from(ITEM_TEXTS), text=texts)
def test_random_text_survives_verbatim_or_is_located(tmp_path: Path, field: str, text: str) -> None:
    data = yaml.safe_load(minimal_text())
    data["duties"][0][field] = text
    data["report"]["ignore"] = ["F1", "F2", "F3", "F4", "F5", "F6", "Q5", "Q7"]
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = _through(path)
    if out is None:
        return
    if "{{" in text:
        return  # an expression that checked clean printed its value
    printed = [p.text for p in docx.Document(io.BytesIO(out)).paragraphs]
    expected = text.strip(" \t\u3000").replace("\t", " ")
    if field == "title":  # the first item of its part: numbered （一）
        expected = "（一）" + expected
    assert expected in printed, (text, printed[-10:])


@pytest.mark.parametrize("value", ["前文\ud800后文", "\udfff"])
def test_lone_surrogates_from_escapes(tmp_path: Path, value: str) -> None:
    text = minimal_text(("主要负责人带头学法。", yaml.safe_dump(value).strip().splitlines()[0]))
    path = tmp_path / "s.yaml"
    path.write_text(text.replace("...", ""), encoding="utf-8")
    checked = check_file(path)
    assert checked.context is None
    assert [d.rule for d in checked.findings] == ["SCHEMA"]
