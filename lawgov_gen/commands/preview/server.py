"""The preview's HTTP server: the standard library's, on 127.0.0.1 only, serving the page,
its event stream (server-sent events), the two downloads and the templates' assets.

Safe by construction: the socket is bound to the loopback address; a request whose Host
header is not that address (or localhost) with this port is refused, so a web page cannot
reach the preview through a rebound DNS name; only GET and HEAD; every response forbids
scripts, fonts and connections from anywhere else (Content-Security-Policy)."""

from __future__ import annotations

import contextlib
import secrets
import socketserver
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from lawgov_gen.commands.preview import page
from lawgov_gen.commands.preview.assets import font_asset, template_asset
from lawgov_gen.commands.preview.session import Preview, Unavailable
from lawgov_gen.commands.preview.snapshots import Snapshot
from lawgov_gen.errors import LawgovError, internal_error, os_words

LOOPBACK = "127.0.0.1"
KEEPALIVE = 15.0  # seconds between comments on an idle event stream
_GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


def _csp(nonce: str) -> str:
    return (
        "default-src 'none'; "
        f"script-src 'nonce-{nonce}'; "
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        "base-uri 'self'; form-action 'none'; frame-ancestors 'none'"
    )


class PreviewServer(ThreadingHTTPServer):
    """A threading HTTP server bound to 127.0.0.1 (port 0: a free one)."""

    daemon_threads = True

    def __init__(self, preview: Preview, port: int = 0) -> None:
        self.preview = preview
        try:
            super().__init__((LOOPBACK, port), Handler)
        except OSError as exc:
            if port and exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
                raise LawgovError(
                    f"端口 {port} 已被占用：请换一个 --port，或不加 --port 自动选择空闲端口"
                ) from None
            raise LawgovError(f"无法在 {LOOPBACK}:{port} 上启动预览：{os_words(exc)}") from None
        self.hosts = {f"{LOOPBACK}:{self.port}", f"localhost:{self.port}"}

    def server_bind(self) -> None:
        # HTTPServer.server_bind asks the resolver for a host name (getfqdn); not needed here
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = LOOPBACK, self.server_address[1]

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        return None  # a client that went away, or a bug already answered with 500

    def close(self) -> None:
        self.preview.stop()
        self.server_close()


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "lawgov-gen-preview"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        return None  # the terminal shows the URL and errors, not every request

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def _serve(self, body: bool) -> None:
        self.body = body
        try:
            self._route()
        except _GONE:
            pass
        except Exception as exc:  # a bug: answer it, keep serving
            with contextlib.suppress(*_GONE, OSError):
                self._text(500, internal_error(exc))

    def _route(self) -> None:
        host = (self.headers.get("Host") or "").strip().lower()
        if host not in self.server.hosts:
            self._text(403, "拒绝访问：只接受地址为 127.0.0.1 或 localhost 且端口正确的请求")
            return
        target = self.path
        if not target.startswith("/") or "\\" in target:
            self._text(400, "请求地址无效")
            return
        path = urlsplit(target).path
        preview = self.server.preview
        if path == "/":
            self._page()
        elif path == "/events":
            self._events()
        elif path in ("/report.docx", "/report.pdf"):
            self._download(path.rsplit(".", 1)[1])
        elif path.startswith("/t/"):
            rendered = preview.snapshot.rendered
            if rendered is None or unquote(path[3:]) not in rendered.assets:
                self._file(None)  # only what the page references, as the PDF fetcher
            else:
                self._file(template_asset(path[3:], rendered.templates.html_dirs))
        elif path.startswith("/font/"):
            rendered = preview.snapshot.rendered
            self._file(font_asset(path[6:], rendered.ctx.font_files if rendered else {}))
        else:
            self._text(404, "没有这个页面：预览只提供报告页面、更新通知、两个下载和模板引用的文件")

    def _headers(self, code: int, kind: str, length: int | None, nonce: str = "") -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", _csp(nonce or secrets.token_hex(8)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        self.send_header("X-Frame-Options", "DENY")

    def _send(self, code: int, kind: str, data: bytes, nonce: str = "", **extra: str) -> None:
        self._headers(code, kind, len(data), nonce)
        for name, value in extra.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.body:
            self.wfile.write(data)

    def _text(self, code: int, message: str) -> None:
        self._send(code, "text/plain; charset=utf-8", f"{message}\n".encode())

    def _page(self) -> None:
        preview = self.server.preview
        nonce = secrets.token_urlsafe(16)
        html = page.document(preview.snapshot, preview.session, nonce, preview.path)
        self._send(200, "text/html; charset=utf-8", html.encode("utf-8"), nonce)

    def _events(self) -> None:
        preview = self.server.preview
        self._headers(200, "text/event-stream; charset=utf-8", None)
        self.end_headers()
        if not self.body:
            return
        self.wfile.write(b"retry: 500\n\n")
        snapshot: Snapshot | None = preview.snapshot
        version = -1
        while not preview.stopped.is_set():
            if snapshot is None:
                self.wfile.write(b": \n\n")  # keeps the connection (and a dead client) in view
            else:
                version = snapshot.version
                data = page.payload(snapshot, preview.session, preview.path)
                self.wfile.write(f"id: {version}\ndata: {data}\n\n".encode())
            self.wfile.flush()
            snapshot = preview.newer(version, KEEPALIVE)

    def _download(self, kind: str) -> None:
        try:
            made = self.server.preview.download(kind)
        except Unavailable as exc:
            self._text(409, str(exc))
            return
        name = quote(made.filename)
        self._send(
            200,
            made.mime,
            made.data,
            Content_Disposition=f"attachment; filename=\"report.{kind}\"; filename*=UTF-8''{name}",
        )

    def _file(self, found: tuple[Any, str] | None) -> None:
        if found is None:
            self._text(404, "拒绝访问：只提供模板文件夹内、模板引用的样式、图片和字体文件")
            return
        path, kind = found
        try:
            data = path.read_bytes()
        except OSError as exc:
            self._text(404, f"无法读取：{os_words(exc)}")
            return
        self._send(200, kind, data)
