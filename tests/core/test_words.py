"""The shared word segmenter: words join back to the text, tags and offsets, the 公文 dictionary."""

from eduwriter.core import words


def test_words_join_back_to_the_text():
    text = "认真学习区委精神，落实“双减”政策，全区128所学校开展课后服务。"
    assert "".join(words.cut(text)) == text
    tagged = words.tagged(text)
    assert "".join(w.text for w in tagged) == text
    assert all(text[w.start : w.end] == w.text for w in tagged)


def test_user_dictionary_keeps_gongwen_terms_whole():
    assert "立德树人" in words.cut("坚持立德树人根本任务")
    assert "家校社协同" in words.cut("完善家校社协同育人机制")


def test_verbs_are_not_places():
    tags = {w.text: w.tag for w in words.tagged("认真学习区委精神，落实省委部署")}
    assert not tags.get("学习", "v").startswith("ns")
    assert tags.get("区委") == "nt"


def test_boundaries_never_cut_inside_a_word():
    text = "提质增效推动教育高质量发展"
    edges = words.boundaries(text)
    assert 0 in edges and len(text) in edges
    # 提质增效 is one word: no boundary inside it
    assert not {1, 2, 3} & edges


def test_extra_dictionary_is_used(tmp_path):
    extra = tmp_path / "mine.txt"
    extra.write_text("# 我的词\n星火领航工程 100 n\n", encoding="utf-8")
    try:
        words.configure([extra])
        assert "星火领航工程" in words.cut("实施星火领航工程")
    finally:
        words.configure([])


def test_tagging_block_by_block_gives_the_tagger_s_own_words():
    text = (
        "2024年，绍兴市教育局召开全市教育工作会议。\r\n会议指出：要落实“双减”政策，"
        "全区128所学校开展课后服务（覆盖率98.5%），王老师发言。 Python3.10 & C++"
    )
    _, tagger = words._load()
    direct = [(p.word, p.flag) for p in tagger.cut(text, HMM=True)]  # the whole text at once
    assert [(w.text, w.tag) for w in words.tagged(text)] == direct


def test_extra_dictionary_reaches_remembered_tags(tmp_path):
    text = "实施星辰远航工程"
    before = [w.text for w in words.tagged(text)]
    assert "星辰远航工程" not in before
    extra = tmp_path / "mine.txt"
    extra.write_text("星辰远航工程 100 nz\n", encoding="utf-8")
    try:
        words.configure([extra])
        assert ("星辰远航工程", "nz") in [(w.text, w.tag) for w in words.tagged(text)]
    finally:
        words.configure([])
    assert [w.text for w in words.tagged(text)] == before


def test_tagger_knows_every_tag_of_jieba_s_dictionary():
    import jieba
    import jieba.posseg

    _, tagger = words._load()
    fresh = jieba.posseg.POSTokenizer(jieba.Tokenizer())  # reads the dictionary's tags itself
    assert len(fresh.word_tag_tab) > 100_000
    missing = [w for w, tag in fresh.word_tag_tab.items() if w not in tagger.word_tag_tab]
    assert missing == []
    # the shipped 公文 dictionary's own tags are on top
    assert words.tagged("区委")[0].tag == "nt"


def test_a_new_dictionary_reaches_cached_callers(tmp_path):
    """Callers that cache tagged text (slot typing) see a dictionary added later."""
    from eduwriter.core import specifics

    text = "参加星火领航工程培训"
    before = [w.text for w in specifics._tagged(text)]
    extra = tmp_path / "mine.txt"
    extra.write_text("星火领航工程 1000 nz\n", encoding="utf-8")
    try:
        words.configure([extra])
        assert "星火领航工程" in [w.text for w in specifics._tagged(text)]
    finally:
        words.configure([])
    assert [w.text for w in specifics._tagged(text)] == before


_TEXT = "江宁区教育局关于进一步加强中小学德育工作的实施方案，由王明同志负责，2024年3月起施行。"


def _tables():
    tok, pos = words._load()
    return dict(tok.FREQ), tok.total, dict(pos.word_tag_tab), words.tagged(_TEXT)


def test_the_dictionary_cache_gives_the_same_tables_and_tags(tmp_path, monkeypatch):
    monkeypatch.setenv("EDUWRITER_DATA_DIR", str(tmp_path))
    extra = tmp_path / "mine.txt"
    extra.write_text("德育工作 50 n\n", encoding="utf-8")
    try:
        words.configure([extra])
        made = _tables()  # jieba's own start; writes the cache
        cached = list((tmp_path / "cache").glob("words-*.marshal"))
        assert len(cached) == 1
        words.configure([extra])
        assert _tables() == made  # from the cache
        assert ("德育工作", "n") in [(w.text, w.tag) for w in made[3]]
    finally:
        words.configure()


def test_a_damaged_dictionary_cache_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("EDUWRITER_DATA_DIR", str(tmp_path))
    try:
        words.configure()
        made = _tables()
        (cache,) = (tmp_path / "cache").glob("words-*.marshal")
        cache.write_bytes(b"\x00not a cache")
        words.configure()
        assert _tables() == made
        assert cache.read_bytes() != b"\x00not a cache"
    finally:
        words.configure()


def test_another_user_dictionary_gets_its_own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EDUWRITER_DATA_DIR", str(tmp_path))
    extra = tmp_path / "mine.txt"
    try:
        words.configure()
        words._load()
        extra.write_text("实施方案起 90000 n\n", encoding="utf-8")
        words.configure([extra])
        tok, _pos = words._load()
        assert tok.FREQ.get("实施方案起") == 90000
        assert len(list((tmp_path / "cache").glob("words-*.marshal"))) == 2
    finally:
        words.configure()
