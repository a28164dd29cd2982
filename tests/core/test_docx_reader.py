"""The one Word reader: numbers as Word shows them, heading styles, outline levels, direct
formatting; and analyze on such documents."""

from __future__ import annotations

from pathlib import Path

from eduwriter.core.docx_reader import read_docx, style_heading_level
from eduwriter.core.importer import analyze_file
from eduwriter.export.docx_import import import_docx
from tests.core.docx_build import level, numbering, para, run, style, write_docx

LADDER = [
    level(0, "chineseCounting", "%1、"),
    level(1, "chineseCounting", "（%2）"),
    level(2, "decimal", "%3."),
]
BODY = (
    "我们坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务。"
)


def _numbered_doc(tmp_path: Path, *, via_style: bool = False) -> Path:
    styles = [style("Normal", "Normal")]
    if via_style:
        styles += [
            style(
                f"L{k}",
                f"公文条目{k}",
                f'<w:numPr><w:ilvl w:val="{k}"/><w:numId w:val="1"/></w:numPr>',
            )
            for k in range(3)
        ]

    def head(text: str, k: int) -> str:
        return para(text, style=f"L{k}") if via_style else para(text, num=(1, k))

    paras = [
        para("某某区教育局2024年工作计划", center=True),
        head("指导思想", 0),
        para(BODY),
        head("主要任务", 0),
        head("深化教育改革", 1),
        para(BODY),
        head("推进集团化办学", 2),
        para(BODY),
        head("加强教师队伍建设", 2),
        para(BODY),
        head("强化安全管理", 1),
        para(BODY),
        head("保障措施", 0),
        para(BODY),
    ]
    return write_docx(
        tmp_path / "n.docx",
        paras,
        styles=styles,
        numbering_xml=numbering({0: LADDER}, {1: (0, "")}),
    )


EXPECTED = [
    ("一、", "指导思想", 1),
    ("二、", "主要任务", 1),
    ("（一）", "深化教育改革", 2),
    ("1.", "推进集团化办学", 3),
    ("2.", "加强教师队伍建设", 3),
    ("（二）", "强化安全管理", 2),
    ("三、", "保障措施", 1),
]


def test_word_numbers_are_read_as_shown(tmp_path: Path):
    paras = read_docx(_numbered_doc(tmp_path))
    assert [p.number for p in paras if p.number] == [m for m, _, _ in EXPECTED]
    assert paras[1].text == "一、指导思想"
    assert paras[1].list_level == 0


def test_analyze_finds_every_automatically_numbered_heading(tmp_path: Path):
    res = analyze_file(_numbered_doc(tmp_path))
    assert res.error is None
    (doc,) = res.documents
    assert doc.title == "某某区教育局2024年工作计划"
    assert [(h.marker, h.text, h.level) for h in doc.headings] == EXPECTED


def test_style_linked_numbering(tmp_path: Path):
    res = analyze_file(_numbered_doc(tmp_path, via_style=True))
    assert [(h.marker, h.text, h.level) for h in res.documents[0].headings] == EXPECTED


def test_reimport_keeps_automatically_numbered_headings(tmp_path: Path):
    report = import_docx(_numbered_doc(tmp_path))
    heads = [(b.text, b.level) for b in report.blocks if b.kind == "heading"]
    assert heads == [(t, lv) for _, t, lv in EXPECTED]


def test_custom_style_names():
    assert style_heading_level("一级标题") == 1
    assert style_heading_level("标题 二") == 2
    assert style_heading_level("公文标题") == 0
    assert style_heading_level("Heading 3") == 3
    assert style_heading_level("正文") is None


def test_custom_heading_styles_and_outline_levels(tmp_path: Path):
    path = write_docx(
        tmp_path / "s.docx",
        [
            para("关于做好暑期安全工作的通知", style="T"),
            para("总体要求", style="H1"),
            para(BODY),
            para("工作安排", outline=0),
            para(BODY),
            para("时间节点", style="O2"),
            para(BODY),
        ],
        styles=[
            style("T", "公文标题"),
            style("H1", "一级标题"),
            style("O2", "我的样式", '<w:outlineLvl w:val="1"/>'),
        ],
    )
    (doc,) = analyze_file(path).documents
    assert doc.title == "关于做好暑期安全工作的通知"
    assert [(h.text, h.level) for h in doc.headings] == [
        ("总体要求", 1),
        ("工作安排", 1),
        ("时间节点", 2),
    ]


def test_headings_marked_only_by_direct_formatting(tmp_path: Path):
    def body() -> str:
        return para(run(BODY, font="仿宋_GB2312", size=32))

    path = write_docx(
        tmp_path / "d.docx",
        [
            para(run("某校2024年工作总结", font="方正小标宋简体", size=44), center=True),
            body(),
            para(run("主要成绩", font="黑体", size=32)),
            para(run("教学质量稳步提升", font="楷体_GB2312", size=32)),
            body(),
            para(run("队伍建设不断加强", font="楷体_GB2312", size=32)),
            body(),
            para(run("存在问题", font="黑体", size=32)),
            body(),
        ],
    )
    (doc,) = analyze_file(path).documents
    assert doc.title == "某校2024年工作总结"
    assert [(h.text, h.level) for h in doc.headings] == [
        ("主要成绩", 1),
        ("教学质量稳步提升", 2),
        ("队伍建设不断加强", 2),
        ("存在问题", 1),
    ]


def test_one_bold_phrase_is_not_a_heading_style(tmp_path: Path):
    path = write_docx(
        tmp_path / "b.docx",
        [para(BODY), para(run("特别提醒", bold=True)), para(BODY), para(BODY)],
    )
    (doc,) = analyze_file(path).documents
    assert doc.headings == []
