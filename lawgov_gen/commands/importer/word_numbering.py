"""Word's automatic numbering: the label ("一、", "（二）", "3.") numbering.xml draws.

As in Word, the lists (`w:num`) that share one abstract definition share its counters: a
list continues where another left off, unless it overrides a level's start, which then
restarts that level the first time the list uses it. Using a level restarts the levels
below it unless their `w:lvlRestart` says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml import etree

_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TW = "零壹貳參肆伍陸柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


# Every format that counts in Chinese numerals (LibreOffice writes the taiwanese ones).
_COUNTING = {
    "chineseCounting",
    "chineseCountingThousand",
    "japaneseCounting",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
}
MAX_COUNTER = 9999  # lists in a report never go further; corrupt files may say 10**15


def chinese_number(n: int, digits: str = _DIGITS, ten: str = "十", hundred: str = "百") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (below 1000; larger in Arabic digits)."""
    if n < 10:
        return digits[max(n, 0)]
    if n < 20:
        return ten + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + ten + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        head, rest = digits[n // 100] + hundred, n % 100
        if not rest:
            return head
        if rest < 10:
            return head + ("零" if digits is _DIGITS else digits[0]) + digits[rest]
        tens = chinese_number(rest, digits, ten, hundred)
        return head + (digits[1] + tens if rest < 20 else tens)
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def format_number(n: int, fmt: str) -> str | None:
    """The number `n` written in Word's `w:numFmt`; None for bullets (they are not labels)."""
    if fmt == "bullet":
        return None
    if fmt == "none":
        return ""
    if not 0 <= n <= MAX_COUNTER:
        return str(n)  # a counter no report reaches (a corrupt start value): as digits
    if fmt in _COUNTING:
        return chinese_number(n)
    if fmt == "chineseLegalSimplified":
        return chinese_number(n, _LEGAL, "拾", "佰")
    if fmt in ("ideographLegalTraditional", "japaneseLegal"):
        return chinese_number(n, _LEGAL_TW, "拾", "佰")
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if fmt == "ideographEnclosedCircle" and 1 <= n <= 10:
        return chr(0x3280 + n - 1)
    if fmt == "ideographZodiacTraditional":
        return _TIANGAN[(n - 1) % 10] + _DIZHI[(n - 1) % 12]
    if fmt == "numberInDash":
        return f"- {n} -"
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(n)


@dataclass(frozen=True)
class Level:
    """One level of a list: how its number is written and where it starts."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    legal: bool = False
    style: str | None = None


def _val(el: etree._Element | None, tag: str) -> str | None:
    child = None if el is None else el.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def _int(value: str | None, default: int | None = None) -> int | None:
    return int(value) if value is not None and re.fullmatch(r"-?\d+", value) else default


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _format(lvl: etree._Element) -> str:
    """The level's numFmt; Word 2010+ may put it in mc:AlternateContent, a custom format
    ("一, 二, 三, ...", "001, 002, ...") first, a standard one as the fallback."""
    direct = _val(lvl, "w:numFmt")
    if direct:
        return direct
    for choice in lvl.iter(f"{_MC}Choice", f"{_MC}Fallback"):
        fmt = choice.find(qn("w:numFmt"))
        if fmt is None:
            continue
        value = fmt.get(qn("w:val")) or ""
        custom = (fmt.get(qn("w:format")) or "").split(",")[0].strip()
        if value == "custom" and custom[:1] in _DIGITS:
            return "chineseCounting"
        if value == "custom" and custom.isdigit():
            return "decimalZero" if len(custom) == 2 else "decimal"
        if value and value != "custom":
            return value
    return "decimal"


def _level(lvl: etree._Element) -> Level:
    legal = lvl.find(qn("w:isLgl"))
    return Level(
        fmt=_format(lvl),
        text=_val(lvl, "w:lvlText") or "",
        start=_int(_val(lvl, "w:start"), 1) or 0,
        restart=_int(_val(lvl, "w:lvlRestart")),
        legal=legal is not None and legal.get(qn("w:val")) not in ("0", "false", "off"),
        style=_val(lvl, "w:pStyle"),
    )


class Numbering:
    """The lists of one document; `label` advances a list's counter and returns its text."""

    def __init__(self, root: etree._Element | None, style_num: dict[str, str]) -> None:
        # style_num maps a numbering style id to the numId it carries (for w:numStyleLink).
        self._abstract: dict[str, etree._Element] = {}
        self._nums: dict[int, etree._Element] = {}
        self._counts: dict[str, dict[int, int]] = {}
        self._seen: set[tuple[int, int]] = set()
        self._style_num = style_num
        if root is None:
            return
        for el in root.iter(qn("w:abstractNum")):
            self._abstract[el.get(qn("w:abstractNumId")) or ""] = el
        for el in root.iter(qn("w:num")):
            num_id = _int(el.get(qn("w:numId")))
            if num_id is not None:
                self._nums[num_id] = el

    def _abstract_of(self, num_id: int, depth: int = 0) -> etree._Element | None:
        num = self._nums.get(num_id)
        abstract = self._abstract.get(_val(num, "w:abstractNumId") or "")
        link = _val(abstract, "w:numStyleLink")
        if link and depth < 3 and link in self._style_num:
            linked = _int(self._style_num[link])
            return self._abstract_of(linked, depth + 1) if linked is not None else None
        return abstract

    def _overridden(self, num_id: int) -> set[int]:
        num = self._nums.get(num_id)
        overrides = [] if num is None else num.findall(qn("w:lvlOverride"))
        return {_int(o.get(qn("w:ilvl")), 0) or 0 for o in overrides}

    def levels(self, num_id: int) -> dict[int, Level]:
        """The levels of list `num_id`, with the list's own overrides applied."""
        out: dict[int, Level] = {}
        abstract = self._abstract_of(num_id)
        if abstract is not None:
            for lvl in abstract.findall(qn("w:lvl")):
                out[_int(lvl.get(qn("w:ilvl")), 0) or 0] = _level(lvl)
        num = self._nums.get(num_id)
        for override in [] if num is None else num.findall(qn("w:lvlOverride")):
            ilvl = _int(override.get(qn("w:ilvl")), 0) or 0
            lvl = override.find(qn("w:lvl"))
            if lvl is not None:
                out[ilvl] = _level(lvl)
            start = _int(_val(override, "w:startOverride"))
            if start is not None and ilvl in out:
                old = out[ilvl]
                out[ilvl] = Level(old.fmt, old.text, start, old.restart, old.legal, old.style)
        return out

    def level_for_style(self, num_id: int, style_id: str) -> int | None:
        """The level whose `w:pStyle` names this paragraph style, if any."""
        for ilvl, lvl in self.levels(num_id).items():
            if lvl.style == style_id:
                return ilvl
        return None

    def label(self, num_id: int, ilvl: int) -> str | None:
        """Count one paragraph of list `num_id` at level `ilvl` and return its label."""
        levels = self.levels(num_id)
        if ilvl not in levels:
            return None
        abstract = self._abstract_of(num_id)
        key = f"num {num_id}" if abstract is None else abstract.get(qn("w:abstractNumId")) or ""
        counts = self._counts.setdefault(key, {})
        if (num_id, ilvl) not in self._seen:
            self._seen.add((num_id, ilvl))
            if ilvl in self._overridden(num_id):
                counts.pop(ilvl, None)
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper, lvl in levels.items():
            if deeper > ilvl and (lvl.restart is None or ilvl < lvl.restart):
                counts.pop(deeper, None)
        own = levels[ilvl]
        if own.fmt == "bullet":
            return None

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl = levels.get(k, Level())
            fmt = "decimal" if own.legal and k < ilvl else lvl.fmt
            return format_number(counts.get(k, lvl.start), fmt) or ""

        return re.sub(r"%([1-9])", number, own.text).strip() or None
