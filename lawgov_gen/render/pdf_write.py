"""Serialise each PDF stream once, at our zlib level, through WeasyPrint's `finisher` seam.

pydyf 0.13's `PDF.write(identifier=...)` reads `obj.data` of every object twice: once to
write it, once more to join all of them for the MD5 of the /ID. For a Stream, `data`
compresses again each time (at zlib level 9), so every content and font stream went through
zlib twice. WeasyPrint hands the pydyf.PDF to a `finisher` just before `write`: there each
plain stream is replaced by an object holding its serialised bytes, so `write` and the /ID
hash read the same bytes, compressed once. The /ID stays the hash of the whole file's objects.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from functools import cache
from typing import Any

# Level 6 (zlib's default) takes half the time of 9 on these streams; the file is ~0.7% larger.
LEVEL = 6


def _serialise(stream: Any, level: int) -> bytes:
    """`pydyf.Stream.data` (0.13) with the zlib level as a parameter; `shim_works` checks
    that at level 9 it still gives pydyf's own bytes."""
    import pydyf

    if not stream.compress:
        data: bytes = stream.data
        return data
    raw = b"\n".join(pydyf._to_bytes(item) for item in stream.stream)
    extra = pydyf.Dictionary(stream.extra.copy())
    extra["Filter"] = "/FlateDecode"
    body = zlib.compress(raw, level)
    extra["Length"] = len(body)
    return b"\n".join((extra.data, b"stream", body, b"endstream"))


@cache
def shim_works() -> bool:
    """Whether this pydyf's streams serialise as `_serialise` expects (else leave them be)."""
    import pydyf

    try:
        probe = pydyf.Stream([b"BT", pydyf.String("x"), 1.5], {"Type": "/Probe"}, compress=True)
        return bool(_serialise(probe, 9) == probe.data)
    except Exception:  # any change of pydyf's internals: fall back to its own write
        return False


@cache
def _frozen_class() -> type:
    import pydyf

    class Serialised(pydyf.Object):  # type: ignore[misc]
        """A stream's bytes, computed once; numbered and placed like the stream it replaces."""

        def __init__(self, stream: Any, level: int) -> None:
            super().__init__()
            self.number, self.generation = stream.number, stream.generation
            self.offset, self.free = stream.offset, stream.free
            self._data = _serialise(stream, level)

        @property
        def data(self) -> bytes:
            return self._data

        @property
        def compressible(self) -> bool:
            return False  # a stream never goes into an object stream

    return Serialised


def once_finisher(level: int = LEVEL) -> Callable[[Any, Any], None] | None:
    """A `write_pdf(finisher=...)` that freezes every plain stream of the PDF; None when
    this pydyf does not match the shim (WeasyPrint then writes as it always did)."""
    if not shim_works():
        return None
    import pydyf

    frozen = _frozen_class()

    def finish(_document: Any, pdf: Any) -> None:
        for i, obj in enumerate(pdf.objects):
            # subclasses that compute `data` their own way are left alone
            if isinstance(obj, pydyf.Stream) and type(obj).data is pydyf.Stream.data:
                pdf.objects[i] = frozen(obj, level)

    return finish
