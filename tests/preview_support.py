"""The preview under test: a real server on a free loopback port in a thread, raw HTTP
requests (any Host header, any path as written), the event stream, headless Chromium."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from lawgov_gen.commands.preview import Preview, PreviewServer

CHROMIUM = next(
    (
        p
        for p in ("/usr/lib/chromium/chromium", shutil.which("chromium"))
        if p and os.access(p, os.X_OK)
    ),
    None,
)
CHROMEDRIVER = shutil.which("chromedriver")
try:
    import selenium  # noqa: F401

    SELENIUM = True
except ImportError:  # the dev extra is not installed
    SELENIUM = False

requires_chromium = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None or not SELENIUM,
    reason="没有安装 chromium、chromium-driver 或 selenium（bash scripts/install-system-deps.sh，"
    "pip install -e '.[dev]'）：跳过浏览器测试",
)

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1500,1100",
)


@dataclass
class Served:
    """A running preview: its session, server and address."""

    preview: Preview
    server: PreviewServer

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def url(self) -> str:
        return self.server.url


@contextmanager
def serving(path: Path, template: Path | None = None, interval: float = 0.05) -> Iterator[Served]:
    """A preview of `path` served in a thread until the block ends."""
    preview = Preview(path, template, interval=interval)
    server = PreviewServer(preview)
    preview.start()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield Served(preview, server)
    finally:
        server.shutdown()
        server.close()
        thread.join(timeout=5)


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def request(
    port: int,
    path: str,
    host: str | None = None,
    method: str = "GET",
    address: str = "127.0.0.1",
) -> Reply:
    """One request with the path sent exactly as written and the Host header given (the
    loopback address and port by default; "" sends none)."""
    conn = http.client.HTTPConnection(address, port, timeout=10)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        host = f"127.0.0.1:{port}" if host is None else host
        if host:
            conn.putheader("Host", host)
        conn.endheaders()
        response = conn.getresponse()
        body = response.read()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, body)
    finally:
        conn.close()


def first_event(port: int) -> dict[str, Any]:
    """The first update the event stream sends (the current state)."""
    with events(port) as stream:
        return next(stream)


@contextmanager
def events(port: int, timeout: float = 10) -> Iterator[Iterator[dict[str, Any]]]:
    """The event stream's updates, decoded, as they arrive."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.sendall(f"GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    reader = sock.makefile("rb")

    def updates() -> Iterator[dict[str, Any]]:
        for raw in reader:
            line = raw.decode("utf-8").rstrip("\r\n")
            if line.startswith("data: "):
                yield json.loads(line[6:])

    try:
        yield updates()
    finally:
        reader.close()
        sock.close()


def non_loopback_address() -> str | None:
    """An address of this machine other than loopback, or None when it has none."""
    candidates: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing address
            candidates.append(s.getsockname()[0])
    except OSError:
        pass
    with suppress(OSError):
        candidates += socket.gethostbyname_ex(socket.gethostname())[2]
    return next((a for a in candidates if not a.startswith("127.") and a != "0.0.0.0"), None)


def chromium(profile: Path, *, log_network: bool = False) -> Any:
    """A headless Chromium through the system's chromedriver (no network, a fresh profile
    in `profile`); with `log_network`, every request it makes is in its performance log."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    if log_network:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    assert CHROMIUM is not None and CHROMEDRIVER is not None
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
