"""Reading a query: words naming a function, a genre or a kind become filters."""

from eduwriter.library.query import parse_query


def fields(q):
    return {(f.field, f.value) for f in q.filters}


def test_function_and_genre_words_become_filters_and_the_rest_terms():
    q = parse_query("总结 开头 双减")
    assert fields(q) == {("genre", "summary"), ("function", "开头")}
    assert q.terms == ("双减",)
    assert not q.only_filters


def test_a_query_of_filter_words_only_written_without_spaces():
    q = parse_query("总结开头")
    assert fields(q) == {("genre", "summary"), ("function", "开头")}
    assert q.only_filters
    assert fields(parse_query("下一步打算")) == {("function", "打算")}


def test_a_filter_word_inside_a_phrase_stays_a_term():
    q = parse_query("安全问题")
    assert q.filters == () and q.terms == ("安全问题",)


def test_a_field_chosen_elsewhere_is_not_read_from_the_words():
    q = parse_query("讲话 结尾", fixed=frozenset({"genre"}))
    assert fields(q) == {("function", "结尾")}
    assert q.terms == ("讲话",)


def test_two_words_for_one_field_keep_the_second_as_a_term():
    q = parse_query("开头 结尾")
    assert fields(q) == {("function", "开头")}
    assert q.terms == ("结尾",)


def test_removing_a_chip_searches_its_word():
    q = parse_query("计划 措施").without("措施")
    assert fields(q) == {("genre", "plan")}
    assert q.terms == ("措施",)


def test_a_quoted_word_is_a_term_and_a_removed_chip_is_written_back_quoted():
    from eduwriter.library.query import parse_query

    assert parse_query('"总结" 开头').terms == ("总结",)
    assert [f.word for f in parse_query("“总结” 开头").filters] == ["开头"]
    q = parse_query("总结开头 安全")
    text = q.text_without("开头")
    assert text == '总结 安全 "开头"'
    again = parse_query(text)
    assert [f.word for f in again.filters] == ["总结"]
    assert set(again.terms) == {"安全", "开头"}
    assert q.text_without("不在") == q.text
