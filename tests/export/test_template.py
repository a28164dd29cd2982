"""The writer's own reference template: its styles, page setup and header/footer are used."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm, Pt
from export_helpers import NS, body_paragraphs, para_text, sample_report, val, w

from eduwriter.export import TemplateError, export_report
from eduwriter.export.docx_writer import base_docx_path


@pytest.fixture
def template(tmp_path: Path) -> Path:
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = Mm(30)
    sec.header.paragraphs[0].text = "XX区教育局文件"
    d.add_paragraph("模板里原有的示例文字")
    h1 = d.styles["Heading 1"]
    h1.font.size = Pt(18)
    h1.element.get_or_add_rPr().get_or_add_rFonts().set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "方正黑体"
    )
    path = tmp_path / "单位模板.docx"
    d.save(str(path))
    return path


def test_template_styles_page_setup_and_header_are_used(tmp_path: Path, template: Path):
    out = tmp_path / "out.docx"
    result = export_report(sample_report(), out, template=template)
    d = docx.Document(str(out))
    assert round(d.sections[0].left_margin.mm) == 30
    assert d.sections[0].header.paragraphs[0].text == "XX区教育局文件"
    texts = [p.text for p in d.paragraphs]
    assert "模板里原有的示例文字" not in texts
    by_text = {p.text.replace("\n", ""): p.style.name for p in d.paragraphs}
    assert by_text["一、总体要求"] == "Heading 1"
    assert by_text["（一）指导思想"] == "Heading 2"
    assert by_text["关于做好2026年全市教育工作的实施方案"] == "Title"
    # the template's own heading style (方正黑体, 18 pt) is what the heading shows
    assert d.styles["Heading 1"].font.size == Pt(18)
    assert "方正黑体" in result.fonts_expected


def test_run_in_body_uses_the_template_body_font(tmp_path: Path, template: Path):
    out = tmp_path / "out.docx"
    export_report(sample_report(), out, template=template)
    para = next(p for p in body_paragraphs(out) if para_text(p).startswith("1.认真"))
    runs = para.findall("w:r", NS)
    assert para_text(runs[1]) == "争取各方支持。"
    assert val(runs[1].find("w:rPr/w:b", NS)) == "0"


def test_template_without_heading_styles_uses_outline_levels(tmp_path: Path):
    # A template whose styles part holds only "Normal".
    src = base_docx_path()
    tpl = tmp_path / "只有正文样式.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tpl, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "word/styles.xml":
                text = data.decode()
                head = text[: text.index("<w:style ")]
                normal = text[text.index('<w:style w:type="paragraph" w:styleId="Normal"') :]
                normal = normal[: normal.index("</w:style>") + len("</w:style>")]
                data = (head + normal + "</w:styles>").encode()
            zout.writestr(name, data)
    out = tmp_path / "out.docx"
    result = export_report(sample_report(), out, template=tpl)
    assert any("标题 1" in w for w in result.warnings)
    para = next(p for p in body_paragraphs(out) if para_text(p) == "一、总体要求")
    assert val(para.find("w:pPr/w:outlineLvl", NS)) == "0"
    assert val(para.find("w:r/w:rPr/w:rFonts", NS), "eastAsia") == "黑体"


def test_broken_templates_give_a_clear_message(tmp_path: Path):
    not_docx = tmp_path / "假模板.docx"
    not_docx.write_text("这不是 Word 文件", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        export_report(sample_report(), tmp_path / "a.docx", template=not_docx)
    assert "不是有效的 Word 文档" in info.value.message_zh
    assert "默认的公文版式" in info.value.message_zh

    no_styles = tmp_path / "无样式.docx"
    with zipfile.ZipFile(base_docx_path()) as zin, zipfile.ZipFile(no_styles, "w") as zout:
        for name in zin.namelist():
            if name != "word/styles.xml":
                zout.writestr(name, zin.read(name))
    with pytest.raises(TemplateError) as info:
        export_report(sample_report(), tmp_path / "b.docx", template=no_styles)
    assert "没有样式" in info.value.message_zh

    with pytest.raises(TemplateError) as info:
        export_report(sample_report(), tmp_path / "c.docx", template=tmp_path / "不存在.docx")
    assert "找不到" in info.value.message_zh
    assert not list(tmp_path.glob("[abc].docx"))


def test_dotx_template_gives_a_docx(tmp_path: Path, template: Path):
    dotx = tmp_path / "模板.dotx"
    with zipfile.ZipFile(template) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(name, data)
    out = tmp_path / "out.docx"
    export_report(sample_report(), out, template=dotx)
    with zipfile.ZipFile(out) as zf:
        assert b"document.main+xml" in zf.read("[Content_Types].xml")
    assert docx.Document(str(out)).paragraphs[0].text.startswith("关于做好")


def test_theme_fonts_of_a_template_are_resolved_and_kept(tmp_path: Path):
    # python-docx's own default document uses theme fonts (宋体 for Simplified Chinese).
    tpl = tmp_path / "主题字体.docx"
    docx.Document().save(str(tpl))
    out = tmp_path / "out.docx"
    result = export_report(sample_report(), out, template=tpl)
    assert result.fonts_expected == ["宋体"]
    para = next(p for p in body_paragraphs(out) if para_text(p).startswith("1.认真"))
    body_fonts = para.findall("w:r", NS)[1].find("w:rPr/w:rFonts", NS)
    # the run-in body keeps the template's body font reference instead of our 仿宋
    assert val(body_fonts, "eastAsiaTheme") == "minorEastAsia"
    assert val(body_fonts, "eastAsia") is None


def _red_head_template(tmp_path: Path, marker: str | None = "【标题】") -> Path:
    """A unit's red-head template: 发文机关标志, 发文字号 and a line in the body, above a marker."""
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin, sec.right_margin = Mm(28), Mm(26)
    d.styles["Normal"].paragraph_format.first_line_indent = Pt(32)  # the body's 2 characters
    d.add_paragraph("XX市教育局文件")
    d.add_paragraph("X教〔2026〕12号")
    d.add_paragraph("签发人：【签发人】")
    if marker is None:
        d.add_paragraph("")
    else:
        d.add_paragraph(marker)
    d.add_paragraph("模板里原有的示例正文")
    d.core_properties.title = ""
    d.core_properties.author = "旧作者"
    path = tmp_path / "红头模板.docx"
    d.save(str(path))
    return path


