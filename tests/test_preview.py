"""`lawgov-gen preview`: findings placed on their paragraph and character, a broken save
keeps the last good report, every file the report uses is watched, the command's life."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from lawgov_gen.commands.preview.locate import Locator, anchors
from lawgov_gen.commands.preview.page import document, payload
from lawgov_gen.commands.preview.session import Preview
from lawgov_gen.commands.preview.snapshots import Builder, Snapshot
from lawgov_gen.data.loader import Loaded, load
from tests.helpers import EXAMPLE, MINIMAL, ROOT, Minimal, Write, invoke, minimal_text
from tests.preview_support import events, request, serving

COMMA = ("，调解成功", ",调解成功")  # F1: a half-width comma in the measures text


def build(path: Path, template: Path | None = None) -> Snapshot:
    return Builder(path, template).build()


def loaded(path: Path) -> Loaded:
    return load(path)


def marks(snapshot: Snapshot) -> list[tuple[str, str]]:
    """(class, character) of every marked character of the page."""
    assert snapshot.rendered is not None
    return re.findall(
        r'<lg-mark class="([^"]+)"[^>]*>(.*?)</lg-mark>', snapshot.rendered.marked.body
    )


def test_a_finding_is_marked_on_its_paragraph_and_character(minimal: Minimal) -> None:
    path = minimal(COMMA)
    snapshot = build(path)
    (f1,) = [d for d in snapshot.findings if d.rule == "F1"]
    assert snapshot.current and marks(snapshot) == [("lg-warning", ",")]
    rendered = snapshot.rendered
    assert rendered is not None
    checked_blocks = rendered.ctx.blocks
    index = next(i for i, b in enumerate(checked_blocks) if b.source == ("measures", 0, "text"))
    page_index = [a.text for a in anchors(rendered.ctx, loaded(path))].index(
        checked_blocks[index].text
    )
    i = snapshot.findings.index(f1)
    assert rendered.marked.targets[i] == [f"lg-a{page_index}"]
    body = rendered.marked.body
    wrapped = re.search(rf'<lg-a id="lg-a{page_index}"[^>]*>(.*?)</lg-a>', body)
    assert wrapped is not None and 'data-rules="F1"' in wrapped.group(0)
    assert "全年调解纠纷130起<lg-mark" in wrapped.group(1)
    assert f"report.yaml:{f1.line}:{f1.col}" in wrapped.group(0)


def test_each_finding_finds_its_own_occurrence_among_repeated_text(minimal: Minimal) -> None:
    path = minimal(
        ("text: 主要负责人带头学法。", "text: 主要负责人带头学法,学法用法,学法守法。"),
    )
    snapshot = build(path)
    f1 = [d for d in snapshot.findings if d.rule == "F1"]
    assert len(f1) == 2
    assert snapshot.rendered is not None
    text = next(
        b.text for b in snapshot.rendered.ctx.blocks if b.source[0] == "duties" and b.kind == "body"
    )
    found = Locator(loaded(path), anchors(snapshot.rendered.ctx, loaded(path)))
    chars = [found.spots(d)[0].char for d in f1]
    assert chars == [i for i, ch in enumerate(text) if ch == ","]


def test_findings_on_metrics_dates_and_included_files_are_placed(write: Write) -> None:
    write(
        """\
        plans:
          - title: 提升依法行政能力
            text: 健全依法决策机制,规范执法。
        """,
        name="plans.yaml",
    )
    text = minimal_text(
        ("version: 1\n", "version: 1\ninclude: [plans.yaml]\n"),
        ("value: 130, unit: 起, prev: 118", "value: 130, unit: 起, prev: 10"),  # Q8 warning
        ("date: 2025-02-20", "date: 2024-12-20"),  # D1 warning
    )
    text = text[: text.index("plans:\n")]
    snapshot = build(write(text))
    rendered = snapshot.rendered
    assert rendered is not None and snapshot.current
    by_rule = {d.rule: i for i, d in enumerate(snapshot.findings)}
    assert {"Q8", "D1", "F1"} <= set(by_rule)
    page = anchors(rendered.ctx, loaded(snapshot.files[0]))

    def shown(rule: str) -> list[str]:
        ids = rendered.marked.targets[by_rule[rule]]
        return [page[int(t.removeprefix("lg-a"))].text for t in ids]

    assert shown("D1") == [rendered.ctx.date]
    assert shown("Q8") == [next(b.text for b in rendered.ctx.blocks if "130起" in b.text)]
    assert shown("F1") == ["健全依法决策机制,规范执法。"]
    assert snapshot.findings[by_rule["F1"]].path.endswith("plans.yaml")
    assert ("lg-warning", ",") in marks(snapshot)


def test_a_finding_about_nothing_printed_is_listed_not_marked(minimal: Minimal) -> None:
    snapshot = build(minimal(("  to: [中共示例县委员会, 示例县人民政府]\n", "")))
    (n3,) = [i for i, d in enumerate(snapshot.findings) if d.rule == "N3"]
    assert snapshot.rendered is not None and snapshot.rendered.marked.targets[n3] == []
    assert "不在正文中显示" in payload(snapshot, "s", Path("report.yaml"))


def test_a_broken_save_shows_the_error_and_keeps_the_last_good_report(minimal: Minimal) -> None:
    path = minimal(COMMA)
    builder = Builder(path, None)
    good = builder.build()
    path.write_text(MINIMAL.replace("  short: 示例镇\n", "  short: [示例镇\n"), "utf-8")
    broken = builder.build()
    assert not broken.current and broken.rendered is good.rendered
    (problem,) = broken.problems
    assert re.search(r"report\.yaml:5:7: 错误 YAML YAML 语法错误", problem)
    page = document(broken, "s", "n", path)
    assert "数据文件有错误，预览没有更新" in page and problem in page
    assert "全年调解纠纷130起,调解成功" in page  # the last good report, without its marks
    assert "<lg-mark" not in page.split("<lg-preview")[0] and "data-lg-stale" in page
    path.write_text(MINIMAL, "utf-8")
    fixed = builder.build()
    assert fixed.current and fixed.problems == () and fixed.findings == ()


def test_a_file_with_errors_from_the_start_shows_them_and_no_report(minimal: Minimal) -> None:
    snapshot = build(minimal(("measures:\n", "measures: []\nx_measures:\n")))
    assert snapshot.rendered is None and snapshot.problems
    page = document(snapshot, "s", "n", Path("report.yaml"))
    assert "还没有可以显示的报告" in page and "[错误 " in page


def test_a_template_error_is_shown_and_the_server_goes_on(minimal: Minimal, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.html").write_text('{% extends "builtin/report.html" %}', "utf-8")
    path = minimal()
    with serving(path, folder) as served:
        assert served.preview.snapshot.current
        (folder / "report.html").write_text("{% if %}", "utf-8")
        snapshot = served.preview.newer(served.preview.snapshot.version, 2)
        assert snapshot is not None and not snapshot.current
        assert "模板语法错误" in snapshot.problems[0]
        assert request(served.port, "/").status == 200


@pytest.mark.parametrize("used", ["data", "include", "previous", "catalog", "css", "html"])
def test_saving_any_file_the_report_uses_updates_the_page(
    used: str, tmp_path: Path, write: Write
) -> None:
    catalog = write(
        """\
        version: 1
        catalog: {name: 示例县指标, year: 2024}
        metrics:
          cases: {label: 调解纠纷, unit: 起}
        """,
        name="catalog.yaml",
    )
    prev = write(
        minimal_text(("year: 2024", "year: 2023"), ("date: 2025-02-20", "date: 2024-02-20")),
        name="prev.yaml",
    )
    extra = write(
        "duties:\n  - title: 带头学法\n    text: 主要负责人带头学法。\n", name="duties.yaml"
    )
    text = minimal_text(
        ("version: 1\n", "version: 1\ninclude: [duties.yaml]\nprevious: prev.yaml\n"),
        ("  year: 2024\n", "  year: 2024\n  catalog: catalog.yaml\n"),
        ("cases: {label: 调解纠纷, value: 130, unit: 起, prev: 118}", "cases: {value: 130}"),
        # the label comes from the catalogue, the change from the previous year's file
        ("调解纠纷{{ m.cases }}，", "{{ m.cases.label }}{{ m.cases }}，{{ m.cases.change }}，"),
    )
    text = text.replace("duties:\n  - title: 带头学法\n    text: 主要负责人带头学法。\n", "")
    path = write(text)
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.css").write_text("p { color: #000; }", "utf-8")
    (folder / "report.html").write_text('{% extends "builtin/report.html" %}', "utf-8")
    target = {
        "data": (path, "健全依法决策机制。", "健全依法决策机制，落实合法性审查。"),
        "include": (extra, "主要负责人带头学法。", "主要负责人带头学法用法。"),
        "previous": (prev, "value: 130, unit: 起, prev: 118", "value: 100, unit: 起, prev: 118"),
        "catalog": (catalog, "label: 调解纠纷", "label: 调解矛盾纠纷"),
        "css": (folder / "report.css", "#000", "#111"),
        "html": (
            folder / "report.html",
            "%}",
            "%}{% block ending %}{{ super() }}<p>附记</p>{% endblock %}",
        ),
    }[used]
    with serving(path, folder) as served:
        before = served.preview.snapshot
        assert before.current, before.problems
        file, old, new = target
        file.write_text(file.read_text("utf-8").replace(old, new, 1), "utf-8")
        # a liveness wait, generous for a loaded CI machine (the browser test holds the 2 s)
        after = served.preview.newer(before.version, 10)
        assert after is not None, f"10 秒内没有更新：{used}"
    assert after.current, after.problems
    assert file.absolute() in before.files


def test_fixing_an_include_that_never_loaded_updates_the_page(write: Write) -> None:
    # an in-place save (as VS Code writes) of a file no build has read yet
    extra = write(
        "duties:\n  - title: 带头学法\n    text: [主要负责人带头学法。\n", name="extra.yaml"
    )
    text = minimal_text(("version: 1\n", "version: 1\ninclude: [extra.yaml]\n"))
    path = write(text.replace("duties:\n  - title: 带头学法\n    text: 主要负责人带头学法。\n", ""))
    with serving(path) as served:
        before = served.preview.snapshot
        assert not before.current and "extra.yaml" in before.problems[0]
        with open(extra, "w", encoding="utf-8") as fh:
            fh.write("duties:\n  - title: 带头学法\n    text: 主要负责人带头学法。\n")
        after = served.preview.newer(before.version, 10)
        assert after is not None and after.current, "改正并入的文件后页面没有更新"


def test_a_template_folder_with_many_assets_still_updates_on_its_template(
    minimal: Minimal, tmp_path: Path
) -> None:
    folder = tmp_path / "tpl"
    (folder / "assets").mkdir(parents=True)
    for i in range(510):  # "assets/…" sorts before "report.css"
        (folder / "assets" / f"{i:03}.png").write_bytes(b"")
    (folder / "report.css").write_text("p { color: #000; }", "utf-8")
    with serving(minimal(), folder) as served:
        before = served.preview.snapshot
        (folder / "report.css").write_text("p { color: #111; }", "utf-8")
        after = served.preview.newer(before.version, 10)
        assert after is not None, "改了模板的样式表，页面没有更新"


def test_the_event_stream_sends_the_current_state_then_each_save(minimal: Minimal) -> None:
    path = minimal()
    with serving(path) as served, events(served.port) as stream:
        first = next(stream)
        assert first["version"] == served.preview.snapshot.version and not first["banner"]
        assert first["title"].startswith("[错误 0 · 警告 0] 示例镇2024年法治政府建设年度报告")
        path.write_text(minimal_text(COMMA), "utf-8")
        update = next(stream)
        assert update["version"] > first["version"]
        assert update["title"].startswith("[错误 0 · 警告 1]")
        assert "<lg-mark" in update["body"] and "F1" in update["findings"]


def test_downloads_are_rendered_from_the_current_data(minimal: Minimal) -> None:
    path = minimal()
    with serving(path) as served:
        docx = request(served.port, "/report.docx")
        assert docx.status == 200 and docx.body[:2] == b"PK"
        assert "filename*=UTF-8''report.docx" in docx.headers["content-disposition"]
        pdf = request(served.port, "/report.pdf")
        assert pdf.status == 200 and pdf.body[:5] == b"%PDF-"
        path.write_text("report: [", "utf-8")
        assert served.preview.newer(served.preview.snapshot.version, 2) is not None
        refused = request(served.port, "/report.docx")
        assert refused.status == 409 and "当前数据文件有错误" in refused.text


def test_a_pdf_that_render_would_refuse_is_not_downloaded(minimal: Minimal) -> None:
    # no installed font draws U+F0001: `render --pdf` stops at P2, a Word-only render does not
    path = minimal(("健全依法决策机制。", "健全依法决策机制\U000f0001。"))
    assert invoke("render", str(path), "--pdf", "-o", str(path.parent / "out")).exit_code == 1
    with serving(path) as served:
        assert any(d.rule == "P2" for d in served.preview.snapshot.findings)
        refused = request(served.port, "/report.pdf")
        assert refused.status == 409 and "当前数据文件有错误" in refused.text
        assert request(served.port, "/report.docx").status == 200


def test_weasyprint_is_imported_only_when_a_pdf_is_asked_for(minimal: Minimal) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from tests.preview_support import request, serving
        with serving(Path({str(minimal())!r})) as served:
            assert request(served.port, "/").status == 200
            assert request(served.port, "/report.docx").status == 200
            print("before", "weasyprint" in sys.modules)
            assert request(served.port, "/report.pdf").status == 200
            print("after", "weasyprint" in sys.modules)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.split() == ["before", "False", "after", "True"]


def _start(path: Path, *args: str, **env: str) -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "lawgov_gen", "preview", str(path), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    found = re.fullmatch(r"预览地址：http://127\.0\.0\.1:(\d+)/\n", line)
    if found is None:
        proc.kill()
        raise AssertionError(line + (proc.stderr.read() if proc.stderr else ""))
    return proc, int(found.group(1))


def test_the_command_prints_its_address_and_ctrl_c_ends_it_cleanly(minimal: Minimal) -> None:
    proc, port = _start(minimal())
    try:
        assert request(port, "/").status == 200
        with events(port) as stream:  # an open page does not hold the server back
            next(stream)
            proc.send_signal(signal.SIGINT)
            code = proc.wait(timeout=5)  # catches a hang; loaded CI machines vary in speed
    finally:
        proc.kill()
    assert proc.stderr is not None
    err = proc.stderr.read()
    assert code == 0 and "Traceback" not in err and "已停止预览" in err


def test_open_starts_the_browser_on_the_address(minimal: Minimal, tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n', "utf-8")
    browser.chmod(0o755)
    proc, port = _start(minimal(), "--open", BROWSER=f"{browser} %s")
    try:
        deadline = time.monotonic() + 10  # a liveness wait for a loaded machine
        while (
            not (opened.exists() and opened.read_text("utf-8").strip())
            and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        assert opened.read_text("utf-8").strip() == f"http://127.0.0.1:{port}/"
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=5)


def test_a_port_in_use_is_refused_in_chinese(minimal: Minimal) -> None:
    path = minimal()
    with serving(path) as served:
        result = invoke("preview", str(path), "--port", str(served.port))
    assert result.exit_code == 1
    assert f"端口 {served.port} 已被占用" in result.stderr and "Traceback" not in result.stderr


def test_usage_errors(minimal: Minimal, tmp_path: Path) -> None:
    assert invoke("preview", str(tmp_path / "missing.yaml")).exit_code == 2
    assert invoke("preview", str(minimal()), "--port", "70000").exit_code == 2
    result = invoke("preview", str(minimal()), "--template", str(tmp_path / "nothing"))
    assert result.exit_code == 1 and "--template 指定的模板不存在" in result.stderr


def test_the_example_previews_without_findings() -> None:
    preview = Preview(EXAMPLE, None)
    snapshot = preview.snapshot
    assert snapshot.current and snapshot.findings == ()
    assert EXAMPLE.with_name("township-2023.yaml").absolute() in snapshot.files


def test_a_save_that_changes_nothing_shown_sends_nothing(minimal: Minimal) -> None:
    path = minimal()
    preview = Preview(path, None)
    version = preview.snapshot.version
    (path.parent / "notes.txt").write_text("an unrelated file: the folder's time changes", "utf-8")
    preview.rebuild()
    assert preview.snapshot.version == version
    path.write_text(minimal_text(COMMA), "utf-8")
    preview.rebuild()
    assert preview.snapshot.version > version and preview.snapshot.count("warning") == 1
