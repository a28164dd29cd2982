from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eduwriter.compose.markdown_io import (
    MarkdownReadError,
    read_report,
    report_from_markdown,
    report_to_markdown,
    write_report,
)
from eduwriter.compose.report import Report, ReportBlock, ReportMeta


def _report() -> Report:
    return Report(
        title="关于做好【年份】年教育工作的实施方案",
        meta=ReportMeta(
            recipient="各区（县）教育局，局属各学校",
            attachments=["工作任务分解表", "联系人名单"],
            signer="XX市教育局",
            date="2026年11月22日",
        ),
        blocks=[
            ReportBlock("heading", "总体要求", level=1),
            ReportBlock("paragraph", "坚持以人民为中心发展教育。"),
            ReportBlock("heading", "指导思想", level=2),
            ReportBlock("heading", "认真落实保障措施。", level=3, body="争取各方支持。"),
            ReportBlock("heading", "具体做法", level=4),
            ReportBlock("paragraph", "【在此概述本节内容】", hint=True),
            ReportBlock("heading", "工作任务", level=1),
            ReportBlock("paragraph", "1. 这一段以数字开头，不是列表。"),
            ReportBlock("paragraph", "# 以井号开头的正文"),
            ReportBlock("paragraph", "含有 **星号** 与 [方括号](链接) 和 <b> 的正文"),
        ],
    )


def test_headings_are_written_with_their_numbers():
    md = report_to_markdown(_report())
    assert "# 关于做好【年份】年教育工作的实施方案\n" in md
    assert "\n## 一、总体要求\n" in md
    assert "\n### （一）指导思想\n" in md
    assert "\n**1.认真落实保障措施。**争取各方支持。\n" in md
    assert "\n##### （1）具体做法\n" in md
    assert "\n## 二、工作任务\n" in md
    assert md.startswith("---\n主送机关: 各区（县）教育局，局属各学校\n附件:\n  - 工作任务分解表\n")


def test_round_trip_is_exact():
    r = _report()
    assert report_from_markdown(report_to_markdown(r)) == r


def test_write_and_read_file(tmp_path: Path):
    path = tmp_path / "报告.md"
    write_report(_report(), path)
    assert read_report(path) == _report()
    assert not [p for p in tmp_path.iterdir() if p.name != "报告.md"]  # no temp file left


def test_numbers_are_stripped_and_recomputed_after_reordering():
    md = "# 标题\n\n## 二、后来的\n\n## 一、原来的\n"
    r = report_from_markdown(md)
    assert [(b.text, b.level) for b in r.blocks] == [("后来的", 1), ("原来的", 1)]
    assert "## 一、后来的" in report_to_markdown(r)


def test_hand_written_markdown_is_tolerated():
    md = (
        "\ufeff# 学校工作计划\r\n"
        "一段引言，*强调*和`代码`。\r\n"
        "另一段紧跟着（没有空行）。\r\n"
        "\r\n"
        "### 指导思想\r\n"
        "#### 具体措施 ####\r\n"
        "- 列表项一\r\n"
        "2) 列表项二\r\n"
        "***\r\n"
        "### （三）打了编号的标题\r\n"
    )
    r = report_from_markdown(md)
    assert r.title == "学校工作计划"
    assert [(b.kind, b.text, b.level) for b in r.blocks] == [
        ("paragraph", "一段引言，强调和代码。", 0),
        ("paragraph", "另一段紧跟着（没有空行）。", 0),
        ("heading", "指导思想", 1),
        ("heading", "具体措施", 2),
        ("paragraph", "· 列表项一", 0),
        ("paragraph", "2) 列表项二", 0),
        ("heading", "打了编号的标题", 2),
    ]


def test_several_top_headings_mean_no_title():
    r = report_from_markdown("# 一、第一部分\n\n正文\n\n# 二、第二部分\n")
    assert r.title == ""
    assert [(b.text, b.level) for b in r.blocks if b.kind == "heading"] == [
        ("第一部分", 1),
        ("第二部分", 1),
    ]


def test_front_matter_with_english_keys_and_inline_list():
    md = "---\nrecipient: 各校\nattachments: [名单, 表格]\ndate: '2026年1月5日'\n---\n# 通知\n"
    r = report_from_markdown(md)
    assert r.meta == ReportMeta(recipient="各校", attachments=["名单", "表格"], date="2026年1月5日")
    assert r.title == "通知"


