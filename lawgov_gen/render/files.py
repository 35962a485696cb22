"""The one-way flow: YAML → loader → model → checks → context → renderers → files."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lawgov_gen.checks import run_checks
from lawgov_gen.data.loader import Loaded, display_name, load
from lawgov_gen.diagnostics import Diagnostic, sort_key
from lawgov_gen.errors import DataError

if TYPE_CHECKING:
    from lawgov_gen.render.fonts import Fallback


@dataclass
class Checked:
    """A loaded report with its findings (errors block rendering)."""

    loaded: Loaded | None
    findings: list[Diagnostic]

    def blocking(self, strict: bool) -> list[Diagnostic]:
        levels = ("error", "warning") if strict else ("error",)
        return [d for d in self.findings if d.level in levels]


def check_file(path: Path) -> Checked:
    """Load and lint one data file; every problem is returned, nothing raised."""
    try:
        loaded = load(path)
    except DataError as exc:
        return Checked(None, sorted(exc.diagnostics, key=sort_key))
    return Checked(loaded, sorted(run_checks(loaded), key=sort_key))


@dataclass(frozen=True)
class RenderOptions:
    """What `render` writes and how."""

    out_dir: Path
    docx: bool = True
    pdf: bool = False
    template: Path | None = None
    strict: bool = False


@dataclass
class RenderResult:
    """Files written and findings that did not block."""

    source: str
    written: list[Path] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)


def render_file(path: Path, options: RenderOptions) -> RenderResult:
    """Check, then render one data file; raise LawgovError before writing anything."""
    from lawgov_gen.content.context import build_context
    from lawgov_gen.output import write_atomic

    checked = check_file(path)
    blocking = checked.blocking(options.strict)
    if blocking or checked.loaded is None:
        raise DataError(as_errors(blocking or checked.findings))
    ctx = build_context(checked.loaded)
    outputs: list[tuple[Path, bytes]] = []
    stem = path.stem
    if options.docx:
        from lawgov_gen.render.docx import render_docx

        outputs.append((options.out_dir / f"{stem}.docx", render_docx(ctx, options.template)))
    if options.pdf:
        from lawgov_gen.render.pdf import render_pdf

        pdf = render_pdf(ctx, options.template)
        ignored = set(checked.loaded.data.report.ignore)
        font_findings = [
            d for d in fallback_diagnostics(checked.loaded, pdf.fallbacks) if d.rule not in ignored
        ]
        checked.findings.extend(font_findings)
        stop = [d for d in font_findings if d.level == "error" or options.strict]
        if stop:
            raise DataError(as_errors(stop))
        outputs.append((options.out_dir / f"{stem}.pdf", pdf.data))
    # Everything is rendered before anything is written: a failure leaves no file.
    for target, data in outputs:
        write_atomic(target, data)
    return RenderResult(display_name(path), [t for t, _ in outputs], checked.findings)


def as_errors(findings: list[Diagnostic]) -> list[Diagnostic]:
    """Findings that stop a render are reported as errors (warnings under --strict)."""
    return [dataclasses.replace(d, level="error") if d.level == "warning" else d for d in findings]


def fallback_diagnostics(loaded: Loaded, found: list[Fallback]) -> list[Diagnostic]:
    """Each glyph fallback as a finding at the first place the character is written."""
    from lawgov_gen.checks.registry import CheckInput

    texts = CheckInput(loaded).texts
    out = []
    for fb in found:
        where = next((t for t in texts if fb.char in t.value), None)
        path = where.path if where else ("report",)
        font = f"{fb.role.label}字体 {fb.font.family} "
        if fb.drawn_by is None:
            level, rule, tail = (
                "error",
                "P2",
                "没有任何已安装的字体能显示它，PDF 中将是空白方框：请安装含此字的字体",
            )
        else:
            level, rule, tail = (
                "warning",
                "P1",
                f"将改用 {fb.drawn_by.family} 显示，字形风格会不一致",
            )
        message = f"字符“{fb.char}”（U+{ord(fb.char):04X}）在{font}中没有：{tail}"
        out.append(loaded.sources.locate(path, fb.char, 0, level, rule, message))
    return out


def expand_inputs(items: list[Path]) -> list[Path]:
    """Files as given; a folder means every *.yaml in it, sorted."""
    out: list[Path] = []
    for item in items:
        if item.is_dir():
            out.extend(sorted(p for p in item.glob("*.yaml") if p.is_file()))
        else:
            out.append(item)
    return out
