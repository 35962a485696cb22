"""Generated numbering: 一、 （一） 1. （1） and 一是 二是."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (1–99)."""
    if not 1 <= n <= 99:
        raise ValueError(f"numbering out of range: {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return f"{head}十{_DIGITS[ones] if ones else ''}"


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


MAX_ITEM_LEVEL = 3
