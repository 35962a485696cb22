"""Synthetic data files for the benchmarks: a long report for PDF, a huge one for `check`.

Text uses full-width punctuation and no Arabic digits; every number is a metric quoted
with {{ m.ID }}, so `lawgov-gen check` reports no errors on either file.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

SENTENCES = (
    "坚持把法治政府建设摆在全局工作的突出位置，统筹谋划、一体推进，"
    "形成了主要领导亲自抓、分管领导具体抓、职能部门协同抓的工作格局",
    "严格落实重大行政决策程序，凡涉及群众切身利益的事项均履行公众参与、专家论证、"
    "风险评估、合法性审查和集体讨论决定等法定程序",
    "持续深化“放管服”改革，推行“一窗受理、集成服务”，同步推出帮办代办、延时服务和预约服务，"
    "群众和企业办事更加便捷高效",
    "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，执法行为更加公开透明",
    "坚持和发展新时代“枫桥经验”，健全矛盾纠纷排查调处网络，推动矛盾纠纷就地发现、就地化解",
    "围绕宪法、民法典以及与群众生产生活密切相关的法律法规，开展形式多样的主题宣传活动，"
    "把法律知识送到田间地头、送到群众身边",
    "将法治建设成效纳入年度综合考核，考核结果与评先评优、干部选拔使用直接挂钩，推动法治责任层层压实",
    "依托公共法律服务工作站和村（社区）公共法律服务室，为群众提供法律咨询、法律援助和人民调解服务",
    "对发现的问题建立台账、限期整改，做到问题不解决不放过、整改不到位不销号",
    "主动接受人大监督、民主监督、司法监督和群众监督，推动形成依法履职、依法用权的良好导向",
)
TOPICS = (
    "组织领导",
    "依法决策",
    "政务服务",
    "行政执法",
    "矛盾化解",
    "法治宣传",
    "监督考核",
    "法律服务",
)
KINDS = ("办理事项", "办结事项", "办结率", "发放资料", "服务群众")


def cn(n: int) -> str:
    """Chinese numerals for 1–9999: 一百零五, 十二."""
    digits, gap = "零一二三四五六七八九", False
    parts: list[str] = []
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        q, n = divmod(n, value)
        if q:
            parts.append(("零" if gap and parts else "") + digits[q] + unit)
            gap = False
        else:
            gap = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def sentences(seed: int, count: int) -> str:
    return "；".join(SENTENCES[(seed + i) % len(SENTENCES)] for i in range(count)) + "。"


def metrics(count: int) -> dict[str, dict[str, Any]]:
    """Groups of five: a total, a part of it, their rate, an approximate and a plain figure."""
    out: dict[str, dict[str, Any]] = {}
    for i in range(1, count + 1):
        group, kind = divmod(i - 1, 5)
        label = f"{TOPICS[group % len(TOPICS)]}第{cn(group + 1)}组{KINDS[kind]}"
        mid = f"m{i:03d}"
        specs: dict[int, dict[str, Any]] = {
            0: {"value": 300 + group, "unit": "件", "prev": 280 + group},
            1: {"value": 250 + group, "unit": "件", "of": f"m{i - 1:03d}"},
            2: {"rate": [f"m{i - 1:03d}", f"m{i - 2:03d}"]},
            3: {"value": 1000 + 3 * group, "unit": "份", "approx": True},
            4: {"value": 40 + group, "unit": "人次"},
        }
        out[mid] = {"label": label, **specs[kind]}
    return out


def quote(table: dict[str, dict[str, Any]], mid: str) -> str:
    return f"{table[mid]['label']}{{{{ m.{mid} }}}}"


def report(
    measures: list[dict[str, Any]], table: dict[str, dict[str, Any]], k: int
) -> dict[str, Any]:
    """A whole data file around the given measures; `k` sets how long the other parts are."""
    ids = list(table)

    def items(topic: str, n: int) -> list[dict[str, Any]]:
        return [
            {"title": f"{topic}{TOPICS[(i + n) % len(TOPICS)]}工作", "text": sentences(i + n, k)}
            for i in range(n)
        ]

    return {
        "version": 1,
        "report": {
            "org": "示例县示例镇人民政府",
            "short": "示例镇",
            "year": 2024,
            "date": dt.date(2025, 2, 20),
            "to": ["中共示例县委员会", "示例县人民政府"],
            "doc_number": "示政〔2025〕3号",
        },
        "intro": "{{ year }}年，示例镇扎实推进法治政府建设。"
        + sentences(0, k)
        + "现将有关情况报告如下：",
        "metrics": table,
        "measures": measures,
        "problems": {
            "shortcomings": [
                {"lead": f"{t}还有薄弱环节", "text": sentences(i, k)}
                for i, t in enumerate(TOPICS[:3])
            ],
            "causes": [
                {"lead": f"{t}机制不够健全", "text": sentences(i + 3, k)}
                for i, t in enumerate(TOPICS[3:5])
            ],
        },
        "duties": items("带头抓好", 3),
        "court": {
            "lawsuits": 2,
            "head_appearances": 2,
            "judgments_due": 1,
            "judgments_performed": 1,
        },
        "plans": items("持续深化", 4),
        "other": [
            {"title": "统筹推进示范创建", "text": sentences(2, k) + quote(table, ids[-1]) + "。"}
        ],
    }


def long_report(measure_count: int = 6, points: int = 3) -> dict[str, Any]:
    """About twelve A4 pages (GB/T 9704 layout): measures with paragraphs, points and sub-items."""
    table = metrics(20)
    ids = itertools.cycle(table)
    measures = []
    for i in range(measure_count):
        topic = TOPICS[i % len(TOPICS)]
        text = f"{sentences(i, 3)}全年{quote(table, next(ids))}。\n\n{sentences(i + 4, 2)}\n"
        item: dict[str, Any] = {"title": f"扎实推进{topic}，提升法治化水平", "text": text}
        if i % 2:
            item["items"] = [
                {
                    "title": f"深化{TOPICS[(i + j) % 8]}工作",
                    "text": sentences(i + j, 2) + quote(table, next(ids)) + "。",
                }
                for j in range(points)
            ]
        else:
            item["points"] = [
                {
                    "lead": f"抓好{TOPICS[(i + j) % 8]}",
                    "text": sentences(i + j, 2) + quote(table, next(ids)) + "。",
                }
                for j in range(points)
            ]
        measures.append(item)
    return report(measures, table, 2)


def huge_report(item_count: int = 1000, metric_count: int = 500) -> dict[str, Any]:
    """`item_count` items over three levels (10 × 9 × 10 = 1,000), each quoting two metrics."""
    table = metrics(metric_count)
    ids = list(table)
    counter = iter(range(item_count))

    def item(level: int) -> dict[str, Any]:
        n = next(counter)
        refs = (
            f"全年{quote(table, ids[n % len(ids)])}，{quote(table, ids[(n * 7 + 3) % len(ids)])}。"
        )
        node: dict[str, Any] = {
            "title": f"落实{TOPICS[n % 8]}第{cn(n + 1)}项任务",
            "text": sentences(n, 1) + refs,
        }
        width = {1: 9, 2: 10}.get(level, 0)
        if width:
            node["items"] = [item(level + 1) for _ in range(width)]
        return node

    measures = [item(1) for _ in range(item_count // 100)]
    return report(measures, table, 1)


def to_yaml(node: Any, pad: str = "") -> list[str]:
    """Block-style YAML: mappings and lists of mappings nest, other values are JSON/flow scalars."""
    lines: list[str] = []
    entries = node.items() if isinstance(node, dict) else ((None, v) for v in node)
    for key, value in entries:
        head = f"{pad}{key}:" if key is not None else f"{pad}-"
        nested = bool(value) and (
            isinstance(value, dict) or (isinstance(value, list) and isinstance(value[0], dict))
        )
        if nested and key is None and isinstance(value, dict):
            sub = to_yaml(value, pad + "  ")
            lines += [f"{pad}- {sub[0].lstrip()}", *sub[1:]]
        elif nested:
            lines += [head, *to_yaml(value, pad + "  ")]
        elif isinstance(value, str) and "\n" in value:
            body = [f"{pad}  {line}" if line else "" for line in value.rstrip("\n").split("\n")]
            lines += [f"{head} |", *body]
        elif isinstance(value, dt.date):
            lines.append(f"{head} {value.isoformat()}")
        else:
            lines.append(f"{head} {json.dumps(value, ensure_ascii=False)}")
    return lines


def write(data: dict[str, Any], path: Path) -> Path:
    path.write_text(
        "# 合成的基准测试数据（虚构）。\n" + "\n".join(to_yaml(data)) + "\n", encoding="utf-8"
    )
    return path


if __name__ == "__main__":
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    print(write(long_report(), out / "long.yaml"))
    print(write(huge_report(), out / "huge.yaml"))
