"""Whole-word matches by the shared segmenter."""

from eduwriter.library.word_spans import is_whole


def span(text, piece):
    i = text.index(piece)
    return i, i + len(piece)


def test_a_match_across_a_word_boundary_is_not_whole():
    t = "切实增强工作的实效"
    assert not is_whole(t, *span(t, "作的实效"))


def test_a_word_and_a_run_of_words_are_whole():
    t = "坚持以指导思想为引领，深化教育教学改革"
    assert is_whole(t, *span(t, "指导思想"))
    assert is_whole(t, *span(t, "教育教学"))


def test_the_beginning_of_one_word_is_whole_but_a_cut_second_word_is_not():
    t = "治理能力显著提升"
    assert is_whole(t, 0, 1)  # zhi … still typing 治理
    t = "市教育局下发通知"
    assert not is_whole(t, *span(t, "教育局下"))
