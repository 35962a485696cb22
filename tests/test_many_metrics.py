"""Every check rule linear in the size of the file (issue 17, class 3): 20,000 metrics in the
shapes that made rules quadratic or worse — a long `of` chain, a long cycle, a total of
thousands of parts, an include, a catalogue and last year's file of thousands each — are
checked in one run. No clock here: before, this file took minutes; its runtime shows it."""

from __future__ import annotations

import re
from pathlib import Path

from lawgov_gen.checks.graph import cycles
from tests.helpers import MINIMAL, check_lines, write_file

N = 4_000  # five shapes of N: 20,000 metrics


def _metrics(lines: list[str]) -> str:
    return "\n".join(f"  {line}" for line in lines)


def test_twenty_thousand_metrics_in_one_check(in_tmp: Path) -> None:
    chain = [f"k0: {{label: 链0, value: {N}, unit: 件}}"] + [
        f"k{i}: {{label: 链{i}, value: {N - i}, unit: 件, of: k{i - 1}}}" for i in range(1, N)
    ]
    ring = [f"r{i}: {{label: 环{i}, value: 1, unit: 件, of: r{(i + 1) % N}}}" for i in range(N)]
    parts = [
        f"total: {{label: 合计, value: {N}, unit: 件, parts: [{', '.join(f'p{i}' for i in range(N))}]}}"
    ]
    parts += [f"p{i}: {{label: 分项{i}, value: 1, unit: 件}}" for i in range(N)]
    catalog = [
        f"c{i}: {{label: 目录指标{i}, unit: 件{', of: c' + str(i - 1) if i else ''}}}"
        for i in range(N)
    ]
    write_file(
        in_tmp / "目录.yaml",
        "version: 1\ncatalog: {name: 示例县指标, year: 2024}\nmetrics:\n"
        + _metrics(catalog)
        + "\n",
    )
    write_file(
        in_tmp / "借来.yaml",
        "metrics:\n"
        + _metrics([f"i{i}: {{label: 借来{i}, value: {i % 7}, unit: 件}}" for i in range(N)])
        + "\n",
    )
    last_year = MINIMAL.replace("year: 2024", "year: 2023").replace("2025-02-20", "2024-02-20")
    write_file(
        in_tmp / "2023.yaml",
        last_year.replace(
            "metrics:\n",
            "metrics:\n"
            + _metrics(
                [f"c{i}: {{label: 目录指标{i}, value: {N - i}, unit: 件}}" for i in range(N)]
            )
            + "\n",
            1,
        ),
    )
    report = MINIMAL.replace(
        "version: 1\n", "version: 1\ninclude: [借来.yaml]\nprevious: 2023.yaml\n"
    )
    report = report.replace("  to: [", "  catalog: 目录.yaml\n  to: [")
    report = report.replace(
        "metrics:\n", "metrics:\n" + _metrics([*chain, *ring, *parts]) + "\n", 1
    )
    report = report.replace(
        "metrics:\n", "metrics:\n" + _metrics([f"c{i}: {N + 1 - i}" for i in range(N)]) + "\n", 1
    )
    quoted = "".join(f"{{{{ m.k{i} }}}}、{{{{ m.c{i}.change }}}}，" for i in range(0, N, 8))
    report = report.replace("      全年调解纠纷", f"      {quoted}全年调解纠纷")
    write_file(in_tmp / "2024.yaml", report)

    code, lines = check_lines("2024.yaml")
    assert code == 1
    rules = [re.match(r"\S+:\d+:\d+: \S+ (\S+) ", line) for line in lines]
    by_rule: dict[str, list[str]] = {}
    for match, line in zip(rules, lines, strict=True):
        by_rule.setdefault(match.group(1) if match else "", []).append(line)
    ring_text = " → ".join(f"r{(i) % N}" for i in range(N + 1))
    at = (
        (in_tmp / "2024.yaml")
        .read_text(encoding="utf-8")
        .split("\n")
        .index("  r0: {label: 环0, value: 1, unit: 件, of: r1}")
    )
    assert by_rule["Q10"] == [f"2024.yaml:{at + 1}:3: 错误 Q10 指标之间循环包含：{ring_text}"]
    # referenced by no other metric and never quoted: the chain's and the catalogue's last,
    # and the total (the included file's metrics are lent to the report, not unused here)
    unused = [re.search(r"指标“(\w+)”", line) for line in by_rule["Q7"]]
    assert sorted(m.group(1) for m in unused if m) == ["c3999", "k3999", "total"]
    assert "Q1" not in by_rule and "Q2" not in by_rule and "C1" not in by_rule


def test_cycles_in_thirty_thousand_relations() -> None:
    n = 30_000
    chain = {f"m{i}": [f"m{i + 1}"] if i + 1 < n else [] for i in range(n)}
    assert cycles(chain, chain) == []
    ring = {f"m{i}": [f"m{(i + 1) % n}"] for i in range(n)}
    (found,) = cycles(ring, ring)
    assert found[0] == found[-1] == "m0" and len(found) == n + 1
    hub = {"h": [f"l{i}" for i in range(n)], **{f"l{i}": ["h"] for i in range(n)}}
    assert cycles(hub, hub) == [["h", f"l{n - 1}", "h"]]
    assert cycles({"a": ["a"], "b": ["c"], "c": []}, "abc") == [["a", "a"]]
