"""Small pure functions: numbers, rates, changes, numbering, title lines, signature indents."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lawgov_gen.content.figures import Figure, FigureUnavailable, number_text, percent_text
from lawgov_gen.content.layout import signature_indents
from lawgov_gen.content.numbering import chinese_number, item_label, point_label


@pytest.mark.parametrize(
    ("x", "out"), [(130, "130"), (12.5, "12.5"), (12.0, "12"), (0.05, "0.05"), (1000000, "1000000")]
)
def test_number_text(x: float, out: str) -> None:
    assert number_text(x) == out


@pytest.mark.parametrize(
    ("x", "out"),
    [("96.15", "96.2"), ("100", "100"), ("99.95", "100"), ("66.666", "66.7"), ("0.04", "0")],
)
def test_percent_text(x: str, out: str) -> None:
    assert percent_text(Decimal(x)) == out


@pytest.mark.parametrize(
    ("value", "prev", "rate", "out"),
    [
        (130, 118, False, "同比增长10.2%"),
        (95, 100, False, "同比下降5.0%"),
        (100, 100, False, "与上年持平"),
        (10001, 10000, False, "与上年基本持平"),
        (5, 0, False, "同比增加5件"),
        ("96.6", "95.3", True, "提高1.3个百分点"),
        ("80", "90", True, "下降10个百分点"),
        ("90.01", "90", True, "与上年基本持平"),
        ("90", "90", True, "与上年持平"),
    ],
)
def test_change(value: object, prev: object, rate: bool, out: str) -> None:
    unit = "%" if rate else "件"
    fig = Figure("x", "x", unit, Decimal(str(value)), Decimal(str(prev)), is_rate=rate)
    assert fig.change == out


def test_figure_text_with_approx_and_without_value() -> None:
    assert Figure("x", "资料", "份", Decimal(500), None, approx=True).text == "500余份"
    # a figure without a number never prints ("—" in an official document): it is a bug
    with pytest.raises(FigureUnavailable):
        _ = Figure("x", "率", "%", None, None, is_rate=True).text


@pytest.mark.parametrize(
    ("n", "out"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1005, "一千零五"),
    ],
)
def test_chinese_number(n: int, out: str) -> None:
    assert chinese_number(n) == out


def test_labels() -> None:
    assert [item_label(1, 2), item_label(2, 3), item_label(3, 4), point_label(12)] == [
        "（二）",
        "3.",
        "（4）",
        "十二是",
    ]
    with pytest.raises(ValueError):
        item_label(4, 1)
    with pytest.raises(ValueError):
        chinese_number(0)


def test_signature_indents_follow_gbt9704() -> None:
    # 10-character signature, 6.5-character date: signature 2 from the right, date 2 right of it
    sig, date = signature_indents("示例县青禾镇人民政府", "2025年2月18日")
    assert (sig.em, date.em) == (2.0, 3.5)
    # a signature shorter than the date: the date 2 from the right, the signature moves left
    sig, date = signature_indents("青禾镇政府", "2025年12月18日")
    assert (sig.em, date.em) == (6.0, 2.0)
