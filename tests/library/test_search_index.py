"""The index structures: word edges of the shared segmenter, computed when the index is built."""

from eduwriter.library.pinyin_index import PinyinIndex, word_edges
from eduwriter.library.search_index import Record


def whole(text, piece, occurrence=0):
    py = PinyinIndex(
        [Record.make("other", "phrasing", "前一条"), Record.make("x", "phrasing", text)]
    )
    start = text.index(piece)
    for _ in range(occurrence):
        start = text.index(piece, start + 1)
    return py.whole(1, start, len(piece))


def test_a_match_across_a_word_boundary_is_not_whole():
    assert not whole("切实增强工作的实效", "作的实效")


def test_a_word_and_a_run_of_words_are_whole():
    assert whole("坚持以指导思想为引领，深化教育教学改革", "指导思想")
    assert whole("坚持以指导思想为引领，深化教育教学改革", "教育教学")
    assert whole("坚持以指导思想为引领", "指导思想为引领")


def test_the_beginning_of_one_word_is_whole_but_a_cut_second_word_is_not():
    assert whole("治理能力显著提升", "治")  # zhi … still typing 治理
    assert not whole("市教育局下发通知", "教育局下")


def test_edges_are_aligned_with_the_joined_texts_and_reused():
    memo: dict[str, bytes] = {}
    edges = word_edges(["指导思想", "工作"], memo)
    assert len(edges) == len("指导思想\n工作") + 1
    assert edges[0] == edges[4] == edges[5] == edges[7] == 1 and edges[2] == 0
    assert set(memo) == {"指导思想", "工作"}
    assert word_edges(["工作"], memo) == memo["工作"]


def test_a_query_in_letters_finds_every_record_holding_it_in_the_ascii_runs():
    from eduwriter.library.search_flat import Columns

    texts = [
        "推进5g网络和ai教育",
        "没有字母",
        "ai赋能，再谈ai",
        "wps文档与ai课堂 ai",
        "x",
        "plain ai",
    ]
    cols = Columns.build([Record.make(f"r{n}", "phrasing", t) for n, t in enumerate(texts)])
    for needle in ("ai", "5g", "i", "wps", "n ai", "zz"):
        got = {cols.ids[i]: off for i, off in cols.ascii_hits(needle)}
        want = {}
        for i in range(cols.n):
            text = cols.primary(i)
            if needle in text:
                want[cols.ids[i]] = text.index(needle)
        assert got == want, needle
    skipped = {cols.ids[i] for i, _ in cols.ascii_hits("ai", skip=lambda i: i % 2 == 0)}
    assert skipped == {cols.ids[i] for i in range(cols.n) if i % 2 and "ai" in cols.primary(i)}


def test_ascii_runs_survive_the_sidecar():
    from eduwriter.library.search_flat import Columns

    cols = Columns.build(
        [Record.make("a", "phrasing", "用好ppt与ai"), Record.make("b", "phrasing", "无")]
    )
    meta, data = cols.sections()
    again = Columns.from_sections(meta, data)
    hits = list(again.ascii_hits("ai"))
    assert hits == list(cols.ascii_hits("ai"))
    assert [(again.ids[i], off) for i, off in hits] == [("a", 6)]
    empty = Columns.build([Record.make("c", "phrasing", "全是汉字")])
    assert list(Columns.from_sections(*empty.sections()).ascii_hits("ai")) == []
