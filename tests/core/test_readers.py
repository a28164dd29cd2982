"""Reading files: encodings, formats, and every kind of bad input (issue 2, item 5)."""

from __future__ import annotations

import os

import pytest

from eduwriter.core import readers
from eduwriter.core.decode import DecodeError, decode_bytes
from eduwriter.core.importer import analyze_file
from eduwriter.core.readers import (
    MAX_BYTES,
    ReadError,
    extract_html,
    html_to_text,
    read_source,
    read_text,
)

TEXT = "教育局工作计划\n一、指导思想\n以立德树人为根本任务，全面提升教育质量。\n"


@pytest.mark.parametrize(
    ("encoding", "prefix", "name"),
    [
        ("utf-8", b"", "UTF-8"),
        ("utf-8", b"\xef\xbb\xbf", "UTF-8-SIG"),
        ("utf-16-le", b"\xff\xfe", "UTF-16"),
        ("utf-16-be", b"\xfe\xff", "UTF-16"),
        ("gb18030", b"", "GB18030"),
        ("gbk", b"", "GB18030"),
    ],
)
def test_encodings_detected_and_reported(tmp_path, encoding, prefix, name):
    path = tmp_path / "plan.txt"
    path.write_bytes(prefix + TEXT.encode(encoding))
    text, used = read_text(path)
    assert text == TEXT
    assert used == name


def test_utf16_without_bom():
    data = "Plan 2024: 一、指导思想 and more ASCII text here".encode("utf-16-le")
    text, used = decode_bytes(data)
    assert text.startswith("Plan 2024")
    assert used == "UTF-16"


def test_crlf_gbk_file_analyzed(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("gbk"))
    res = analyze_file(path)
    assert res.error is None
    assert res.encoding == "GB18030"
    assert [h.marker + h.text for h in res.documents[0].headings] == ["一、指导思想"]


