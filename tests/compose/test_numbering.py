from eduwriter.compose.numbering import cjk_numeral, compute_markers, marker_for


def test_cjk_numerals_as_written_in_documents():
    assert [cjk_numeral(n) for n in (1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 111)] == [
        "一",
        "九",
        "十",
        "十一",
        "十九",
        "二十",
        "二十一",
        "九十九",
        "一百",
        "一百零一",
        "一百一十",
        "一百一十一",
    ]


def test_markers_per_level():
    assert [marker_for(lv, 3) for lv in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]


def test_deeper_counters_restart_under_a_new_parent():
    levels = [1, 2, 3, 3, 2, 3, 1, 3, 4, 4, None, 2]
    assert compute_markers(levels) == [
        "一、",
        "（一）",
        "1.",
        "2.",
        "（二）",
        "1.",
        "二、",
        "1.",
        "（1）",
        "（2）",
        None,
        "（一）",
    ]


def test_out_of_range_levels_are_clamped():
    assert compute_markers([0, 7]) == ["一、", "（1）"]
