"""WeasyPrint's native libraries load without the subprocess search, and the slow search
still works when a library does not load directly. No timings: what is asked, and that the
import works."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from lawgov_gen.render.weasy import SONAMES, fast_find_library, library_for

# WeasyPrint 70's spellings (weasyprint/text/ffi.py), the libraries they name here.
SPELLINGS = {
    "libgobject-2.0.so.0": ["libgobject-2.0-0", "gobject-2.0-0", "gobject-2.0"],
    "libpango-1.0.so.0": ["libpango-1.0-0", "pango-1.0-0", "pango-1.0", "libpango-1.0.dylib"],
    "libharfbuzz.so.0": ["libharfbuzz-0", "harfbuzz", "harfbuzz-0.0", "libharfbuzz.0.dylib"],
    "libharfbuzz-subset.so.0": ["libharfbuzz-subset-0", "harfbuzz-subset", "harfbuzz-subset-0.0"],
    "libharfbuzz-vector.so.0": [
        "libharfbuzz-vector-0",
        "harfbuzz-vector",
        "libharfbuzz-vector.so.0",
    ],
    "libfontconfig.so.1": ["libfontconfig-1", "fontconfig-1", "fontconfig", "libfontconfig-1.dll"],
    "libpangoft2-1.0.so.0": ["libpangoft2-1.0-0", "pangoft2-1.0-0", "pangoft2-1.0"],
}


def test_every_weasyprint_spelling_names_its_library() -> None:
    assert sorted(SPELLINGS) == sorted(SONAMES)
    for soname, names in SPELLINGS.items():
        for name in names:
            assert library_for(name) == soname, name
    for other in ("harfbuzz-icu", "pangocairo-1.0", "c", "libgobject", "gobject-2.0-x"):
        assert library_for(other) is None, other


def test_a_library_that_does_not_load_directly_gets_one_real_search() -> None:
    asked: list[str] = []

    def real(name: str) -> str | None:
        asked.append(name)
        return "libnot-here-1.0.so.7" if name == "not-here-1.0" else None

    find = fast_find_library(real, ("libnot-here-1.0.so.0",))
    # every spelling shares the one search under the plain name; other names go through
    assert [find(n) for n in ("libnot-here-1.0-0", "not-here-1.0-0", "not-here-1.0")] == [
        "libnot-here-1.0.so.7"
    ] * 3
    assert find("harfbuzz-icu") is None
    assert asked == ["not-here-1.0", "harfbuzz-icu"]


def _import_in_a_child(prelude: str) -> tuple[list[str], bool]:
    """Import WeasyPrint through load_weasyprint in a fresh interpreter: the names the
    real find_library was asked, and whether it is restored and WeasyPrint works."""
    code = textwrap.dedent(
        """
        import ctypes, ctypes.util, json, sys
        asked = []
        original = ctypes.util.find_library
        def recording(name):
            asked.append(name)
            return original(name)
        ctypes.util.find_library = recording
        {prelude}
        from lawgov_gen.render.weasy import SONAMES, load_weasyprint
        weasyprint = load_weasyprint()
        from weasyprint.text.ffi import pango, ffi
        html = weasyprint.HTML(string="<p>法治</p>")
        print(json.dumps({{
            "asked": asked,
            "restored": ctypes.util.find_library is recording,
            "pango": pango.pango_version() > 0,
            "pages": len(html.render().pages),
        }}))
        """
    ).format(prelude=prelude)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert "could not import some external libraries" not in out.stdout + out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    works = bool(result["restored"] and result["pango"] and result["pages"] == 1)
    return sorted(str(name) for name in result["asked"]), works


def _loads(soname: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="快速查找只适用于 Linux")
def test_import_asks_the_real_search_only_for_libraries_that_do_not_load() -> None:
    asked, works = _import_in_a_child("")
    assert asked == sorted(s.removeprefix("lib").split(".so")[0] for s in SONAMES if not _loads(s))
    assert works


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="快速查找只适用于 Linux")
def test_import_falls_back_to_the_real_search_when_direct_loading_fails() -> None:
    # Every direct load fails (as on a system with other sonames): each library is found
    # by the real find_library under its plain name, and WeasyPrint still works.
    prelude = """
import ctypes
class Refusing(ctypes.CDLL):
    def __init__(self, name, *args, **kwargs):
        raise OSError(f"refused: {name}")
ctypes.CDLL = Refusing
"""
    asked, works = _import_in_a_child(prelude)
    assert asked == sorted(s.removeprefix("lib").split(".so")[0] for s in SONAMES)
    assert works
