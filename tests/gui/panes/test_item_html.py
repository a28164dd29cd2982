"""HTML of library items: search hits found literally or by pinyin, slots marked."""

from eduwriter.gui.panes.item_html import match_spans, render_text


def test_a_query_matches_literally_by_initials_and_by_full_pinyin():
    text = "进一步加强马克思主义指导思想的学习教育。"
    start = text.index("指导思想")
    for query in ("指导思想", "zdsx", "zhidaosixiang", "ZDSX"):
        assert match_spans(text, query) == [(start, start + 4)], query


def test_slots_are_marked_and_hits_shaded_with_the_text_escaped():
    out = render_text("到【年份】年<底>\n完成", "年<底")
    assert out.count("#ffe9a8") == 1  # the slot, once
    assert "#cfe3ff" in out  # the hit
    assert "年&lt;底</span>&gt;" in out and "<br/>" in out
    assert render_text("无要素") == "无要素"
