from eduwriter.library import pinyin


def test_initials_are_aligned_with_the_text():
    text = "指导思想2024年，Ab"
    ini = pinyin.to_initials(text)
    assert len(ini) == len(text)
    assert ini.startswith("zdsx2024n")
    assert ini.endswith("ab")


def test_polyphones_have_an_alternate_initial():
    # 行: xing (primary) / hang (alternate); 长: zhang / chang
    assert pinyin.to_initials("银行") == "yx"
    assert pinyin.to_initials("银行", alternate=True) == "yh"
    assert {pinyin.to_initials("成长"), pinyin.to_initials("成长", alternate=True)} >= {"cz", "cc"}


def test_full_pinyin_splits_into_syllables():
    ways = pinyin.split_syllables("zhidaosixiang")
    assert ways[0] == ["zhi", "dao", "si", "xiang"]
    assert pinyin.split_syllables("xi'an")[0] == ["xi", "an"]
    # the last syllable may still be being typed
    assert ["zhi", "dao", "si", "x"] in pinyin.split_syllables("zhidaosix")


def test_chars_match_accepts_any_reading():
    assert pinyin.chars_match("指导思想", ["zhi", "dao", "si", "xiang"])
    assert pinyin.chars_match("银行", ["yin", "hang"])
    assert not pinyin.chars_match("银行", ["yi", "hang"])
    assert not pinyin.chars_match("银行", ["yin", "hu"])


def test_pinyin_query_detection():
    assert pinyin.is_pinyin_query("zdsx")
    assert pinyin.is_pinyin_query("xi'an")
    assert not pinyin.is_pinyin_query("指导")
    assert not pinyin.is_pinyin_query("2024")
    assert pinyin.full_pinyin("指导思想") == "zhidaosixiang"
