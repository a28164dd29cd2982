"""Did you mean: the nearest words that find something."""

from eduwriter.library.suggest import nearest, vocabulary


def test_a_typo_and_wrong_initials_get_the_nearest_words():
    vocab = vocabulary(["家校共育", "立德树人", "课后服务"])
    assert nearest("家校共管", vocab, lambda w: True)[0] == "家校共育"
    assert nearest("lsdsr", vocab, lambda w: True)[0] == "立德树人"


def test_only_words_that_find_something_are_offered():
    vocab = vocabulary(["家校共育"])
    assert "家校共育" not in nearest("家校共管", vocab, lambda w: w != "家校共育")
