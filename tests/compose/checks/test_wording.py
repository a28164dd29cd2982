import pytest
from check_helpers import fired, notice

from eduwriter.compose.checks import check_text

CASES = [
    # genre.conflict
    (
        "genre.conflict:qingshi_baogao",
        notice("正文。", title="关于增加教师编制的请示报告"),
        notice("正文。", title="关于增加教师编制的请示"),
    ),
    (
        "genre.conflict:ask",
        notice("以上报告，妥否，请批示。", title="关于2026年工作情况的报告"),
        notice("以上请示，妥否，请批示。", title="关于增加教师编制的请示"),
    ),
    (
        "genre.conflict:closing",
        notice("特此通知。", title="关于商请支持开展研学活动的函"),
        notice("特此函告。", title="关于商请支持开展研学活动的函"),
    ),
    (
        "genre.conflict:command",
        notice("贵单位务必于5月前完成。", title="关于商请支持开展研学活动的函"),
        notice("恳请贵单位于5月前给予支持。", title="关于商请支持开展研学活动的函"),
    ),
    (
        "wording.direction",
        notice("恳请你局予以支持。", title="关于增加教师编制的请示"),
        notice("恳请市教育局予以支持。", title="关于增加教师编制的请示"),
    ),
    (
        "wording.direction",
        notice("请你局予以支持。", title="关于商请支持开展研学活动的函"),
        notice("请贵局予以支持。", title="关于商请支持开展研学活动的函"),
    ),
    (
        "wording.spun",
        notice("为群众提供优质效劳。"),
        notice("为群众提供优质服务，发挥有效劳动作用。"),
    ),
    (
        "wording.stale",
        notice("深入学习贯彻十九大精神。"),
        notice("深入学习贯彻党的二十大精神。"),
    ),
    (
        "wording.repeat",
        notice("各校要认真落实的的各项要求。"),
        notice("各校要认真落实的确定的各项要求，天天锻炼。"),
    ),
    (
        "wording.repeat",
        notice("全面加强工作工作机制建设。"),
        notice("全面加强工作机制建设。"),
    ),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES)
def test_rule_fires_on_bad_and_not_on_good(rule: str, bad: str, good: str) -> None:
    assert fired(bad, rule), bad
    assert not fired(good, rule), good


def test_spun_word_fix_comes_from_the_shared_repair_list() -> None:
    [f] = fired(notice("为群众提供优质效劳。"), "wording.spun")
    assert (f.text, f.replacement, f.safe) == ("效劳", "服务", True)


def test_stale_term_has_the_current_wording() -> None:
    [f] = fired(notice("深入学习贯彻十九大精神。"), "wording.stale")
    assert f.replacement == "党的二十大精神"
    assert f.severity == "suggestion"


def test_doubled_function_word_is_an_error_with_a_safe_fix() -> None:
    [f] = fired(notice("各校要认真落实的的各项要求。"), "wording.repeat")
    assert (f.severity, f.replacement, f.safe) == ("error", "", True)


def test_doubled_content_word_is_a_suggestion() -> None:
    [f] = fired(notice("全面加强工作工作机制建设。"), "wording.repeat")
    assert (f.severity, f.safe) == ("suggestion", False)


def test_genre_comes_from_the_title() -> None:
    doc, _ = check_text(notice("正文。", title="关于商请支持开展研学活动的复函"))
    assert doc.genre == "函"


def test_doubled_function_word_across_a_word_boundary() -> None:
    # the segmenter reads 党的 + 的: the doubling straddles two words
    [f] = fired(notice("全面贯彻党的的教育方针。"), "wording.repeat")
    assert (f.text, f.safe) == ("的", True)


def test_a_longer_word_over_the_doubling_is_not_a_slip() -> None:
    assert not fired(notice("这的的确确是一项重要工作。"), "wording.repeat")
