"""Input expansion: files as given, a folder as every report in it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lawgov_gen.data.catalog import is_catalog_file
from lawgov_gen.data.paths import display_name, real_path, resolve_reference
from lawgov_gen.data.reading import parse_yaml, read_text
from lawgov_gen.data.source_map import SourceFile
from lawgov_gen.errors import LawgovError

YAML_SUFFIXES = (".yaml", ".yml")


def _included_by(files: list[Path]) -> dict[Path, list[Path]]:
    """The files that a report of the folder includes (parts of it, not reports), each
    with the reports that include it. Files that only include each other are no parts of
    anything: they stay reports, and the loader names their cycle."""
    out: dict[Path, list[Path]] = {}
    for path in files:
        text, _ = read_text(path, str(path))
        if text is None or "include" not in text:
            continue  # most files include nothing: no need to parse them
        data = parse_yaml(SourceFile(str(path), path, text))[0]
        if not isinstance(data, dict):  # `report:` itself may come from a part
            continue
        refs = data.get("include", [])
        for ref in refs if isinstance(refs, list) else []:
            if isinstance(ref, str):
                target, _why = resolve_reference(ref, path)
                if target is not None and target != real_path(path):  # itself: still a report
                    out.setdefault(target, []).append(path)
    while True:  # a part needs an includer that is not a part itself
        parts = {t for t, by in out.items() if any(real_path(b) not in out for b in by)}
        if parts == set(out):
            return out
        out = {t: by for t, by in out.items() if t in parts}


@dataclass
class Inputs:
    """What the arguments name: the reports, and the indicator catalogues among them."""

    reports: list[Path] = field(default_factory=list)
    catalogs: list[Path] = field(default_factory=list)


def _yaml_files(folder: Path) -> list[Path]:
    """Every *.yaml/*.yml entry that is not a folder: a broken link, a pipe or a device
    is a report the loader refuses by name, never one passed over in silence."""
    try:
        return sorted(
            p for p in folder.iterdir() if p.suffix.lower() in YAML_SUFFIXES and not p.is_dir()
        )
    except OSError:
        return []


def _siblings(path: Path) -> list[Path]:
    """The files that may include `path`: those of its folder, and of the folder above
    (a report beside a `parts/` folder), when that is inside the current directory."""
    folder = path.parent if str(path.parent) else Path(".")
    above, cwd = folder.parent, real_path(Path.cwd())
    inside = real_path(above) == cwd or cwd in real_path(above).parents
    return _yaml_files(folder) + (_yaml_files(above) if inside and above != folder else [])


def sort_inputs(items: list[Path]) -> Inputs:
    """Files as given; a folder means every *.yaml and *.yml in it (sorted). Catalogues are
    set apart, and files that another file of their folder includes are passed over (they
    are parts of a report, as a pre-commit hook may pass them one by one)."""
    out = Inputs()
    skips: dict[Path, dict[Path, list[Path]]] = {}  # per folder: what its reports include
    for item in items:
        found = [item]
        if item.is_dir():
            found = _yaml_files(item)
        elif not item.is_file():
            out.reports.append(item)  # missing: the loader says so, at its name
            continue
        folder = real_path(found[0].parent) if found else None
        if folder is not None and folder not in skips:
            skips[folder] = _included_by(_siblings(found[0]))
        skip = skips.get(folder, {}) if folder is not None else {}
        for path in found:
            if is_catalog_file(path):
                out.catalogs.append(path)
            elif real_path(path) not in skip:
                out.reports.append(path)
            elif not item.is_dir():
                # a part given alone (a pre-commit hook passes only what changed): the
                # reports that include it are what changed
                out.reports += skip[real_path(path)]
    out.reports = list(dict.fromkeys(out.reports))
    return out


def expand_inputs(items: list[Path]) -> list[Path]:
    """The reports the arguments name (see sort_inputs)."""
    return sort_inputs(items).reports


def refuse_same_stem(paths: list[Path], suffix_note: str = "") -> None:
    """Two inputs with the same file name would write the same output file: refuse."""
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        by_stem[path.stem].append(path)
    clashes = [group for group in by_stem.values() if len(group) > 1]
    if clashes:
        names = "；".join("、".join(display_name(p) for p in group) for group in clashes)
        raise LawgovError(
            f"这些输入文件同名，会写到同一个输出文件，后一个会覆盖前一个：{names}。"
            f"请分别用不同的 -o 文件夹生成，或改名{suffix_note}"
        )