def test_a_horizontal_rule_at_the_top_is_not_front_matter():
    r = report_from_markdown("---\n\n正文第一段。\n\n---\n\n正文第二段。\n")
    assert [b.text for b in r.blocks] == ["正文第一段。", "正文第二段。"]


def test_gbk_file_and_binary_file(tmp_path: Path):
    gbk = tmp_path / "旧.md"
    gbk.write_bytes("# 旧文件\n\n## 一、要求\n".encode("gb18030"))
    r = read_report(gbk)
    assert r.title == "旧文件" and r.blocks[0].text == "要求"
    binary = tmp_path / "x.md"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(MarkdownReadError) as info:
        read_report(binary)
    assert "不是文本文件" in info.value.message_zh


_text = (
    st.text(
        alphabet=st.sampled_from(list("教育工作要求，。：；、【】年XX12一（） *#>-_[]()<b>|.\\`")),
        min_size=1,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.builds(lambda t: ReportBlock("paragraph", t), _text),
            st.builds(lambda t: ReportBlock("paragraph", t, hint=True), _text),
            st.builds(
                lambda t, lv: ReportBlock("heading", t, level=lv),
                _text,
                st.integers(min_value=1, max_value=4),
            ),
            st.builds(
                lambda t, b, lv: ReportBlock("heading", t, level=lv, body=b),
                _text,
                _text,
                st.integers(min_value=1, max_value=4),
            ),
        ),
        max_size=12,
    )
)
def test_any_report_survives_the_round_trip(blocks):
    r = Report(title="标题", blocks=blocks)
    back = report_from_markdown(report_to_markdown(r))
    assert [(b.kind, b.level, b.hint) for b in back.blocks] == [
        (b.kind, b.level, b.hint) for b in blocks
    ]
    assert [(b.text, b.body) for b in back.blocks] == [(b.text, b.body) for b in blocks]


def test_plain_text_gets_headings_from_typed_numbering():
    text = (
        "学校安全工作计划\n"
        "为切实做好安全工作，特制定本计划。\n"
        "一、指导思想\n"
        "坚持安全第一。\n"
        "（一）健全制度\n"
        "1. 完善预案。各校要完善应急预案。\n"
        "一是加强巡查，二是及时整改。\n"
    )
    r = report_from_markdown(text)
    assert r.title == "学校安全工作计划"
    assert [(b.kind, b.text, b.level, b.body) for b in r.blocks] == [
        ("paragraph", "为切实做好安全工作，特制定本计划。", 0, ""),
        ("heading", "指导思想", 1, ""),
        ("paragraph", "坚持安全第一。", 0, ""),
        ("heading", "健全制度", 2, ""),
        ("heading", "完善预案。", 3, "各校要完善应急预案。"),
        ("paragraph", "一是加强巡查，二是及时整改。", 0, ""),
    ]


# --- QA defects: quotes are not hints; foreign Markdown keeps everything ----------------------


def test_a_quote_in_a_foreign_file_is_a_body_paragraph():
    md = "# 讲话稿\n\n> 习近平总书记指出，教育是国之大计、党之大计。\n\n正文。\n"
    r = report_from_markdown(md)
    assert [(b.kind, b.text, b.hint) for b in r.blocks] == [
        ("paragraph", "习近平总书记指出，教育是国之大计、党之大计。", False),
        ("paragraph", "正文。", False),
    ]


def test_hints_are_marked_and_old_bracketed_hint_quotes_still_read_as_hints():
    r = Report(
        title="方案",
        blocks=[
            ReportBlock("heading", "总体要求", level=1),
            ReportBlock("paragraph", "引用的一句话，不是括号提示", hint=True),
        ],
    )
    md = report_to_markdown(r)
    assert "<!-- 提示 -->\n> 引用的一句话，不是括号提示\n" in md
    assert report_from_markdown(md) == r
    old = "# 方案\n\n## 一、总体要求\n\n> 【在此概述本节内容】\n"
    assert [(b.text, b.hint) for b in report_from_markdown(old).blocks] == [
        ("总体要求", False),
        ("【在此概述本节内容】", True),
    ]


