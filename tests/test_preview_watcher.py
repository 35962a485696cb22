"""The preview's file watcher: a save is taken once it has settled."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgov_gen.commands.preview import watcher
from lawgov_gen.commands.preview.session import Preview
from tests.helpers import Minimal, minimal_text


def test_an_empty_file_is_waited_for_until_the_editor_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an editor truncated the file, then paused (a busy machine) before writing it
    path = tmp_path / "report.yaml"
    path.write_text("", "utf-8")
    first = watcher.signatures([path])
    looks = 0

    def sleep(_: float) -> None:
        nonlocal looks
        looks += 1
        if looks == 5:  # 0.1 s later: two looks agreed on the empty file long before
            path.write_text("version: 1\n", "utf-8")

    monkeypatch.setattr("time.sleep", sleep)
    sig = watcher.settled([path], first)[path]
    assert sig is not None and sig[1] == len("version: 1\n")
    assert looks == 6  # and it stops at the first two looks that agree on a written file


def test_a_written_file_is_taken_at_the_first_two_looks_that_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.yaml"
    path.write_text("version: 1\n", "utf-8")
    looks: list[float] = []
    monkeypatch.setattr("time.sleep", looks.append)
    assert watcher.settled([path], watcher.signatures([path])) == watcher.signatures([path])
    assert looks == [watcher.SETTLE]


def test_a_file_that_was_empty_before_holds_nothing_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep, data = tmp_path / ".gitkeep", tmp_path / "report.yaml"
    keep.write_text("", "utf-8")
    data.write_text("version: 1\n", "utf-8")
    before = watcher.signatures([keep, data])
    data.write_text("version: 1\nreport: {}\n", "utf-8")
    looks: list[float] = []
    monkeypatch.setattr("time.sleep", looks.append)
    now = watcher.signatures([keep, data])
    assert watcher.settled([keep, data], now, before) == now
    assert looks == [watcher.SETTLE]


def test_a_save_before_the_watcher_starts_is_seen(minimal: Minimal) -> None:
    path = minimal()
    preview = Preview(path, None, interval=0.05)
    try:
        before = preview.snapshot
        path.write_text(
            minimal_text(("健全依法决策机制。", "健全依法决策机制，落实合法性审查。")), "utf-8"
        )
        preview.start()
        after = preview.newer(before.version, 10)
        assert after is not None and after.rendered is not None
        assert "落实合法性审查" in after.rendered.plain
    finally:
        preview.stop()
