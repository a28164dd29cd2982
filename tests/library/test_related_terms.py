"""The related-terms lexicon: editable data, widening a query term."""

from eduwriter.library import related_terms
from eduwriter.library.related_terms import RelatedTerms, parse_groups


def test_groups_are_read_from_plain_text():
    groups = parse_groups("# comment\n甲乙\t丙丁\t戊己  # trailing\n\n单独\n")
    assert groups == (("甲乙", "丙丁", "戊己"),)


def test_a_term_is_widened_to_its_neighbours_keeping_the_rest():
    lex = RelatedTerms((("家校共育", "家校社协同"), ("双减", "减负")))
    assert lex.widen_term("家校共育") == [("家校社协同",)]
    assert lex.widen_term("推进双减工作") == [("减负", "推进", "工作")]
    assert lex.widen_term("课程") == []


def test_the_shipped_lexicon_knows_the_common_pairs():
    lex = related_terms.shipped()
    assert "家校社协同" in lex.related("家校共育")
    assert "减负" in lex.related("双减")
    assert "德育" in lex.related("立德树人")
