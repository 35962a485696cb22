"""Read one YAML file safely into plain Python data plus the position of every value.

PyYAML composes a node tree (which carries line/column marks); we build the Python
objects from it ourselves so that duplicate keys are caught (PyYAML keeps the last one
silently), alias expansion is bounded (billion laughs), every scalar that cannot be
built (a date that does not exist) is a located error, and every key path keeps its mark.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from lawgov_gen.data.source_map import KeyPath, Pos, SourceFile
from lawgov_gen.data.yaml_messages import hint_for_line, translate_problem
from lawgov_gen.diagnostics import Diagnostic
from lawgov_gen.errors import os_words

MAX_BYTES = 5 * 1024 * 1024
# libyaml's parser gives the same marks (character index, line, column) about 10× faster.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_NODES = 200_000
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
# Characters YAML takes as a line break though no editor shows one: a line would break
# where the clerk sees none, and every position after it would be off.
YAML_LINE_BREAKS = {"\u0085": "下一行符 NEL", "\u2028": "行分隔符", "\u2029": "段分隔符"}
_YAML_LINE_BREAK = re.compile("[" + "".join(YAML_LINE_BREAKS) + "]")
SPECIAL_TAG = "无法解析的值（不支持 {tag} 等特殊标签）：请写成普通文字或数字"


def special_tag_message(tag: str) -> str:
    """The message for a YAML value with a tag we do not build (!!python/…, !!set)."""
    return SPECIAL_TAG.format(tag=tag)


def value_count(tree: Any) -> int:
    """The values in plain data as the reader counts them against MAX_NODES (every
    mapping, list and scalar; keys not counted)."""
    count, stack = 0, [tree]
    while stack:
        node = stack.pop()
        count += 1
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return count


def read_text(path: Path, name: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a data file as UTF-8 (BOM allowed), refusing other encodings, huge files and
    anything that is not a regular file (a FIFO or /dev/zero would hang or never end)."""

    def fail(msg: str, line: int = 1, col: int = 1) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic(name, line, col, "error", "YAML", msg)]

    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return fail("这是一个文件夹，不是数据文件")
        if not stat.S_ISREG(info.st_mode):
            return fail("不是普通文件（设备、管道等）：请给出 .yaml 数据文件")
        if info.st_size > MAX_BYTES:
            return fail(
                f"文件有 {info.st_size // 1024} KB，超过 5 MB 上限：请把各部分拆到 include 的文件中"
            )
        with open(path, "rb", buffering=0) as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return fail("不是普通文件（设备、管道等）：请给出 .yaml 数据文件")
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return fail("文件不存在：请检查路径")
    except OSError as exc:
        return fail(f"无法读取文件：{os_words(exc)}")
    if len(data) > MAX_BYTES:
        return fail("文件超过 5 MB 上限：请把各部分拆到 include 的文件中")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return fail("文件是 UTF-16 编码：请另存为 UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line_start = max(data.rfind(b"\n", 0, exc.start), data.rfind(b"\r", 0, exc.start)) + 1
        line = len(_split_lines(data[: exc.start]))
        col = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        try:
            data.decode("gb18030")
            hint = "看起来是 GBK/GB18030 编码（Windows 记事本常见）"
        except UnicodeDecodeError:
            hint = f"第 {line} 行第 {col} 个字符处有无法识别的字节"
        return fail(f"文件不是 UTF-8 编码，{hint}：请用“另存为 → UTF-8”保存后重试", line, col)


def _split_lines(data: bytes) -> list[bytes]:
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")


def parse_yaml(
    source: SourceFile,
) -> tuple[Any, dict[KeyPath, Pos], dict[KeyPath, Pos], list[Diagnostic]]:
    """Parse YAML text into plain data, value positions, key positions and problems."""
    diags: list[Diagnostic] = []
    positions: dict[KeyPath, Pos] = {}
    key_positions: dict[KeyPath, Pos] = {}

    def err(index: int, msg: str, rule: str = "YAML") -> None:
        line, col = source.line_col(index)
        diags.append(Diagnostic(source.name, line, col, "error", rule, msg))

    for m in _YAML_LINE_BREAK.finditer(source.text):
        ch = m.group()
        err(
            m.start(),
            f"这里有一个看不见的字符 U+{ord(ch):04X}（{YAML_LINE_BREAKS[ch]}），YAML 会把它当作换行，"
            "多是从网页或 Word 复制来的：请删除它",
            "F8",
        )
    if diags:
        return None, positions, key_positions, diags
    try:
        root = _compose(source.text)
    except RecursionError:
        err(0, "嵌套层次过深：请不要把列表或映射套得这么深")
        return None, positions, key_positions, diags
    except yaml.reader.ReaderError as exc:
        err(exc.position, f"含有控制字符 U+{exc.character:04X}，会损坏 Word 文件：请删除它", "F7")
        return None, positions, key_positions, diags
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        index = mark.index if mark else 0
        text = translate_problem(exc.problem or "", exc.context or "")
        hint = hint_for_line(source.text, index) if "Tab" not in text else ""
        err(index, f"YAML 语法错误：{text}{hint}")
        return None, positions, key_positions, diags
    except yaml.YAMLError:
        err(0, "YAML 语法错误：无法解析（请检查缩进、冒号和引号）")
        return None, positions, key_positions, diags
    if root is None:
        return {}, positions, key_positions, diags

    constructor = yaml.SafeLoader("")
    budget = [MAX_NODES]

    def scalar(node: yaml.ScalarNode) -> Any:
        if node.tag == "tag:yaml.org,2002:binary":
            err(node.start_mark.index, special_tag_message(node.tag), "SCHEMA")
            return UNREADABLE
        try:
            value = constructor.construct_object(node)
        except (ValueError, OverflowError):
            err(node.start_mark.index, _bad_scalar(node), "SCHEMA")
            return UNREADABLE
        except yaml.YAMLError:
            err(node.start_mark.index, special_tag_message(node.tag), "SCHEMA")
            return None
        if isinstance(value, str):
            joined = _join_surrogates(value, node, err)
            return UNREADABLE if joined is None else joined
        return value

    def build(node: yaml.Node, path: KeyPath) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise _TooLarge(node)
        positions[path] = Pos(source, node.start_mark.index, node.end_mark.index)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            err(node.start_mark.index, special_tag_message(node.tag), "SCHEMA")
            return None
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    err(key_node.start_mark.index, "不支持合并键“<<”：请直接写出各个键", "SCHEMA")
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    err(key_node.start_mark.index, "键必须是简单的文字", "SCHEMA")
                    continue
                key = (
                    key_node.value if key_node.tag != "tag:yaml.org,2002:str" else scalar(key_node)
                )
                if key is None:
                    continue
                if key in out:
                    first = key_positions[(*path, key)]
                    err(
                        key_node.start_mark.index,
                        f"键“{key}”重复（第 {first.line} 行已有）：YAML 只会保留其中一个，请合并或删除",
                        "SCHEMA",
                    )
                    continue
                key_positions[(*path, key)] = Pos(
                    source, key_node.start_mark.index, key_node.end_mark.index
                )
                out[key] = build(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return scalar(node)

    try:
        data = build(root, ())
    except _TooLarge as exc:
        err(
            exc.node.start_mark.index,
            "别名（*引用）展开后过大，疑似“十亿笑声”攻击：请不要用锚点复制大段数据",
        )
        return None, positions, key_positions, diags
    except RecursionError:
        err(0, "嵌套层次过深：请不要把列表或映射套得这么深")
        return None, positions, key_positions, diags
    finally:
        constructor.dispose()
    return data, positions, key_positions, diags


def _bad_scalar(node: yaml.ScalarNode) -> str:
    if node.tag == "tag:yaml.org,2002:timestamp":
        return f"日期“{node.value}”不存在：请写成实际存在的日期，如 2025-02-26"
    return f"无法解析的值“{node.value[:30]}”：请写成普通文字或数字"


def _join_surrogates(value: str, node: yaml.ScalarNode, err: Any) -> str | None:
    """An escaped UTF-16 pair ("\\ud83d\\ude00") becomes its character; a lone half is an error."""
    if not any("\ud800" <= ch <= "\udfff" for ch in value):
        return value
    try:
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        err(
            node.start_mark.index,
            "文字中有不成对的代理字符（\\ud800–\\udfff 转义）：它不是有效的字符，请删除或改为实际的字",
            "SCHEMA",
        )
        return None


def _compose(text: str) -> yaml.Node | None:
    """The node tree: libyaml when it parses; on an error, PyYAML's own (clearer) message."""
    loaders: list[type[yaml.SafeLoader]] = (
        [_Loader, yaml.SafeLoader] if _Loader is not yaml.SafeLoader else [_Loader]
    )
    for loader_class in loaders:
        loader = loader_class(text)
        try:
            node: yaml.Node | None = loader.get_single_node()
            return node
        except yaml.YAMLError:
            if loader_class is yaml.SafeLoader:
                raise
        finally:
            loader.dispose()
    return None


class Unreadable:
    """Stands for a scalar the reader already reported (a date that does not exist), so
    validation does not report it again as a missing or wrong value."""

    def __repr__(self) -> str:
        return "已报告的错误值"


UNREADABLE = Unreadable()


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node
