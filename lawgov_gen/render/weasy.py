"""Import WeasyPrint without its slow search for the native libraries.

WeasyPrint (text/ffi.py) opens each library through cffi's `ffi.dlopen` under several
spellings in turn ('libgobject-2.0-0', 'gobject-2.0-0', 'gobject-2.0', 'libgobject-2.0.so.0',
…) and keeps the first that loads. cffi tries a name as a file first and then, as its
documentation says, through `ctypes.util.find_library`, which on Linux runs ldconfig, gcc and
ld for every spelling: some seventy subprocesses and a quarter of a second per process.

During the import we answer `find_library` for those libraries ourselves: with the usual
Linux soname when that loads directly (milliseconds), else with one real search under the
library's plain name, shared by all its spellings. Any other name goes to the real
`find_library`, and on other systems nothing is changed: the slow path, as before.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import re
import sys
import threading
from collections.abc import Iterator
from functools import cache
from types import ModuleType
from typing import Protocol

from lawgov_gen.errors import FontProblem
from lawgov_gen.render.setup_steps import pango_step

# The libraries WeasyPrint opens, by their Linux soname; the stem ("pango-1.0") is the name
# find_library takes. Optional ones (harfbuzz-subset, harfbuzz-vector) may be absent.
SONAMES = (
    "libgobject-2.0.so.0",
    "libpango-1.0.so.0",
    "libpangoft2-1.0.so.0",
    "libharfbuzz.so.0",
    "libharfbuzz-subset.so.0",
    "libharfbuzz-vector.so.0",
    "libfontconfig.so.1",
)
# What may follow the stem in a spelling: versions and a library file extension.
_TAIL = re.compile(r"[-.\d]*(?:so[.\d]*|dylib|dll)?")
_LOCK = threading.Lock()


class FindLibrary(Protocol):
    """The shape of `ctypes.util.find_library`."""

    def __call__(self, name: str) -> str | None: ...


def _stem(soname: str) -> str:
    return soname.removeprefix("lib").split(".so", 1)[0]


def library_for(name: str, sonames: tuple[str, ...] | None = None) -> str | None:
    """The soname (of `sonames`, default SONAMES) that a WeasyPrint spelling names, or None:
    'libpango-1.0-0' and 'pango-1.0' name libpango-1.0.so.0, 'harfbuzz-subset-0' names
    libharfbuzz-subset.so.0, 'harfbuzz-icu' none."""
    bare = name.removeprefix("lib")
    for soname in sorted(sonames or SONAMES, key=lambda s: -len(_stem(s))):  # longest first
        stem = _stem(soname)
        if bare.startswith(stem) and _TAIL.fullmatch(bare[len(stem) :]):
            return soname
    return None


def fast_find_library(real: FindLibrary, sonames: tuple[str, ...] | None = None) -> FindLibrary:
    """A `find_library` that answers WeasyPrint's spellings without a subprocess when the
    soname loads directly, and asks `real` once per library otherwise."""

    @cache
    def direct(soname: str) -> str | None:
        try:
            ctypes.CDLL(soname)
        except OSError:
            return real(_stem(soname))  # one real search, for every spelling of it
        return soname

    def find(name: str) -> str | None:
        soname = library_for(name, sonames)
        return real(name) if soname is None else direct(soname)

    return find


@contextlib.contextmanager
def _quick_library_search() -> Iterator[None]:
    real = ctypes.util.find_library
    ctypes.util.find_library = fast_find_library(real)
    try:
        yield
    finally:
        ctypes.util.find_library = real


def load_weasyprint() -> ModuleType:
    """The `weasyprint` module, imported with the quick library search on Linux."""
    loaded = sys.modules.get("weasyprint")
    if loaded is not None and hasattr(loaded, "HTML"):
        return loaded
    linux = sys.platform.startswith("linux")
    # the lock keeps two threads from swapping find_library in and out over each other
    with _LOCK, _quick_library_search() if linux else contextlib.nullcontext():
        try:
            import weasyprint
        except OSError:  # "cannot load library 'libpango-1.0-0'": Pango is not installed
            raise FontProblem(f"找不到 Pango 库，无法生成 PDF：{pango_step()}") from None
    module: ModuleType = weasyprint
    return module
