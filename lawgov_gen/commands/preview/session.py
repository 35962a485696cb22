"""A preview session: the current snapshot, rebuilt by the watcher after each save, handed
to the page's event streams; and the two downloads, rendered on demand from it."""

from __future__ import annotations

import dataclasses
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from lawgov_gen.checks.glyph_rules import PDF_ONLY_RULES
from lawgov_gen.checks.runner import blocking
from lawgov_gen.commands.preview.page import content
from lawgov_gen.commands.preview.snapshots import Builder, Snapshot
from lawgov_gen.commands.preview.watcher import INTERVAL, signatures_since, watch
from lawgov_gen.errors import LawgovError

MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


class Unavailable(Exception):
    """A download that cannot be made now; the message says why, in Chinese."""


@dataclass(frozen=True)
class Download:
    data: bytes
    filename: str
    mime: str


class Preview:
    """One data file under preview. `start()` begins watching; `stop()` ends the session
    and every event stream waiting on it."""

    def __init__(self, path: Path, template: Path | None, interval: float = INTERVAL) -> None:
        self.path = path
        self.builder = Builder(path, template)
        self.builder.check_templates()  # a bad --template is refused before serving
        self.interval = interval
        self.session = secrets.token_hex(8)  # a restarted preview makes open pages reload
        self.changed = threading.Condition()
        self.stopped = threading.Event()
        started = time.time_ns()
        self.snapshot: Snapshot = self.builder.build()
        # what the first build read, as it was: a save before the watcher starts is seen
        self.seen = signatures_since(self.snapshot.files, started)
        self.render_lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(
            target=watch,
            args=(
                lambda: self.snapshot.files,
                self.rebuild,
                self.stopped,
                self.interval,
                self.seen,
            ),
            name="lawgov-preview-watcher",
            daemon=True,
        )
        self.thread.start()

    def rebuild(self) -> None:
        snapshot = self.builder.build()
        if content(snapshot) == content(self.snapshot):
            # nothing the page shows changed (a folder's time, a template comment): the new
            # state under the old version, so nothing is sent
            old = self.snapshot
            self.snapshot = dataclasses.replace(snapshot, version=old.version, at=old.at)
            return
        with self.changed:
            self.snapshot = snapshot
            self.changed.notify_all()

    def stop(self) -> None:
        self.stopped.set()
        with self.changed:
            self.changed.notify_all()
        if self.thread is not None and self.thread is not threading.current_thread():
            self.thread.join(timeout=1)

    def newer(self, version: int, timeout: float) -> Snapshot | None:
        """The snapshot once it is newer than `version`; None on timeout or when stopped."""
        with self.changed:
            self.changed.wait_for(
                lambda: self.snapshot.version > version or self.stopped.is_set(), timeout
            )
            snapshot = self.snapshot
        return snapshot if snapshot.version > version and not self.stopped.is_set() else None

    def download(self, kind: str) -> Download:
        """The .docx or .pdf of the current data, rendered now; Unavailable with the reason
        when the data has errors or the output cannot be made."""
        snapshot = self.snapshot
        rendered = snapshot.rendered
        # the findings are those of `render --pdf`; a .docx is stopped as `render` stops it
        stops = [
            d
            for d in blocking(list(snapshot.findings), strict=False)
            if kind == "pdf" or d.rule not in PDF_ONLY_RULES
        ]
        if rendered is None or not snapshot.current or stops:
            raise Unavailable(
                "当前数据文件有错误，无法生成：请先改正页面顶部列出的错误（与 lawgov-gen render 相同）"
            )
        try:
            with self.render_lock:  # one render at a time; the PDF reuses the warm fonts
                if kind == "docx":
                    from lawgov_gen.render.word import render_docx

                    data = render_docx(rendered.ctx, self.builder.word_templates())
                else:
                    from lawgov_gen.render.pdf import render_pdf

                    data = render_pdf(rendered.ctx, rendered.templates)
        except LawgovError as exc:
            raise Unavailable(exc.format()) from None
        return Download(data, f"{self.path.stem}.{kind}", MIME[kind])
