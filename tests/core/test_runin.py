"""Run-in items: the fast marker scan gives exactly what the look-behind pattern gives."""

from eduwriter.core.runin import RUN_IN_RE, _run_in_markers, find_run_in

CASES = [
    "一是加强领导；二是完善制度；三是强化考核。",
    "统一是前提，唯一是目标，十一是节日。第一，要提高认识。第二个是落实。",
    "第一 ，抓学习 一要抓落实，二要求实效，三要不断完善。",
    "我们坚持第一，二是继续推进，（三）是否…",
    "十一是一二是二三是",
    "",
]


def test_run_in_markers_match_the_pattern_everywhere():
    for text in CASES:
        fast = [(m.start(), m.group("marker")) for m in _run_in_markers(text)]
        slow = [(m.start(), m.group("marker")) for m in RUN_IN_RE.finditer(text)]
        assert fast == slow, text


def test_find_run_in_skips_enumerators_inside_words():
    items = find_run_in("统一是前提。一是加强领导；二是完善制度。")
    assert [(i.marker, i.text) for i in items] == [("一是", "加强领导"), ("二是", "完善制度")]
