"""Old .doc and .wps files go through LibreOffice; without it, the user is told what to do."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
import yaml

from lawgov_gen.commands.importer import legacy
from lawgov_gen.commands.importer.document_reader import read_document
from lawgov_gen.commands.importer.paragraphs import SourceParagraph
from tests.helpers import invoke
from tests.importer.builders import add_numbering, import_message, number

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
AFTER = "请用 Word 或 WPS 打开这个文件，“另存为 .docx”后再导入"


@pytest.mark.skipif(SOFFICE is None, reason="没有安装 LibreOffice（soffice）：无法生成或读取 .doc")
def test_doc_is_converted_and_read(tmp_path: Path) -> None:
    assert SOFFICE is not None
    source = tmp_path / "旧格式.docx"
    document = docx.Document()
    document.add_paragraph("示例县青禾镇2023年法治政府建设年度报告")
    lead = document.add_paragraph()
    lead.add_run("（一）加强组织领导。").bold = True
    lead.add_run("镇党委全年召开专题会议6次。")
    document.save(str(source))
    out = tmp_path / "doc"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "doc", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    doc = read_document(out / "旧格式.doc")
    assert doc.paragraphs == [
        SourceParagraph("示例县青禾镇2023年法治政府建设年度报告", where="第1段"),
        SourceParagraph(
            "（一）加强组织领导。镇党委全年召开专题会议6次。",
            bold_lead="（一）加强组织领导。",
            where="第2段",
        ),
    ]


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    monkeypatch.setattr(legacy, "find_soffice", lambda: None)
    path = tmp_path / f"报告{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert import_message(path) == (
        f"{path}: 错误 读取 {suffix} 文件需要 LibreOffice，但没有找到 soffice："
        "请用 Word 或 WPS 打开这个文件，“另存为 .docx”后再导入"
    )


def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    program = tmp_path / "soffice"
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(0o755)
    monkeypatch.setattr(legacy, "find_soffice", lambda: str(program))


def test_conversion_that_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_soffice(tmp_path, monkeypatch, "exit 1")
    path = tmp_path / "报告.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert import_message(path) == (
        f"{path}: 错误 LibreOffice 无法转换这个文件（可能已损坏或设置了打开密码）："
        "请用 Word 或 WPS 打开它，“另存为 .docx”后再导入"
    )


def test_old_word_file_named_docx_is_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_soffice(tmp_path, monkeypatch, "exit 1")
    path = tmp_path / "改了扩展名.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert "LibreOffice 无法转换这个文件" in import_message(path)


def test_conversion_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_soffice(tmp_path, monkeypatch, "sleep 30")
    monkeypatch.setattr(legacy, "TIMEOUT", 1)
    path = tmp_path / "报告.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert import_message(path) == f"{path}: 错误 LibreOffice 转换超过 1 秒仍未完成：{AFTER}"


def test_docx_under_an_old_name_needs_no_conversion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(legacy, "find_soffice", lambda: None)
    path = tmp_path / "其实是docx.wps"
    document = docx.Document()
    document.add_paragraph("青禾镇全年开展普法活动15场次。")
    document.save(str(path))
    assert read_document(path).paragraphs == [
        SourceParagraph("青禾镇全年开展普法活动15场次。", where="第1段")
    ]


def test_doc_with_word_numbering_keeps_its_headings(tmp_path: Path) -> None:
    """LibreOffice rewrites chineseCounting as taiwaneseCountingThousand on the way through."""
    assert SOFFICE is not None
    source = tmp_path / "编号.docx"
    document = docx.Document()
    add_numbering(document)
    number(document.add_paragraph("主要做法和成效"), 90, 0)
    number(document.add_paragraph("加强组织领导"), 90, 1)
    document.add_paragraph("镇党委全年召开专题会议6次。")
    number(document.add_paragraph("存在的问题与不足"), 90, 0)
    document.add_paragraph("执法力量相对薄弱。")
    document.save(str(source))
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    out = tmp_path / "2023.yaml"
    result = invoke("import", str(tmp_path / "编号.doc"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(out.read_text("utf-8"))
    assert "intro" not in data
    assert data["measures"] == [{"title": "加强组织领导", "text": "镇党委全年召开专题会议6次。"}]
    # the part's only paragraph is its shortcoming, not an intro to none
    assert data["problems"] == {"shortcomings": [{"text": "执法力量相对薄弱。"}]}
