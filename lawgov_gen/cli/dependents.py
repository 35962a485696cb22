"""The reports that use a file: `check --dependents` (the pre-commit hook) rechecks them when a
catalogue, a `previous` file or an included file changes, though only that file was staged."""

from __future__ import annotations

import os
from collections import deque
from pathlib import Path

from lawgov_gen.data.paths import real_path, resolve_reference
from lawgov_gen.data.reading import parse_yaml, read_text
from lawgov_gen.data.source_map import SourceFile

YAML_SUFFIXES = (".yaml", ".yml")
# words a file must contain to name another file at all: most files are read, not parsed
_WORDS = ("include", "previous", "catalog")


def repository_files(root: Path) -> list[Path]:
    """Every *.yaml/*.yml under `root`, leaving out dot-folders and dot-files (.git, .github,
    .venv, .pre-commit-config.yaml: tooling, not report data) and node_modules."""
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        for name in sorted(files):
            if name.lower().endswith(YAML_SUFFIXES) and not name.startswith("."):
                out.append(Path(folder) / name)
    return out


def references(path: Path) -> list[Path]:
    """The files a data file names: include, previous and report.catalog (those that
    resolve; a wrong one is the loader's to report when the file itself is checked)."""
    text, _ = read_text(path, str(path))
    if text is None or not any(w in text for w in _WORDS):
        return []
    data = parse_yaml(SourceFile(str(path), path, text))[0]
    if not isinstance(data, dict):
        return []
    refs = data.get("include")
    named = [r for r in refs if isinstance(r, str)] if isinstance(refs, list) else []
    report = data.get("report")
    for ref in (data.get("previous"), report.get("catalog") if isinstance(report, dict) else None):
        if isinstance(ref, str):
            named.append(ref)
    out = []
    for ref in named:
        target, _why = resolve_reference(ref, path)
        if target is not None:
            out.append(target)
    return out


def dependents(changed: list[Path], root: Path) -> list[Path]:
    """The files under `root` that use any of `changed`, directly or through others (a
    catalogue → the townships; a township → next year's, whose `previous` it is), in the
    order found. The changed files themselves are not included."""
    users: dict[Path, list[Path]] = {}
    for path in repository_files(root):
        for target in references(path):
            users.setdefault(target, []).append(path)
    seen = {real_path(p) for p in changed}
    queue = deque(seen)
    out = []
    while queue:
        for user in users.get(queue.popleft(), []):
            real = real_path(user)
            if real not in seen:
                seen.add(real)
                queue.append(real)
                out.append(user)
    return out
