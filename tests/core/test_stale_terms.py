"""The dated lexicon of superseded 提法."""

from eduwriter.core.stale_terms import find_stale, is_stale, load_lexicon, parse_lexicon


def test_superseded_terms_are_found_with_their_current_wording():
    hits = find_stale("深入学习贯彻十九大精神，打赢脱贫攻坚战")
    assert [h.text for h in hits] == ["十九大精神", "脱贫攻坚"]
    assert "二十大" in hits[0].entry.current
    assert all(h.entry.superseded <= 2026 for h in hits)


def test_current_wording_is_not_flagged():
    assert not is_stale("巩固拓展脱贫攻坚成果，全面推进乡村振兴")
    assert not is_stale("以习近平新时代中国特色社会主义思想为指导")
    assert not is_stale("深入学习贯彻党的二十大精神")


def test_a_name_cut_out_of_the_guiding_thought_is_flagged():
    assert is_stale("以新时代中国特色社会主义思想为指导")


def test_malformed_lines_are_skipped():
    lex = parse_lexicon("# comment\nbad line\n~([\t2020\tx\n旧提法\t2019\t新提法\tnote\n")
    assert [e.term for e in lex] == ["旧提法"]
    assert find_stale("这是旧提法。", lex)[0].entry.current == "新提法"


def test_shipped_lexicon_loads():
    assert len(load_lexicon()) >= 10


def test_older_guiding_formulas_and_tasks_are_stale():
    from eduwriter.core.stale_terms import is_stale

    assert is_stale("我们坚持科学发展观，坚持先进的文化发展方向。")
    assert is_stale("我们始终以“三个代表”重要思想为指导，全面推进素质教育。")
    assert is_stale("全面加快新农村建设步伐。")
    assert not is_stale("完整准确全面贯彻新发展理念，推进乡村振兴。")
