"""The preview page: the report as the PDF templates print it, styled as an A4 sheet for the
screen, with the findings drawn on it; beside it, in a shadow root the template's CSS cannot
reach, the bar (counts, downloads), the error banner and the findings list.

Each update is one server-sent event carrying the parts that change (JSON); the page script
swaps them in without reloading. Only a change of the template's own <head> reloads it."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.resources import files
from pathlib import Path

from markupsafe import escape

from lawgov_gen.commands.preview.marks import describe
from lawgov_gen.commands.preview.snapshots import Snapshot
from lawgov_gen.data.paths import display_name
from lawgov_gen.diagnostics import LEVEL_WORDS

EMPTY_BODY = '<p class="lg-empty">改正页面顶部列出的错误并保存后，这里显示报告。</p>'
BREAKS_NOTE = (
    "纸面按 A4、版心 156 × 225 毫米、每行 28 字、每页 22 行显示。蓝色虚线是按每页 22 行估计的"
    "分页位置，仅供参考，实际分页以下载的 PDF 为准。"
)


@cache
def static(name: str) -> str:
    """A file of the page (script, stylesheets) from the package."""
    return (files("lawgov_gen.commands.preview") / "static" / name).read_text("utf-8")


def title(snapshot: Snapshot, path: Path) -> str:
    """The page title: the counts first (they show in the browser's tab), then the report."""
    name = snapshot.rendered.title if snapshot.rendered else display_name(path)
    errors, warnings = snapshot.count("error"), snapshot.count("warning")
    return f"[错误 {errors} · 警告 {warnings}] {name} — lawgov-gen 预览"


def bar(snapshot: Snapshot, path: Path) -> str:
    counts = " ".join(
        f'<span class="count {level}">{LEVEL_WORDS[level]} <b>{snapshot.count(level)}</b></span>'
        for level in ("error", "warning", "info")
    )
    state = "已更新" if snapshot.current else "未更新（有错误）"
    return (
        f'<span class="name">{escape(display_name(path))}</span>{counts}'
        '<a class="dl" href="/report.docx" download>下载 Word</a>'
        '<a class="dl" href="/report.pdf" download>下载 PDF</a>'
        f'<span id="status" class="{"ok" if snapshot.current else "stale"}">'
        f"{snapshot.at} {state}</span>"
    )


def banner(snapshot: Snapshot) -> str:
    """The problems that stopped this save from rendering, with their places."""
    if not snapshot.problems:
        return ""
    if snapshot.rendered is None:
        head = "数据文件有错误，还没有可以显示的报告。"
    else:
        head = "数据文件有错误，预览没有更新：下面是上次没有错误时的报告。"
    items = "".join(f"<li><code>{escape(p)}</code></li>" for p in snapshot.problems)
    return f"<strong>{head}</strong>改正后保存，页面会自动更新。<ul>{items}</ul>"


def findings_list(snapshot: Snapshot) -> str:
    """Every finding of `check`, each linked to where the page shows it."""
    targets = snapshot.rendered.marked.targets if snapshot.rendered and snapshot.current else []
    rows = []
    for i, d in enumerate(snapshot.findings):
        shown = targets[i] if i < len(targets) else []
        if shown:
            where = f'<span class="where">在报告中标出 {len(shown)} 处，点击查看</span>'
        elif snapshot.current:
            where = '<span class="where none">不在正文中显示（如指标、元数据）</span>'
        else:
            where = '<span class="where none">报告未更新：改正错误后标在正文中</span>'
        target = f' data-target="{shown[0]}" tabindex="0"' if shown else ""
        rows.append(
            f'<li id="lg-f{i}" class="f {d.level}"{target} title="{escape(describe(d))}">'
            f'<span class="lv">{LEVEL_WORDS[d.level]}</span>'
            f'<code class="rule">{escape(d.rule or "SCHEMA")}</code>'
            f'<span class="msg">{escape(d.message)}</span>'
            f'<span class="loc">{escape(d.path)}:{d.line}:{d.col}</span>{where}</li>'
        )
    listed = f"<ol>{''.join(rows)}</ol>" if rows else '<p class="clean">没有发现问题。</p>'
    return f"<h2>检查结果 <small>{len(snapshot.findings)} 项</small></h2>{listed}"


def head_key(snapshot: Snapshot) -> str:
    """What only a reload can change: the template's own <head>, the stylesheets' folders."""
    r = snapshot.rendered
    parts = [r.html_attrs, r.head, r.body_attrs, *(c.split("?")[0] for c in r.css)] if r else []
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:16]


