"""Cleaning: boilerplate out (and reported), artifacts repaired, never adds text, idempotent."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eduwriter.core.clean import clean_lines, clean_text, normalize_chars

_WS = re.compile(r"\s+")


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


# Text built from the pieces that trigger the cleaner's rules, plus arbitrary characters.
_PIECES = st.sampled_from(
    [
        "上一篇：",
        "下一篇",
        "相关推荐",
        "版权所有",
        "当前隐藏内容免费查看",
        "下面是小编给大家带来的范文，希望大家喜欢！",
        "首页",
        "新闻中心",
        "一、",
        "（一）",
        "1.",
        "一是",
        "第一，",
        "XX",
        "20XX年",
        "查看更多",
        "\u3000\u3000",
        "\u00a0",
        "〞",
        "。",
        "，",
        " ",
        "\n",
        "\r\n",
        "加强学校管理工作，全面提升教育质量",
        "[08-12]",
        "|",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_TEXT)
@example("首页\n新闻中心\n学校公告\n一中新闻\n工作安排\n正文内容比较长，需要认真落实各项工作。")
@example("当前隐藏当前隐藏内容免费查看内容免费查看")
def test_clean_never_raises_never_adds_and_is_idempotent(text):
    result = clean_text(text)
    # never adds text: whitespace removed, the output is a subsequence of the normalised input
    out = _WS.sub("", result.text)
    src = _WS.sub("", normalize_chars(text))
    assert _is_subsequence(out, src)
    # idempotent
    again = clean_text(result.text)
    assert again.text == result.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_clean_handles_arbitrary_unicode(text):
    result = clean_text(text)
    src = _WS.sub("", normalize_chars(text))
    out = _WS.sub("", result.text)
    assert _is_subsequence(out, src)
    # nothing lost silently: every removed piece comes from the input, and every input line
    # is kept or lost only through a reported removal
    for piece in result.removed:
        assert _WS.sub("", piece) in src
    for line in normalize_chars(text).split("\n"):
        squashed = _WS.sub("", line)
        if squashed and squashed not in out:
            assert any(_WS.sub("", r) and _WS.sub("", r) in squashed for r in result.removed)


def test_site_boilerplate_lines_removed_and_reported():
    text = "\n".join(
        [
            "手机阅读",
            "格式:DOC 上传日期:2023-11-12 02:11:49 页码:13",
            "学校工作总结",
            "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展。",
            "上一篇：关于开展活动的通知[ 03-09 ]",
            "下一篇：教师大会讲话",
            "相关推荐",
            "学校名称 版权所有 Copyright © 2020",
        ]
    )
    result = clean_text(text)
    assert result.text.splitlines() == [
        "学校工作总结",
        "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展。",
    ]
    assert "上一篇：关于开展活动的通知[ 03-09 ]" in result.removed
    assert "相关推荐" in result.removed
    assert len(result.removed) == 6


def test_inline_teasers_removed_but_sentence_kept():
    text = "我们坚持立德树人。当前隐藏内容免费查看全面推进素质教育。下面是小编为大家整理的范文，希望大家喜欢！"
    result = clean_text("标题\n" + text)
    assert "当前隐藏内容免费查看" not in result.text
    assert "小编" not in result.text
    assert "全面推进素质教育。" in result.text
    assert "当前隐藏内容免费查看" in result.removed


def test_navigation_menu_removed_only_outside_the_body():
    menu = ["首页", "新闻中心", "学校公告", "校长专栏", "党建引领"]
    table = ["语文", "数学", "英语", "物理", "化学"]
    body = "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展。"
    text = "\n".join([*menu, body, *table, body, "网站地图", "怀旧网站", "学校外网", "校长信箱"])
    lines = clean_text(text).text.splitlines()
    assert lines == [body, *table, body]


def test_signature_after_body_is_kept():
    body = "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展。"
    text = "\n".join([body, "绍兴市第一中学", "2019年12月18日", "【打印正文】", "网站地图"])
    assert clean_text(text).text.splitlines() == [body, "绍兴市第一中学", "2019年12月18日"]


def test_artifacts_repaired():
    text = "\u3000\u3000他说：〝好〞。\u00a0\u00a0继续\u200b努力。"
    assert clean_text(text).text == "他说：“好”。 继续努力。"


def test_run_together_document_split_into_paragraphs():
    sentence = "这是一段很长的正文，用来模拟从网页复制的内容，没有换行。"
    line = " ".join(
        ["工作总结", sentence * 4, "一、主要成绩", sentence * 4, "二、存在问题", sentence * 4]
    )
    lines = [ln.text for ln in clean_lines(line)[0]]
    assert lines[0] == "工作总结"
    assert "一、主要成绩" in lines
    assert "二、存在问题" in lines


def test_real_content_with_boilerplate_words_is_kept():
    text = "我们要坚持首页负责制，建立上一篇文章与下一篇文章的联系，学校的版权意识要加强。"
    assert clean_text(text).text == text


def test_signature_date_and_blank_lines_kept():
    body = "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展。"
    text = "\n".join([body, "XX学校", "2019.12.18", "______", "(0)", "|"])
    assert clean_text(text).text.splitlines() == [body, "XX学校", "2019.12.18", "______"]


def test_article_tool_and_credit_lines():
    body = "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展。"
    chrome = ["打印本页 关闭窗口", "【字体：大 中 小】", "录入：张三 审核：李四", "点击：123次"]
    result = clean_text("\n".join([body, *chrome, "关闭学校门口的小卖部。"]))
    assert result.text.splitlines() == [body, "关闭学校门口的小卖部。"]
    assert result.removed == chrome


def test_page_numbers_removed():
    body = "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展。"
    pages = ["第2页", "— 第 3 页 —", "第1页/共5页", "- 2 -", "2/5"]
    result = clean_text("\n".join([body, pages[0], body, *pages[1:], body]))
    assert result.text.splitlines() == [body, body, body]


def test_site_date_header_removed_but_sentences_starting_with_today_kept():
    text = "\n".join(
        [
            "今天是",
            "今天是 2024年9月10日 星期二",
            "在庆祝教师节大会上的讲话",
            "今天是第40个教师节，我们在这里隆重集会，表彰先进。",
            "今天是我校建校五十周年的日子",
            "地址：某市某路1号 电话：0000-1234567",
        ]
    )
    res = clean_text(text)
    assert res.text.splitlines() == [
        "在庆祝教师节大会上的讲话",
        "今天是第40个教师节，我们在这里隆重集会，表彰先进。",
        "今天是我校建校五十周年的日子",
    ]
    assert "今天是 2024年9月10日 星期二" in res.removed


def test_dated_link_lines_removed_only_outside_the_body():
    body = [
        "学校运动会工作安排",
        "为增强学生体质，学校决定举办秋季运动会，请各班做好准备。",
        "报名截止10-15",
        "各班按时提交名单，体育组负责编排秩序册。",
    ]
    links = ["班主任工作总结范文03-20", "教师读书心得体会04-02"]
    res = clean_text("\n".join(body + links))
    assert res.text.splitlines() == body
    assert res.removed == links


def test_a_sub_heading_used_twice_in_one_document_is_content():
    # issue 10: a short heading before the first sentence that occurs again in the body was
    # removed as a menu item repeated around the page
    body = "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展，成效明显。"
    text = "\n".join(
        ["学校工作总结", "工作成效", body, "工作成效", body + "再接再厉。", "存在问题"]
    )
    result = clean_text(text)
    assert result.text.splitlines()[1] == "工作成效"
    assert result.removed == []


def test_general_boilerplate_signals_with_reasons():
    from eduwriter.core.boilerplate import reason_of

    body = "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展，成效明显。"
    text = "\n".join(
        [
            "转载自：某某教育公众号",
            "作者：李四 时间：2023-05-06 阅读：3456",
            "INSERT INTO articles VALUES (1,",
            body + "［2］",
            "会议时间：2024年3月5日",
            "试读结束，登录后查看全文",
        ]
    )
    result = clean_text(text)
    assert result.text.splitlines() == [body, "会议时间：2024年3月5日"]
    reasons = {r: reason_of(r) for r in result.removed}
    assert reasons == {
        "转载自：某某教育公众号": "blurb",
        "作者：李四 时间：2023-05-06 阅读：3456": "metadata",
        "INSERT INTO articles VALUES (1,": "export",
        "［2］": "footnote",
        "试读结束，登录后查看全文": "preview",
    }


def test_page_title_menu_pieces_and_broken_metadata_units():
    body = "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展，成效明显。"
    text = "\n".join(
        [
            "某校2024年安全工作计划--校园安全-某某中学",
            "办公电话 |",
            "学生之星>",
            "某校2024年安全工作计划",
            "文章来源：本站原创 作者：佚名 点击数：",
            "次",
            body,
        ]
    )
    result = clean_text(text)
    assert result.text.splitlines() == ["某校2024年安全工作计划", body]
    from eduwriter.core.boilerplate import reason_of

    assert [reason_of(r) for r in result.removed] == [
        "page_title",
        "navigation",
        "navigation",
        "metadata",
        "metadata",
    ]


def test_table_figures_are_content_and_pdf_page_lines_are_not():
    from eduwriter.core.boilerplate import reason_of

    body = "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展，成效明显。"
    result = clean_text("\n".join([body, "2019", "85.5%", "— 6 —", body + "再接再厉。"]))
    assert result.text.splitlines() == [body, "2019", "85.5%", body + "再接再厉。"]
    assert [reason_of(r) for r in result.removed] == ["page_number"]


def test_signature_and_table_cells_after_the_last_sentence_are_content():
    body = [
        "请你省有关部门按照上述意见认真办理，并将办理情况及时报告。",
        "附件：纳入规定范围的体育比赛项目",
        "编号",
        "项目",
        "1",
        "田径等八项目",
        "全省运动会",
        "2",
        "田径等八项目",
        "全国运动会",
        "国务院办公厅",
        "二〇〇四年十月十五日",
    ]
    chrome = ["【打印正文】", "上一篇：关于表彰优秀班主任的决定", "网站地图", "学校外网"]
    res = clean_text("\n".join(body + chrome))
    assert res.text.splitlines() == body
