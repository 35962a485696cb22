"""The editor's schema for a new data file: `init` writes yaml-language-server's modeline as the
file's first line, pointing at the nearest lawgov-gen.schema.json (made when there is none)."""

from __future__ import annotations

import os
from pathlib import Path

from lawgov_gen.data.json_schema import schema_json
from lawgov_gen.output import replace_together

SCHEMA_FILE = "lawgov-gen.schema.json"


def schema_home(new: Path) -> tuple[Path, bool]:
    """Where the schema of a new data file is: the nearest lawgov-gen.schema.json from the
    file's folder up to the current directory (True), or where to make one (False): the
    current directory, or the file's own folder when it lies outside it."""
    folder = new.absolute().parent
    cwd = Path.cwd().absolute()
    top = cwd if folder == cwd or cwd in folder.parents else folder
    for place in (folder, *folder.parents):
        if (place / SCHEMA_FILE).is_file():
            return place / SCHEMA_FILE, True
        if place == top:
            break
    return top / SCHEMA_FILE, False


def with_modeline(new: Path, text: str) -> tuple[str, Path | None]:
    """The text with the modeline on top, and the schema file to write (None: it exists)."""
    schema, exists = schema_home(new)
    rel = Path(os.path.relpath(schema, new.absolute().parent)).as_posix()
    return f"# yaml-language-server: $schema={rel}\n{text}", None if exists else schema


def write_data_file(new: Path, text: str) -> Path | None:
    """Write a new data file with the modeline, and the schema file when there is none (both
    or neither); the schema file written, if any."""
    text, schema = with_modeline(new, text)
    outputs = [(new, text.encode("utf-8"))]
    if schema is not None:
        outputs.append((schema, (schema_json() + "\n").encode("utf-8")))
    replace_together(outputs)
    return schema