def test_plain_official_numbering_in_a_md_file_becomes_headings():
    md = (
        "# 学校工作计划\n\n一、总体要求\n\n坚持立德树人。\n\n（一）指导思想\n\n"
        "以新时代思想为指导。\n\n1. 第一条\n\n各校抓好落实。\n"
    )
    r = report_from_markdown(md)
    assert r.title == "学校工作计划"
    assert [(b.kind, b.text, b.level) for b in r.blocks] == [
        ("heading", "总体要求", 1),
        ("paragraph", "坚持立德树人。", 0),
        ("heading", "指导思想", 2),
        ("paragraph", "以新时代思想为指导。", 0),
        ("heading", "第一条", 3),
        ("paragraph", "各校抓好落实。", 0),
    ]


def test_list_numbers_and_bullets_are_kept_visible():
    md = "# 通知\n\n请做好以下工作：\n\n1. 按时上报材料，不得延误。\n2. 做好安全检查。\n\n- 列表项\n* 另一项\n"
    r = report_from_markdown(md)
    assert [b.text for b in r.blocks] == [
        "请做好以下工作：",
        "1. 按时上报材料，不得延误。",
        "2. 做好安全检查。",
        "· 列表项",
        "· 另一项",
    ]
    assert all(b.kind == "paragraph" for b in r.blocks)


def test_numbered_lines_under_markdown_headings():
    md = (
        "# 方案\n\n## 一、总体要求\n\n（一）指导思想\n\n正文。\n\n"
        "1. 这一条是一句完整的话。后面还有。\n\n## 工作安排\n\n1. 不是标题的列表\n"
    )
    r = report_from_markdown(md)
    assert [(b.kind, b.text, b.level) for b in r.blocks] == [
        ("heading", "总体要求", 1),
        ("heading", "指导思想", 2),
        ("paragraph", "正文。", 0),
        ("paragraph", "1. 这一条是一句完整的话。后面还有。", 0),
        ("heading", "工作安排", 1),
        ("paragraph", "1. 不是标题的列表", 0),
    ]


def test_a_markdown_table_becomes_one_paragraph_per_row():
    md = (
        "# 安排表\n\n| 时间 | 内容 | 责任人 |\n|:---|---|---:|\n| 9月 | 开学检查 | 张三 |\n"
        "| 10月 | **安全** 演练 |  |\n\n表后正文。\n"
    )
    r = report_from_markdown(md)
    assert [b.text for b in r.blocks] == [
        "时间\u3000内容\u3000责任人",
        "9月\u3000开学检查\u3000张三",
        "10月\u3000安全 演练",
        "表后正文。",
    ]
    assert not any("|" in b.text for b in r.blocks)


def test_our_paragraphs_that_look_numbered_stay_paragraphs():
    r = Report(
        title="总结",
        blocks=[
            ReportBlock("paragraph", "一、这一段是正文"),
            ReportBlock("paragraph", "（一）也是正文"),
            ReportBlock("paragraph", "| 竖线开头 |"),
            ReportBlock("paragraph", "- 短横开头"),
        ],
    )
    assert report_from_markdown(report_to_markdown(r)) == r
    r.blocks.insert(0, ReportBlock("heading", "总体要求", level=1))
    assert report_from_markdown(report_to_markdown(r)) == r


def test_a_digit_numbered_list_alone_is_not_made_into_headings():
    r = report_from_markdown("请做好以下工作：\n\n1. 按时上报材料\n2. 做好安全检查\n")
    assert r.title == ""
    assert [(b.kind, b.text) for b in r.blocks] == [
        ("paragraph", "请做好以下工作："),
        ("paragraph", "1. 按时上报材料"),
        ("paragraph", "2. 做好安全检查"),
    ]


def test_a_title_ending_with_a_hash_survives_save_and_reopen(tmp_path):
    from eduwriter.compose.markdown_io import write_report
    from eduwriter.compose.report import Report, ReportBlock

    report = Report(title="C# 课程 #", blocks=[ReportBlock("heading", "编程 #", level=1)])
    path = tmp_path / "r.md"
    write_report(report, path)
    again = read_report(path)
    assert again.title == "C# 课程 #"
    assert again.blocks[0].text == "编程 #"