def test_markdown_and_html(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("# 学校工作计划\n\n## 一、指导思想\n\n**坚持**立德树人。\n", encoding="utf-8")
    text, _ = read_text(md)
    assert text.splitlines()[0] == "学校工作计划"
    assert "坚持立德树人。" in text
    html = tmp_path / "a.html"
    html.write_text(
        "<html><head><title>t</title><style>p{}</style></head><body><div>学校工作计划</div>"
        "<p>一、指导思想</p><script>var x=1;</script><p>正文&nbsp;内容。<br>第二行</p></body></html>",
        encoding="utf-8",
    )
    text, _ = read_text(html)
    lines = [ln for ln in text.splitlines() if ln]
    assert lines == ["学校工作计划", "一、指导思想", "正文 内容。", "第二行"]


def test_html_to_text_drops_scripts():
    text = html_to_text("<p>甲</p><script>乙</script><p>丙</p>")
    assert [ln for ln in text.splitlines() if ln] == ["甲", "丙"]


def test_docx(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("学校工作总结", level=1)
    d.add_paragraph("一、主要成绩")
    d.add_paragraph("今年以来，我们认真落实各项工作。")
    path = tmp_path / "a.docx"
    d.save(str(path))
    text, used = read_text(path)
    assert used == "DOCX"
    assert text.splitlines() == ["学校工作总结", "一、主要成绩", "今年以来，我们认真落实各项工作。"]


def _styled_docx(path, paragraphs) -> None:
    """A .docx of (style name, text) paragraphs, made with python-docx's default template."""
    import docx

    d = docx.Document()
    for style, text in paragraphs:
        d.add_paragraph(text, style=style)
    d.save(str(path))


def test_docx_heading_styles_without_typed_numbers_become_headings(tmp_path):
    path = tmp_path / "plan.docx"
    _styled_docx(
        path,
        [
            ("Title", "实验小学2024年教学工作计划"),
            ("Normal", "为全面提高教学质量，结合我校实际，制定本计划。"),
            ("Heading 1", "指导思想"),
            ("Normal", "坚持立德树人，落实课程方案。"),
            ("Heading 1", "主要工作"),
            ("Heading 2", "加强课堂教学"),
            ("Normal", "推进课堂改革，提高课堂效率。"),
            ("Heading 3", "开展听课评课"),
            ("Normal", "每位教师每学期听课不少于二十节。"),
            ("Heading 2", "抓好教研活动"),
            ("Normal", "每两周开展一次集体备课。"),
            ("Heading 1", "保障措施"),
            ("Normal", "学校成立教学工作领导小组。"),
        ],
    )
    res = analyze_file(path)
    assert res.error is None and res.encoding == "DOCX"
    assert len(res.documents) == 1
    doc = res.documents[0]
    assert doc.title == "实验小学2024年教学工作计划"
    assert [(h.marker, h.text, h.level) for h in doc.headings] == [
        ("", "指导思想", 1),
        ("", "主要工作", 1),
        ("", "加强课堂教学", 2),
        ("", "开展听课评课", 3),
        ("", "抓好教研活动", 2),
        ("", "保障措施", 1),
    ]
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert "每位教师每学期听课不少于二十节。" in paragraphs


def test_docx_heading_styles_with_typed_numbers_and_heading1_title(tmp_path):
    # Heading 1 used once, for the title; deeper styles for the sections; typed numbers kept
    path = tmp_path / "summary.docx"
    _styled_docx(
        path,
        [
            ("Heading 1", "区教育局工作总结"),
            ("Heading 2", "一、工作成效"),
            ("Normal", "全年新建学校三所。"),
            ("Heading 3", "办学条件改善"),
            ("Normal", "改造校舍一万平方米。"),
            ("Normal", "1.新建操场两个。"),
            ("Heading 2", "二、存在问题"),
            ("Normal", "城乡差距仍然存在。"),
        ],
    )
    res = analyze_file(path)
    assert [d.title for d in res.documents] == ["区教育局工作总结"]
    heads = [(h.marker, h.text, h.level) for h in res.documents[0].headings]
    assert heads == [
        ("一、", "工作成效", 1),
        ("", "办学条件改善", 2),
        ("1.", "新建操场两个", 3),
        ("二、", "存在问题", 1),
    ]


def test_docx_chinese_heading_style_names_and_derived_styles(tmp_path):
    # WPS and Chinese Word name the styles 标题 1…; a custom style based on one counts too
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    h1 = d.styles.add_style("标题 1", WD_STYLE_TYPE.PARAGRAPH)
    mine = d.styles.add_style("我的小标题", WD_STYLE_TYPE.PARAGRAPH)
    mine.base_style = d.styles.add_style("标题 2", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("家长会发言稿")
    d.add_paragraph("各位家长，感谢大家在百忙之中来参加今天的家长会。")
    d.add_paragraph("孩子的进步", style=h1)
    d.add_paragraph("本学期孩子们在学习上进步很大，值得肯定。")
    d.add_paragraph("阅读习惯", style=mine)
    d.add_paragraph("每天坚持阅读半小时，效果明显。")
    path = tmp_path / "talk.docx"
    d.save(str(path))
    res = analyze_file(path)
    assert [(h.text, h.level) for d in res.documents for h in d.headings] == [
        ("孩子的进步", 1),
        ("阅读习惯", 2),
    ]


def test_docx_outline_level_without_heading_style(tmp_path):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph("教师培训方案")
    for text, lvl in (("培训目标", 0), ("提升信息素养", 1), ("培训内容", 0)):
        p = d.add_paragraph(text)
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(lvl))
        p._p.get_or_add_pPr().append(outline)
        d.add_paragraph("具体安排由教务处另行通知，请各位老师做好准备。")
    path = tmp_path / "train.docx"
    d.save(str(path))
    res = analyze_file(path)
    assert [(h.text, h.level) for d in res.documents for h in d.headings] == [
        ("培训目标", 1),
        ("提升信息素养", 2),
        ("培训内容", 1),
    ]


def test_broken_docx(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReadError, match="docx"):
        read_text(path)


# --- bad input: each one a clear one-line message -----------------------------------------


def _one_line_error(path) -> str:
    res = analyze_file(path)
    assert res.error is not None
    assert "\n" not in res.error
    assert res.documents == []
    return res.error


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "空" in _one_line_error(path)


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\u3000\n", encoding="utf-8")
    assert "没有文字" in _one_line_error(path)


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "二进制" in _one_line_error(path)


def test_binary_without_magic(tmp_path):
    path = tmp_path / "blob.bin"
    path.write_bytes(os.urandom(4096) + b"\x00\x00\x01\x00" * 64)
    assert "二进制" in _one_line_error(path)


def test_unknown_encoding(tmp_path):
    # bytes that are neither UTF-8, GB18030, Big5 nor UTF-16 and decode to garbage otherwise
    path = tmp_path / "strange.txt"
    path.write_bytes(b"\x80\xff\xfe\x81\xff" * 200)
    msg = _one_line_error(path)
    assert "编码" in msg or "二进制" in msg


def test_decode_error_is_value_error():
    with pytest.raises(DecodeError):
        decode_bytes(b"\x80\xff\xfe\x81\xff" * 200)


def test_file_over_50_mb_refused_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: 50 MB + 1 byte, nothing written

    def _no_read(*args, **kwargs):  # pragma: no cover - would mean the file was read
        raise AssertionError("the file must not be read")

    monkeypatch.setattr(readers.Path, "read_bytes", _no_read)
    msg = _one_line_error(path)
    assert "太大" in msg and "50 MB" in msg


def test_file_just_under_the_limit_is_read(tmp_path):
    path = tmp_path / "big.txt"
    line = "一、加强管理。各单位要认真落实各项工作要求，确保取得实效。\n".encode()
    path.write_bytes(line * (2 * 1024 * 1024 // len(line)))
    res = analyze_file(path)
    assert res.error is None
    assert res.documents


def test_directory(tmp_path):
    assert "文件夹" in _one_line_error(tmp_path)


def test_missing_path(tmp_path):
    assert "不存在" in _one_line_error(tmp_path / "nope.txt")


def test_utf8_with_a_damaged_tail_stays_utf8(tmp_path):
    text = "教育局工作计划，全面提升教育质量。" * 50
    path = tmp_path / "cut.txt"
    path.write_bytes(text.encode("utf-8") + "结尾".encode()[:-1])
    read, used = read_text(path)
    assert used == "UTF-8"
    assert read.startswith(text)


_PAGE = (
    "<!DOCTYPE html><html><head><title>工作总结_范文网</title></head><body>"
    "<header><div class='logo'>范文网</div></header>"
    "<nav><ul><li>首页</li><li>范文大全</li><li>工作计划</li><li>工作总结</li></ul></nav>"
    "<div class='breadcrumb'>当前位置：首页 &gt; 工作总结</div>"
    "<div id='leftMenu'><a href='#'>教学计划</a></div>"
    "<article><header><h1>2026年学校工作总结</h1></header>"
    "<p>&nbsp;&nbsp;一年来，我校坚持立德树人。</p><p>一、主要工作<br>（一）加强党建</p>"
    "<footer>2026年12月30日</footer></article>"
    "<aside>热门文章<ul><li>教师述职报告</li></ul></aside>"
    "<form><select><option>选择栏目</option></select><button>搜索</button></form>"
    "<div class='share-box'>分享到：微信</div><div class='comments'>网友评论</div>"
    "<footer>版权所有 © 范文网</footer></body></html>"
)


def test_html_page_furniture_is_dropped_and_reported():
    text, removed = extract_html(_PAGE)
    assert [ln for ln in text.splitlines() if ln] == [
        "2026年学校工作总结",
        "一年来，我校坚持立德树人。",
        "一、主要工作",
        "（一）加强党建",
        "2026年12月30日",
    ]
    for piece in ("首页", "范文大全", "工作计划", "工作总结", "当前位置：首页 > 工作总结"):
        assert piece in removed
    for piece in ("教学计划", "热门文章", "选择栏目", "搜索", "分享到：微信", "网友评论"):
        assert piece in removed
    assert "版权所有 © 范文网" in removed


def test_a_page_wrapped_in_one_form_keeps_its_content():
    body = (
        "为进一步加强学校安全管理，切实保障师生生命财产安全，维护正常教育教学秩序，特制定本方案。"
    )
    html = f"<html><body><form id='form1'><div class='topnav'>首页</div><p>{body}</p></form></body></html>"
    text, removed = extract_html(html)
    assert [ln for ln in text.splitlines() if ln] == [body]
    assert removed == ["首页"]


def test_unclosed_furniture_box_with_content_is_kept():
    body = (
        "各校要高度重视学校安全工作，把安全工作摆在突出位置，层层落实责任，确保万无一失，守住底线。"
    )
    text, _removed = extract_html(f"<div class='menu'>导航<p>{body}</p>")
    assert body in text


def test_read_source_reports_removed_html_lines(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(_PAGE, encoding="utf-8")
    src = read_source(page)
    assert "范文大全" in src.removed and "范文大全" not in src.text


def test_text_file_whose_body_is_markup_is_read_as_html(tmp_path):
    para = '<TEXTFORMAT LEADING="2"><P ALIGN="LEFT"><FONT FACE="宋体" SIZE="12">{}</FONT></P></TEXTFORMAT>'
    body = "".join(
        para.format(t) for t in ["一、指导思想", "以学校工作计划为指导，不断更新德育观念。"] * 6
    )
    path = tmp_path / "export.txt"
    path.write_text("某校德育工作计划\n" + body, encoding="utf-8")
    src = read_source(path)
    assert "<" not in src.text and "FONT" not in src.text
    assert "一、指导思想" in src.text.splitlines()
