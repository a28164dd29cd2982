"""Word automatic numbering rendered as Word shows it."""

from __future__ import annotations

import pytest
from lxml import etree

from eduwriter.core.docx_numbering import Numbering, format_number
from tests.core.docx_build import level, numbering


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCountingThousand", "十一"),
        (23, "chineseCountingThousand", "二十三"),
        (105, "chineseCountingThousand", "一百〇五"),
        (3, "ideographTraditional", "丙"),
        (2, "chineseLegalSimplified", "贰"),
        (12, "ideographDigital", "一二"),
        (3, "decimalEnclosedCircle", "③"),
        (4, "decimalFullWidth", "４"),
        (28, "upperLetter", "BB"),
        (2, "lowerLetter", "b"),
        (4, "upperRoman", "IV"),
        (9, "lowerRoman", "ix"),
        (7, "decimal", "7"),
        (5, "someFormatWordLacks", "5"),
    ],
)
def test_number_formats(n: int, fmt: str, shown: str):
    assert format_number(n, fmt) == shown


def _numbering(abstracts, nums) -> Numbering:
    return Numbering(etree.fromstring(numbering(abstracts, nums).encode()))


LADDER = [
    level(0, "chineseCounting", "%1、"),
    level(1, "chineseCounting", "（%2）"),
    level(2, "decimal", "%3."),
    level(3, "decimal", "%1.%2.%4", extra="<w:isLgl/>"),  # legal: all decimal
]


def test_levels_count_and_restart_below_a_higher_level():
    num = _numbering({0: LADDER}, {1: (0, "")})
    shown = [num.next("1", lv).marker for lv in (0, 1, 1, 2, 2, 0, 1, 2, 3)]
    assert shown == ["一、", "（一）", "（二）", "1.", "2.", "二、", "（一）", "1.", "2.1.1"]


def test_instances_of_one_list_continue_and_a_start_override_restarts():
    num = _numbering(
        {0: LADDER},
        {
            1: (0, ""),
            2: (0, ""),
            3: (0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'),
        },
    )
    assert num.next("1", 0).marker == "一、"
    assert num.next("2", 0).marker == "二、"  # same abstract list: continues
    assert num.next("3", 0).marker == "五、"  # start override: restarts at 5
    assert num.next("3", 0).marker == "六、"


def test_start_value_and_level_override_and_unknown_lists():
    num = _numbering(
        {0: [level(0, "decimal", "%1.", start=3)]},
        {
            1: (0, ""),
            2: (
                0,
                '<w:lvlOverride w:ilvl="0">'
                + level(0, "decimalEnclosedCircle", "%1")
                + "</w:lvlOverride>",
            ),
        },
    )
    assert num.next("1", 0).marker == "3."
    assert num.next("2", 0).marker == "①"
    assert num.next("0", 0) is None
    assert num.next("99", 0) is None


def test_bullets_have_no_number():
    num = _numbering({0: [level(0, "bullet", "\uf06c")]}, {1: (0, "")})
    shown = num.next("1", 0)
    assert shown is not None and shown.bullet and shown.marker == ""
