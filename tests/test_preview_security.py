"""The preview over real HTTP serves only its page, event stream, downloads and the templates'
assets: traversal, symbolic links, other paths and foreign Host headers are refused, and the
server cannot be reached on any address but loopback."""

from __future__ import annotations

import errno
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import Minimal
from tests.preview_support import Served, non_loopback_address, request, serving

SECRET = b"secret: outside the template folder"
CSS = "p { color: #000; } .seal { background: url(img/seal.png); }"


@pytest.fixture
def served(minimal: Minimal, tmp_path: Path) -> Iterator[Served]:
    """A preview with a user template folder holding a stylesheet, an image, a subfolder,
    a page and data that are not assets, and links to a file outside and inside it."""
    folder = tmp_path / "tpl"
    (folder / "img").mkdir(parents=True)
    (folder / "report.css").write_text(CSS, "utf-8")
    (folder / "report.html").write_text('{% extends "builtin/report.html" %}', "utf-8")
    (folder / "img" / "seal.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "img" / "unused.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # nothing names it
    (folder / "notes.yaml").write_text("private: yes", "utf-8")
    (folder / ".hidden.css").write_text("p {}", "utf-8")
    (tmp_path / "secret.css").write_bytes(SECRET)
    (folder / "outside.css").symlink_to(tmp_path / "secret.css")
    (folder / "inside.css").symlink_to(folder / "report.css")
    (folder / "linked").symlink_to(tmp_path, target_is_directory=True)
    with serving(minimal(), folder) as running:
        yield running


def test_the_page_stream_downloads_and_assets_are_served(served: Served) -> None:
    page = request(served.port, "/")
    assert page.status == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    assert '<link rel="stylesheet" data-lg-css href="/t/0/report.css?v=' in page.text
    assert request(served.port, "/t/0/report.css").text == CSS
    assert request(served.port, "/t/1/report.css").text.startswith("/* GB/T 9704-2012")
    seal = request(served.port, "/t/0/img/seal.png")
    assert seal.status == 200 and seal.headers["content-type"] == "image/png"
    assert request(served.port, "/t/0/report.css", host=f"localhost:{served.port}").status == 200
    assert request(served.port, "/", method="HEAD").body == b""
    # as `render --template` would: a folder without report.docx gives no Word file
    word = request(served.port, "/report.docx")
    assert word.status == 409 and "模板文件夹中没有 report.docx" in word.text


@pytest.mark.parametrize(
    "path",
    [
        "/t/0/../secret.css",
        "/t/0/img/../../secret.css",
        "/t/0/%2e%2e/secret.css",
        "/t/0/..%2fsecret.css",
        "/t/0/img%2f..%2f..%2fsecret.css",
        "/t/0/.%2e/secret.css",
        "/t/0/..%5csecret.css",
        "/t/0/./report.css",
        "/t/0//report.css",
        "/../secret.css",
        "/t/1/../../../../../../etc/passwd",
        "/t/0/linked/secret.css",
    ],
)
def test_traversal_is_refused(served: Served, path: str) -> None:
    reply = request(served.port, path)
    assert reply.status in (400, 404) and SECRET not in reply.body, path


@pytest.mark.parametrize("name", ["outside.css", "inside.css"])
def test_symbolic_links_are_refused_even_inside_the_folder(served: Served, name: str) -> None:
    reply = request(served.port, f"/t/0/{name}")
    assert reply.status == 404 and SECRET not in reply.body and b"color" not in reply.body


@pytest.mark.parametrize(
    "path",
    [
        "/t/0/",  # no directory listing
        "/t/0/img",
        "/t/0/img/",
        "/t/0/report.html",  # a template, not an asset
        "/t/0/notes.yaml",
        "/t/0/.hidden.css",
        "/t/2/report.css",  # no such folder
        "/t/x/report.css",
        "/t/0/missing.css",
        "/t/0/img/unused.png",  # in the folder, but no template references it
        "/etc/passwd",
        "/report.yaml",
        "/index.html",
        "/font/body",  # the report names no font file
        "/font/../../etc/passwd",
    ],
)
def test_paths_outside_what_the_page_uses_are_refused(served: Served, path: str) -> None:
    reply = request(served.port, path)
    assert reply.status == 404, (path, reply.status)
    assert reply.headers["content-type"] == "text/plain; charset=utf-8"


@pytest.mark.parametrize(
    "target",
    [b"/t/\xb2/report.css", b"/t/0/" + b"a/" * 5000 + b"x.css", b"/t/\xd9\xa0/report.css"],
    ids=["superscript-digit", "name-too-long", "arabic-digit"],
)
def test_odd_request_paths_are_not_found_not_a_server_error(served: Served, target: bytes) -> None:
    with socket.create_connection(("127.0.0.1", served.port), timeout=10) as sock:
        host = f"127.0.0.1:{served.port}".encode()
        sock.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: " + host + b"\r\n\r\n")
        status = sock.makefile("rb").readline()
    assert status.split()[1] in (b"400", b"404", b"414"), status  # refused, never a 500


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:{port}",
        "127.0.0.1.evil.example:{port}",
        "localhost.evil.example:{port}",
        "127.0.0.1:{other}",
        "127.0.0.1",
        "0.0.0.0:{port}",
        "[::1]:{port}",
        "",
    ],
)
def test_a_foreign_host_header_is_refused(served: Served, host: str) -> None:
    host = host.format(port=served.port, other=served.port + 1)
    for path in ("/", "/events", "/report.docx", "/t/0/report.css"):
        reply = request(served.port, path, host=host)
        assert reply.status == 403, (host, path)
        assert "拒绝访问" in reply.text