def body(snapshot: Snapshot) -> str:
    r = snapshot.rendered
    if r is None:
        return EMPTY_BODY
    return r.marked.body if snapshot.current else r.plain


def content(snapshot: Snapshot) -> tuple[object, ...]:
    """What the page shows of a snapshot, but its version and time: a save that changes
    none of it (a folder's time, a comment in a template) is not sent."""
    r = snapshot.rendered
    return (
        head_key(snapshot),
        title(snapshot, Path()),
        banner(snapshot),
        findings_list(snapshot),
        body(snapshot),
        snapshot.current,
        r.css if r else (),
        r.fonts if r else "",
    )


def payload(snapshot: Snapshot, session: str, path: Path) -> str:
    """One update of the page, as the event stream's JSON data (one line)."""
    r = snapshot.rendered
    return json.dumps(
        {
            "session": session,
            "version": snapshot.version,
            "head": head_key(snapshot),
            "title": title(snapshot, path),
            "bar": bar(snapshot, path),
            "banner": banner(snapshot),
            "findings": findings_list(snapshot),
            "body": body(snapshot),
            "stale": not snapshot.current,
            "css": list(r.css) if r else [],
            "fonts": r.fonts if r else "",
        },
        ensure_ascii=False,
    )


def chrome(snapshot: Snapshot, session: str, path: Path) -> str:
    """The shadow host with the bar, banner and findings list (declarative shadow DOM)."""
    hidden = "" if snapshot.problems else " hidden"
    return (
        f'<lg-preview data-session="{session}" data-version="{snapshot.version}" '
        f'data-head="{head_key(snapshot)}"><template shadowrootmode="open">'
        f"<style>{static('chrome.css')}</style>"
        f'<div id="top"><div id="bar">{bar(snapshot, path)}</div>'
        f'<div id="banner" role="alert"{hidden}>{banner(snapshot)}</div></div>'
        f'<aside id="side"><div id="findings">{findings_list(snapshot)}</div>'
        f'<p class="note">{BREAKS_NOTE}</p></aside>'
        "</template></lg-preview>"
    )


def document(snapshot: Snapshot, session: str, nonce: str, path: Path) -> str:
    """The whole page: the template's document with the preview's parts put in."""
    r = snapshot.rendered
    html_attrs = r.html_attrs if r else ' lang="zh-CN"'
    head, fonts = (r.head, r.fonts) if r else ("", "")
    links = (
        "".join(f'<link rel="stylesheet" data-lg-css href="{escape(c)}">' for c in r.css)
        if r
        else ""
    )
    body_attrs = (r.body_attrs if r else "") + ("" if snapshot.current else " data-lg-stale")
    return (
        "<!DOCTYPE html>\n"
        f"<html{html_attrs}>\n<head>\n"
        '<meta charset="utf-8">\n<base href="/t/0/">\n<link rel="icon" href="data:,">\n'
        f"<title>{escape(title(snapshot, path))}</title>\n{head}\n"
        f'<style id="lg-fonts">{fonts}</style>\n{links}\n'
        f"<style>{static('page.css')}</style>\n</head>\n"
        f"<body{body_attrs}>\n{body(snapshot)}\n"
        f"{chrome(snapshot, session, path)}\n"
        f'<script nonce="{nonce}">{static("page.js")}</script>\n</body>\n</html>\n'
    )
