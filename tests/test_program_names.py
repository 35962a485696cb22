"""Issue 16.1: no program internals in a document. Every metric id the schema accepts
prints its own figure through every expression form, in the .docx and the PDF, even when
it is the name of a method of a mapping, a string or the figure object; and the text
renderer refuses, at the line, any expression whose value is not a figure, a string or a year."""

from __future__ import annotations

import keyword
import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest

from lawgov_gen.content import expressions
from lawgov_gen.content.expressions import TextRenderer, Unprintable
from lawgov_gen.content.figures import Figure
from tests.helpers import Minimal, char_at, invoke, minimal_text, refused

_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null"}
_NAMES = {a for kind in (dict, str, Figure) for a in dir(kind)} | set(keyword.kwlist)
IDS = [
    *sorted(
        n
        for n in _NAMES
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", n) and n.lower() not in _YAML_WORDS
    ),
    *("none", "loop", "self", "m", "year", "short"),
]
# the forms a text may use, and what each prints for a figure of `value` 件 (prev 100)
FORMS = ("{{ m.X }}", "{{ m.X.value }}", "{{ m.X.change }}", "{{ m.X.prev }}",
         "{{ m.X.label }}", "{{ m.X.unit }}")  # fmt: skip


def _expected(i: int, mid: str) -> str:
    change = "与上年持平" if i == 0 else f"同比增长{i}.0%"
    return f"{mid}：{100 + i}件，{100 + i}，{change}，100件，指标{mid}，件。"


def _report() -> str:
    metrics = "".join(
        f"  {mid}: {{label: 指标{mid}, value: {100 + i}, unit: 件, prev: 100}}\n"
        for i, mid in enumerate(IDS)
    )
    text = "\n\n".join(
        f"{mid}：" + "，".join(f.replace("X", mid) for f in FORMS) + "。" for mid in IDS
    )
    block = "".join(f"      {line}\n" for line in text.split("\n"))
    return minimal_text(
        ("  rate: {label: 调解成功率, rate: [solved, cases]}\n",
         "  rate: {label: 调解成功率, rate: [solved, cases]}\n" + metrics),
        ("    text: 主要负责人带头学法。\n", "    text: |\n" + block),
    )  # fmt: skip


def test_every_program_name_as_a_metric_id_prints_its_own_figure_in_both_outputs(
    in_tmp: Path,
) -> None:
    assert {"items", "keys", "values", "get", "value", "change", "text", "format"} <= set(IDS)
    Path("names.yaml").write_text(_report(), encoding="utf-8")
    checked = invoke("check", "names.yaml")
    assert checked.exit_code == 0, checked.output
    result = invoke("render", "names.yaml", "--pdf")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile("names.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    words = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    with pdfplumber.open("names.pdf") as pdf:
        pages = [re.sub(r"\s", "", page.extract_text() or "") for page in pdf.pages]
    # page numbers (—2—) taken out where a paragraph runs on
    pdf_text = re.sub(r"—\d+—", "", "".join(pages))
    for i, mid in enumerate(IDS):
        assert _expected(i, mid) in words, mid
        assert _expected(i, mid) in pdf_text, mid
        words, pdf_text = (t.replace(_expected(i, mid), "") for t in (words, pdf_text))
    for internal in ("0x", "built-in", "method", "object", "None", "<"):  # nothing else
        assert internal not in words and internal not in pdf_text


def test_an_unprintable_value_is_refused_by_the_guard_itself() -> None:
    figure = Figure("x", "调解", "起", None, None)
    good = TextRenderer({}, {"year": "2024"})
    assert good.render("{{ year }}年") == "2024年"
    for figures, variables, text in (
        ({"x": figure.label.split}, {}, "共{{ m.x }}"),  # a method where a figure belongs
        ({}, {"year": None}, "{{ year }}年"),
        ({}, {"year": 3.5}, "{{ year }}年"),
    ):
        renderer = TextRenderer(figures, variables)  # type: ignore[arg-type]
        with pytest.raises(Unprintable) as caught:
            renderer.render(text)
        assert caught.value.index == text.index("{{") + 3
        issues = renderer.issues(text)
        assert [i.rule for i in issues] == ["T1"]


def test_check_and_render_refuse_an_unprintable_value_at_its_line(
    in_tmp: Path, minimal: Minimal, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a figure attribute that (by a defect) gave no text: refused where it is quoted
    monkeypatch.setitem(expressions.FIGURE_PRINTS, "label", lambda f: None)  # type: ignore[arg-type,return-value]
    path = minimal(("成功率{{ m.rate }}。", "成功率{{ m.rate }}，{{ m.cases.label }}。"))
    message = (
        "“m.cases.label”的值不能印出（只能印出指标、文字或年份）："
        "只能引用 m.指标id（及 .value .prev .change）、year、next_year、short、org"
    )
    result = invoke("check", path.name)
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if "T1" in x)
    assert line == f"report.yaml:17:65: 错误 T1 {message}"
    assert char_at(path, 17, 65, 13) == "m.cases.label"
    assert refused("render", path.name, "--pdf") == [f"report.yaml:17:65: 错误 T1 {message}"]
    # were check to miss it, the renderer itself refuses, at the same place
    monkeypatch.setattr(TextRenderer, "issues", lambda self, text: [])
    assert refused("render", path.name, "--pdf") == [f"report.yaml:17:65: 错误 T1 {message}"]


def test_the_importer_proposes_no_program_name_as_an_id(monkeypatch: pytest.MonkeyPatch) -> None:
    from lawgov_gen.commands.importer import metric_finder

    taken: set[str] = set()
    assert metric_finder._readable_id("共", "项", taken) == "matters"
    assert metric_finder._readable_id("共", "条", taken) == "entries"
    assert metric_finder._readable_id("主动公开政府信息", "条", taken) == "disclosure_information"
    # the guard, not the word list: a word that is a method's name gets a suffix
    monkeypatch.setitem(metric_finder._UNIT_WORDS, "项", "items")
    monkeypatch.setitem(metric_finder._WORDS, "标准", "format")
    assert metric_finder._readable_id("共", "项", set()) == "items_count"
    assert metric_finder._readable_id("制定标准", "项", set()) == "format_count"
