"""What every format shares: the file must exist, be a file, have a known extension, hold bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgov_gen.commands.importer.document_reader import read_document
from lawgov_gen.commands.importer.paragraphs import ImportProblem, SourceParagraph
from lawgov_gen.errors import LawgovError


def _problem(path: Path) -> ImportProblem:
    with pytest.raises(ImportProblem) as info:
        read_document(path)
    return info.value


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "没有.docx"
    assert str(_problem(path)) == f"{path}: 错误 文件不存在"


def test_folder(tmp_path: Path) -> None:
    assert str(_problem(tmp_path)) == f"{tmp_path}: 错误 这是一个文件夹：请指定要导入的报告文件"


@pytest.mark.parametrize(("name", "kind"), [("报告.xlsx", "“.xlsx”"), ("报告", "（没有扩展名）")])
def test_unknown_extension(tmp_path: Path, name: str, kind: str) -> None:
    path = tmp_path / name
    path.write_text("青禾镇", encoding="utf-8")
    assert str(_problem(path)) == (
        f"{path}: 错误 不支持的文件类型{kind}：支持 .docx、.doc、.wps、.pdf、.html、.htm、.shtml、.txt、.md"
    )


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html", ".txt", ".doc"])
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"空{suffix}"
    path.write_bytes(b"")
    problem = _problem(path)
    assert str(problem) == f"{path}: 错误 文件是空的"
    assert (problem.path, problem.message) == (str(path), "文件是空的")
    assert isinstance(problem, LawgovError)


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "报告.TXT"
    path.write_text("青禾镇全年开展普法活动15场次。", encoding="utf-8")
    assert read_document(path).paragraphs == [
        SourceParagraph("青禾镇全年开展普法活动15场次。", where="第1行")
    ]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "报告.txt"
    path.write_text("青禾镇", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert str(_problem(path)) == f"{path}: 错误 无法读取文件：Permission denied"
