"""Read one YAML file safely into plain Python data plus the position of every value.

PyYAML composes a node tree (which carries line/column marks); we build the Python
objects from it ourselves so that duplicate keys are caught (PyYAML keeps the last one
silently), alias expansion is bounded (billion laughs) and every key path keeps its mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lawgov_gen.diagnostics import Diagnostic

MAX_BYTES = 5 * 1024 * 1024
# libyaml's parser gives the same marks (character index, line, column) about 10× faster.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_NODES = 200_000
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")

KeyPath = tuple[str | int, ...]

_YAML_PROBLEMS = {
    "mapping values are not allowed here": "此处不能出现“键: 值”（检查上一行的缩进，或给含冒号的文字加引号）",
    "could not find expected ':'": "缺少冒号“:”（键和值之间要有“: ”）",
    "found character '\\t' that cannot start any token": "不能用 Tab 缩进，请改用空格",
    "found undefined alias": "引用了未定义的锚点（&名称）",
    "did not find expected key": "缩进不一致，找不到下一个键",
    "did not find expected '-' indicator": "列表项缩进不一致，找不到“- ”",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合？）",
    "found unknown escape character": "双引号字符串中有未知的转义符（\\ 后面的字符）",
    "expected <block end>, but found '<block sequence start>'": "列表项缩进不一致",
    "expected <block end>, but found '<block mapping start>'": "缩进不一致",
    "expected <block end>, but found '<scalar>'": "缩进不一致，或字符串需要加引号",
}


@dataclass
class SourceFile:
    """The text of one data file and the name used for it in messages."""

    name: str
    path: Path
    text: str

    def line_col(self, index: int) -> tuple[int, int]:
        """1-based line and column of a character index in the text."""
        line = self.text.count("\n", 0, index) + 1
        start = self.text.rfind("\n", 0, index) + 1
        return line, index - start + 1


@dataclass(frozen=True)
class Pos:
    """Where a value stands: its file and the character span of its YAML node."""

    source: SourceFile
    start: int
    end: int

    @property
    def line(self) -> int:
        return self.source.line_col(self.start)[0]

    @property
    def col(self) -> int:
        return self.source.line_col(self.start)[1]


@dataclass
class SourceMap:
    """Positions of every key path of the (merged) data, across included files."""

    positions: dict[KeyPath, Pos] = field(default_factory=dict)
    key_positions: dict[KeyPath, Pos] = field(default_factory=dict)
    root: SourceFile | None = None

    def at(self, path: KeyPath, key: bool = False) -> Pos | None:
        """The position of `path`, or of its nearest ancestor that has one."""
        table = self.key_positions if key else self.positions
        for n in range(len(path), -1, -1):
            pos = table.get(path[:n]) or (self.positions.get(path[:n]) if key else None)
            if pos is not None:
                return pos
        return None

    def diag(
        self, path: KeyPath, level: Any, rule: str, message: str, *, key: bool = False
    ) -> Diagnostic:
        """A diagnostic pointing at the value (or key) of `path`."""
        pos = self.at(path, key=key)
        if pos is None:
            name = self.root.name if self.root else "?"
            return Diagnostic(name, 1, 1, level, rule, message)
        return Diagnostic(pos.source.name, pos.line, pos.col, level, rule, message)

    def locate(
        self,
        path: KeyPath,
        needle: str,
        nth: int,
        level: Any,
        rule: str,
        message: str,
        *,
        skip_needle: bool = False,
    ) -> Diagnostic:
        """A diagnostic at the nth occurrence of `needle` inside the value of `path`.

        Searches the raw YAML text of the node, so block scalars, folded text and
        quoted strings all resolve to the real line of the character. With
        `skip_needle`, points just past the needle and any spaces (inside `{{ … }}`).
        """
        pos = self.at(path)
        if pos is None:
            return self.diag(path, level, rule, message)
        raw = pos.source.text
        index = pos.start - 1
        for _ in range(nth + 1):
            index = raw.find(needle, index + 1, pos.end)
            if index < 0:
                return self.diag(path, level, rule, message)
        if skip_needle:
            index += len(needle)
            while index < pos.end and raw[index] == " ":
                index += 1
        line, col = pos.source.line_col(index)
        return Diagnostic(pos.source.name, line, col, level, rule, message)


def read_text(path: Path, name: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a data file as UTF-8 (BOM allowed), refusing other encodings and huge files."""

    def fail(msg: str, line: int = 1, col: int = 1) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic(name, line, col, "error", "YAML", msg)]

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return fail(
                f"文件有 {size // 1024} KB，超过 5 MB 上限：请把各部分拆到 include 的文件中"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        return fail("文件不存在：请检查路径")
    except OSError as exc:
        return fail(f"无法读取文件：{exc.strerror}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return fail("文件是 UTF-16 编码：请另存为 UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        try:
            data.decode("gb18030")
            hint = "看起来是 GBK/GB18030 编码（Windows 记事本常见）"
        except UnicodeDecodeError:
            hint = "无法识别其编码"
        return fail(f"文件不是 UTF-8 编码，{hint}：请用“另存为 → UTF-8”保存后重试", line, col)


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
        problem = exc.problem or exc.context or "无法解析"
        text = _YAML_PROBLEMS.get(problem) or _translate_expected(problem)
        err(mark.index if mark else 0, f"YAML 语法错误：{text}")
        return None, positions, key_positions, diags
    except yaml.YAMLError as exc:
        err(0, f"YAML 语法错误：{exc}")
        return None, positions, key_positions, diags
    if root is None:
        return {}, positions, key_positions, diags

    constructor = yaml.SafeLoader("")
    budget = [MAX_NODES]

    def build(node: yaml.Node, path: KeyPath) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise _TooLarge(node)
        positions[path] = Pos(source, node.start_mark.index, node.end_mark.index)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            err(
                node.start_mark.index,
                f"无法解析的值（不支持 {node.tag} 等特殊标签）：请写成普通文字或数字",
                "SCHEMA",
            )
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
                key = constructor.construct_object(key_node)
                if isinstance(key, (int, float)) and not isinstance(key, bool):
                    key = key_node.value
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
        try:
            return constructor.construct_object(node)
        except yaml.YAMLError:
            err(
                node.start_mark.index,
                f"无法解析的值（不支持 {node.tag} 等特殊标签）：请写成普通文字或数字",
                "SCHEMA",
            )
            return None

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


def _compose(text: str) -> yaml.Node | None:
    """The node tree: libyaml when it parses; on an error, PyYAML's own (clearer) message."""
    loaders: list[type[yaml.SafeLoader]] = (
        [_Loader, yaml.SafeLoader] if _Loader is not yaml.SafeLoader else [_Loader]
    )
    for loader_class in loaders:
        loader = loader_class(text)
        try:
            return loader.get_single_node()  # type: ignore[no-any-return]
        except yaml.YAMLError:
            if loader_class is yaml.SafeLoader:
                raise
        finally:
            loader.dispose()
    return None


def _translate_expected(problem: str) -> str:
    """PyYAML's "expected X, but found Y" family, in Chinese."""
    if problem.startswith("expected ',' or ']'"):
        return "方括号列表没有闭合：缺少“]”或逗号"
    if problem.startswith("expected ',' or '}'"):
        return "花括号映射没有闭合：缺少“}”或逗号"
    if "found unexpected ':'" in problem:
        return "多余的冒号：含冒号的文字请加引号"
    if problem.startswith("expected <block end>"):
        return "缩进不一致"
    return f"{problem}（请检查缩进、冒号和引号）"


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node