@pytest.mark.parametrize("marker", ["【标题】", None])
def test_red_head_is_kept_above_the_marker_with_fields_filled(tmp_path: Path, marker):
    template = _red_head_template(tmp_path, marker)
    report = sample_report()
    report.meta.doc_number = "X教〔2026〕5号"
    report.meta.issuer = "张三"
    out = tmp_path / "out.docx"
    result = export_report(report, out, template=template)
    texts = [para_text(p) for p in body_paragraphs(out)]
    assert texts[:3] == ["XX市教育局文件", "X教〔2026〕5号", "签发人：张三"]
    assert texts[3].startswith("关于")  # the report starts at the marker
    assert "【标题】" not in "".join(texts)
    assert "模板里原有的示例正文" not in texts
    assert any("略去" in m and "1 段" in m for m in result.warnings), result.warnings


def test_title_in_a_template_is_centred_without_the_body_indent_and_broken_between_words(
    tmp_path: Path,
):
    template = _red_head_template(tmp_path)
    report = sample_report()
    report.title = "关于进一步深化中小学课后服务提质增效推动教育高质量发展的实施方案"
    out = tmp_path / "out.docx"
    export_report(report, out, template=template)
    title = next(p for p in body_paragraphs(out) if para_text(p).startswith("关于"))
    ind = title.find("w:pPr/w:ind", NS)
    assert (val(ind, "firstLine"), val(ind, "firstLineChars"), val(ind, "left")) == ("0", "0", "0")
    assert val(title.find("w:pPr/w:jc", NS)) == "center"
    lines = [t.text for t in title.iter(w("t"))]
    # python-docx's Title style is 28 pt: three lines on this template's text block
    assert len(lines) == 3
    assert "".join(lines) == report.title
    assert any("提质增效" in x for x in lines) and any("高质量发展" in x for x in lines)


def test_template_without_marker_or_empty_paragraph_says_what_it_dropped(tmp_path: Path):
    d = docx.Document()
    d.add_paragraph("第一段示例")
    d.add_paragraph("第二段示例")
    path = tmp_path / "t.docx"
    d.save(str(path))
    result = export_report(sample_report(), tmp_path / "o.docx", template=path)
    assert any("2 段" in m and "没有找到【标题】" in m for m in result.warnings), result.warnings


def test_old_document_properties_are_replaced(tmp_path: Path):
    template = _red_head_template(tmp_path)
    out = tmp_path / "out.docx"
    export_report(sample_report(), out, template=template)
    props = docx.Document(str(out)).core_properties
    assert props.title == "关于做好2026年全市教育工作的实施方案"
    assert props.author == "EduWriter"
    assert props.created is not None and props.created.year >= 2026


def test_template_member_outside_the_package_is_not_copied(tmp_path: Path, template: Path):
    evil = tmp_path / "evil.docx"
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(evil, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
        dst.writestr("../../evil.xml", b"<x/>")
        dst.writestr("/abs.xml", b"<x/>")
    out = tmp_path / "out.docx"
    result = export_report(sample_report(), out, template=evil)
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
    assert not any(".." in n or n.startswith("/") for n in names), names
    assert any("不安全" in m for m in result.warnings)
