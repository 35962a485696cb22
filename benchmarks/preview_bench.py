"""Save-to-updated-page time of `lawgov-gen preview`: the example is saved with a new word,
and the clock stops when the update arrives — on the event stream, and, when Chromium and
selenium are installed, in a headless browser's DOM (the page script has swapped it in)."""

from __future__ import annotations

import json
import shutil
import socket
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# new words without Arabic digits or half-width marks: the saves add no finding
WORDS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"
ANCHOR = "现将有关情况报告如下："
RUNS, WARMUPS = 10, 2


def _copy(examples: Path, tmp: Path) -> Path:
    folder = tmp / "preview"
    folder.mkdir()
    for name in ("township.yaml", "township-2023.yaml"):
        shutil.copy(examples / name, folder / name)
    return folder / "township.yaml"


def _save(path: Path, original: str, word: str) -> str:
    marker = f"（{word}）"
    assert ANCHOR in original
    path.write_text(original.replace(ANCHOR, marker + ANCHOR, 1), "utf-8")
    return marker


def _updates(port: int) -> Iterator[dict[str, Any]]:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(f"GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    for raw in sock.makefile("rb"):
        line = raw.decode("utf-8")
        if line.startswith("data: "):
            yield json.loads(line[6:])


def _chromium(profile: Path) -> Any | None:
    chromium = Path("/usr/lib/chromium/chromium")
    driver = shutil.which("chromedriver")
    if not chromium.is_file() or driver is None:
        return None
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in (
        "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
        "--disable-background-networking --disable-component-update --disable-sync --no-first-run"
    ).split():
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    return webdriver.Chrome(options=options, service=Service(driver))


# resolves with Date.now() once the page shows the marker (the clocks of this process and the
# browser are the same system clock)
_WAIT_IN_PAGE = """
const want = arguments[0], done = arguments[arguments.length - 1];
const seen = () => document.body.textContent.includes(want);
if (seen()) { done(Date.now()); return; }
const watcher = new MutationObserver(() => { if (seen()) { watcher.disconnect(); done(Date.now()); } });
watcher.observe(document.body, {childList: true, subtree: true, characterData: true});
window.lgBenchReady = true;
"""


def _browser_times(driver: Any, url: str, path: Path, original: str) -> list[float]:
    driver.set_script_timeout(10)
    driver.get(url)
    times = []
    for i in range(WARMUPS + RUNS):
        word = WORDS[(i + 10) % len(WORDS)] * 2
        marker = f"（{word}）"
        saved: list[float] = []

        def later(word: str = word, saved: list[float] = saved) -> None:
            time.sleep(0.3)  # the observer is in place
            saved.append(time.time())
            _save(path, original, word)

        writer = threading.Thread(target=later)
        writer.start()
        shown_ms = driver.execute_async_script(_WAIT_IN_PAGE, marker)
        writer.join()
        if i >= WARMUPS:
            times.append(shown_ms / 1000 - saved[0])
    return times


def measure(
    examples: Path, tmp: Path, report: Callable[..., None], note: Callable[[str], None]
) -> None:
    from lawgov_gen.commands.preview import Preview, PreviewServer

    print("\n[4] preview — examples/township.yaml: save → updated page")
    path = _copy(examples, tmp)
    original = path.read_text("utf-8")
    preview = Preview(path, None)
    server = PreviewServer(preview)
    preview.start()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        stream = _updates(server.port)
        next(stream)
        times = []
        for i in range(WARMUPS + RUNS):
            start = time.perf_counter()
            marker = _save(path, original, WORDS[i % len(WORDS)])
            while marker not in next(stream)["body"]:
                pass
            if i >= WARMUPS:
                times.append(time.perf_counter() - start)
        report(
            "save → update on the event stream (median of 10)", statistics.median(times), " s", 0.5
        )
        driver = _chromium(tmp / "chromium-profile")
        if driver is None:
            note("chromium/chromedriver/selenium not installed: browser measurement skipped")
        else:
            try:
                shown = _browser_times(driver, server.url, path, original)
            finally:
                driver.quit()
            report(
                "save → page updated in Chromium (median of 10)",
                statistics.median(shown),
                " s",
                0.5,
            )
        note(f"the watcher polls every {preview.interval:.2f} s; worst run {max(times):.3f} s")
    finally:
        server.shutdown()
        server.close()
        thread.join(timeout=5)
