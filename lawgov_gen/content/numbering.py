"""Generated numbering: 一、 （一） 1. （1） and 一是 二是."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_UNITS = ("", "十", "百", "千")
MAX_ITEM_LEVEL = 3


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 101 → 一百零一, 110 → 一百一十 (1–9999)."""
    if not 1 <= n <= 9999:
        raise ValueError(f"numbering out of range: {n}")
    if 10 <= n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    digits = [int(d) for d in str(n)]
    out = ""
    zero = False
    for i, d in enumerate(digits):
        unit = _UNITS[len(digits) - 1 - i]
        if d == 0:
            zero = True
            continue
        if zero and out:
            out += "零"
        zero = False
        out += _DIGITS[d] + unit
    return out


def part_label(n: int) -> str:
    """一、"""
    return f"{chinese_number(n)}、"


def item_label(level: int, n: int) -> str:
    """（一） at level 1, 1. at level 2, （1） at level 3."""
    if level == 1:
        return f"（{chinese_number(n)}）"
    if level == 2:
        return f"{n}."
    if level == 3:
        return f"（{n}）"
    raise ValueError(f"items nest at most three levels, got {level}")


def point_label(n: int) -> str:
    """一是, 二是, …"""
    return f"{chinese_number(n)}是"