def test_only_get_and_head_and_no_absolute_form(served: Served) -> None:
    assert request(served.port, "/", method="POST").status == 501
    assert request(served.port, "/", method="PUT").status == 501
    assert request(served.port, f"http://127.0.0.1:{served.port}/").status == 400


def test_every_response_forbids_other_origins(served: Served) -> None:
    for path in ("/", "/t/0/report.css", "/nothing"):
        headers = request(served.port, path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "font-src 'self'" in csp
        assert "http" not in csp and "*" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["cross-origin-resource-policy"] == "same-origin"
        assert "access-control-allow-origin" not in headers
    page = request(served.port, "/").text
    assert "https://" not in page and "http://" not in page  # nothing from the network


def test_the_server_listens_on_loopback_only(served: Served) -> None:
    assert served.server.server_address[0] == "127.0.0.1"
    address = non_loopback_address()
    if address is None:
        pytest.skip("这台机器只有回环地址：无法从其他地址尝试连接")
    with pytest.raises(OSError) as refused:
        socket.create_connection((address, served.port), timeout=2).close()
    assert refused.value.errno in (errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH)


def test_the_reports_own_font_file_is_served_to_the_page(minimal: Minimal, tmp_path: Path) -> None:
    from lawgov_gen.render.fonts import find_face

    kai = find_face("FandolKai", bold=False)
    if kai is None:
        pytest.skip("没有安装 FandolKai 字体（bash scripts/install-system-deps.sh）")
    (tmp_path / "fonts").mkdir()
    shutil.copy(kai.file, tmp_path / "fonts" / "my-fangsong.otf")
    path = minimal(
        (
            "  short: 示例镇\n",
            "  short: 示例镇\n  fonts:\n    files: {body: fonts/my-fangsong.otf}\n",
        )
    )
    with serving(path) as running:
        page = request(running.port, "/").text
        assert 'src: url("/font/body")' in page and "file:" not in page
        font = request(running.port, "/font/body")
        assert font.status == 200 and font.headers["content-type"] == "font/otf"
        assert font.body == (tmp_path / "fonts" / "my-fangsong.otf").read_bytes()
        assert request(running.port, "/font/title").status == 404


def test_the_reports_text_and_template_comments_reference_nothing(
    minimal: Minimal, tmp_path: Path
) -> None:
    folder = tmp_path / "tpl"
    (folder / "img").mkdir(parents=True)
    for name in ("a.png", "b.png", "c.png"):
        (folder / "img" / name).write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "report.html").write_text(
        '{% extends "builtin/report.html" %}{% block head %}'
        '<!-- <img src="img/b.png"> --><i data-src="img/c.png"></i>{{ super() }}{% endblock %}',
        "utf-8",
    )
    path = minimal(("健全依法决策机制。", "健全依法决策机制 url(img/a.png) <img src=img/a.png>。"))
    with serving(path, folder) as served:
        assert served.preview.snapshot.current, served.preview.snapshot.problems
        for name in ("a.png", "b.png", "c.png"):
            assert request(served.port, f"/t/0/img/{name}").status == 404, name
