"""The .docx XML of the default layout: fonts, sizes, spacing, styles by name, footers."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from export_helpers import (
    NS,
    body_paragraphs,
    para_text,
    part,
    part_names,
    sample_report,
    style_by_name,
    val,
    w,
)

from eduwriter.compose.report import Report
from eduwriter.export import export_report

# Schema order of the children of w:rPr, w:pPr and w:sectPr (ECMA-376 CT_RPr/CT_PPr/CT_SectPr).
RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
    "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr "
    "sectPr pPrChange"
).split()
SECT_ORDER = (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter "
    "docGrid printerSettings sectPrChange"
).split()


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    out = tmp_path / "报告.docx"
    export_report(sample_report(), out, fonts="installed")
    return out


def _fonts(style) -> str | None:
    return val(style.find("w:rPr/w:rFonts", NS), "eastAsia")


def test_headings_are_real_styles_named_like_word_builtins(exported: Path):
    styles = part(exported, "word/styles.xml")
    fonts = {lv: _fonts(style_by_name(styles, f"heading {lv}")) for lv in (1, 2, 3, 4)}
    assert fonts == {1: "黑体", 2: "楷体", 3: "仿宋", 4: "仿宋"}
    for lv in (1, 2, 3, 4):
        st = style_by_name(styles, f"heading {lv}")
        assert val(st.find("w:pPr/w:outlineLvl", NS)) == str(lv - 1)
    # python-docx (like Word) recognises them as the built-in headings
    names = {s.name for s in docx.Document(str(exported)).styles}
    assert {"Heading 1", "Heading 2", "Heading 3", "Heading 4", "Title", "Normal"} <= names


def test_body_text_figures(exported: Path):
    styles = part(exported, "word/styles.xml")
    normal = style_by_name(styles, "Normal")
    rfonts = normal.find("w:rPr/w:rFonts", NS)
    # 仿宋 for Chinese, Times New Roman for digits and Latin letters (issue 15)
    assert val(rfonts, "eastAsia") == "仿宋"
    assert {val(rfonts, a) for a in ("ascii", "hAnsi")} == {"Times New Roman"}
    assert val(rfonts, "hint") == "eastAsia"
    assert val(normal.find("w:rPr/w:sz", NS)) == "32"  # 3号
    assert val(normal.find("w:rPr/w:spacing", NS)) == "-5"  # -0.25 pt
    spacing = normal.find("w:pPr/w:spacing", NS)
    assert (val(spacing, "line"), val(spacing, "lineRule"), val(spacing, "after")) == (
        "579",
        "exact",
        "0",
    )
    assert val(normal.find("w:pPr/w:ind", NS), "firstLine") == "630"  # 2 characters
    assert val(normal.find("w:pPr/w:widowControl", NS)) == "0"
    defaults = styles.find("w:docDefaults", NS)
    assert val(defaults.find("w:pPrDefault/w:pPr/w:widowControl", NS)) == "0"
    assert val(defaults.find("w:pPrDefault/w:pPr/w:spacing", NS), "after") == "0"
    assert val(defaults.find("w:rPrDefault/w:rPr/w:lang", NS), "eastAsia") == "zh-CN"


def test_title_is_centred_2hao_without_indent(exported: Path):
    title = style_by_name(part(exported, "word/styles.xml"), "Title")
    assert val(title.find("w:rPr/w:sz", NS)) == "44"
    assert val(title.find("w:pPr/w:jc", NS)) == "center"
    assert val(title.find("w:pPr/w:ind", NS), "firstLine") == "0"
    assert _fonts(title) == "宋体"  # installed names: 宋体 (bold) stands in for 小标宋


def test_no_theme_fonts_anywhere(exported: Path):
    assert not any("theme" in n for n in part_names(exported))
    for name in ("word/styles.xml", "word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        for rfonts in part(exported, name).iter(w("rFonts")):
            assert not [a for a in rfonts.attrib if "Theme" in a], name


def test_page_setup_and_odd_even_footers(exported: Path):
    sect = part(exported, "word/document.xml").find("w:body/w:sectPr", NS)
    size = sect.find("w:pgSz", NS)
    assert (val(size, "w"), val(size, "h")) == ("11906", "16838")  # A4
    mar = sect.find("w:pgMar", NS)
    assert [int(val(mar, k)) for k in ("top", "bottom", "left", "right")] == [
        2098,
        1984,
        1587,
        1474,
    ]
    refs = {val(r, "type"): r for r in sect.findall("w:footerReference", NS)}
    assert set(refs) == {"default", "even"}
    assert part(exported, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    settings = part(exported, "word/settings.xml")
    assert val(settings.find("w:themeFontLang", NS), "eastAsia") == "zh-CN"
    for name, jc in (("word/footer1.xml", "right"), ("word/footer2.xml", "left")):
        ftr = part(exported, name)
        p = ftr.find("w:p", NS)
        assert val(p.find("w:pPr/w:jc", NS)) == jc
        assert para_text(p) == "— 1 —"
        assert "PAGE" in "".join(t.text for t in p.iter(w("instrText")))
    footer_style = style_by_name(part(exported, "word/styles.xml"), "footer")
    assert val(footer_style.find("w:rPr/w:sz", NS)) == "28"  # 4号
    assert _fonts(footer_style) == "宋体"


def test_body_paragraphs_in_order_with_styles(exported: Path):
    paras = body_paragraphs(exported)
    got = [(val(p.find("w:pPr/w:pStyle", NS)), para_text(p)[:12]) for p in paras]
    assert got[:6] == [
        ("Title", "关于做好2026年全市教"),
        ("Normal", "各区（县）教育局，局属各"),
        ("Heading1", "一、总体要求"),
        ("Normal", "教育是国之大计、党之大计"),
        ("Heading2", "（一）指导思想"),
        ("Heading3", "1.认真落实保障措施。争"),
    ]
    assert [para_text(p) for p in paras[-4:]] == [
        "附件：1.工作任务分解表",
        "2.联系人名单",
        "XX市教育局",
        "2026年11月22日",
    ]
    # only body paragraphs keep the style's 2-character indent; the others set 0 explicitly
    recipient = paras[1]
    assert val(recipient.find("w:pPr/w:ind", NS), "firstLine") == "0"
    signer, date = paras[-2:]
    for p in (signer, date):
        assert val(p.find("w:pPr/w:jc", NS)) == "right"
        assert val(p.find("w:pPr/w:ind", NS), "firstLine") == "0"
    assert int(val(date.find("w:pPr/w:ind", NS), "right")) == 630  # right-indented 2 characters
    # body paragraphs: 2 characters, written in character units too (Word shows "2 字符")
    body_ind = paras[3].find("w:pPr/w:ind", NS)
    assert val(body_ind, "firstLineChars") == "200"
    assert val(body_ind, "firstLine") == "630"


def test_run_in_heading_is_one_paragraph_with_body_in_body_font(exported: Path):
    para = next(p for p in body_paragraphs(exported) if para_text(p).startswith("1.认真"))
    runs = para.findall("w:r", NS)
    assert [para_text(r) for r in runs] == ["1.认真落实保障措施。", "争取各方支持。"]
    body_fonts = runs[1].find("w:rPr/w:rFonts", NS)
    assert val(body_fonts, "eastAsia") == "仿宋"
    assert val(runs[1].find("w:rPr/w:b", NS)) == "0"
    assert val(para.find("w:pPr/w:keepNext", NS)) == "0"


def test_every_run_carries_the_east_asia_hint(exported: Path):
    for p in body_paragraphs(exported):
        for r in p.findall("w:r", NS):
            assert val(r.find("w:rPr/w:rFonts", NS), "hint") == "eastAsia"


def _check_order(el, order: list[str]) -> None:
    tags = [c.tag.split("}")[1] for c in el]
    positions = [order.index(t) for t in tags]
    assert positions == sorted(positions), tags


def test_elements_in_schema_order(tmp_path: Path):
    out = tmp_path / "x.docx"
    export_report(sample_report(), out, bold_headings=True, fonts="strict")
    for name in ("word/styles.xml", "word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        root = part(out, name)
        for rpr in root.iter(w("rPr")):
            _check_order(rpr, RPR_ORDER)
        for ppr in root.iter(w("pPr")):
            _check_order(ppr, PPR_ORDER)
        for sect in root.iter(w("sectPr")):
            _check_order(sect, SECT_ORDER)


def test_strict_font_names_and_bold_option(tmp_path: Path):
    out = tmp_path / "strict.docx"
    result = export_report(sample_report(), out, fonts="strict", bold_headings=True)
    styles = part(out, "word/styles.xml")
    assert _fonts(style_by_name(styles, "Normal")) == "仿宋_GB2312"
    assert _fonts(style_by_name(styles, "Title")) == "方正小标宋简体"
    assert _fonts(style_by_name(styles, "heading 2")) == "楷体_GB2312"
    bold = {
        lv: val(style_by_name(styles, f"heading {lv}").find("w:rPr/w:b", NS)) for lv in (1, 2, 3, 4)
    }
    assert bold == {1: "0", 2: None, 3: None, 4: "0"}  # <w:b/> (on) for levels 2-3 only
    assert result.fonts_expected == ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"]
    names = [f.get(w("name")) for f in part(out, "word/fontTable.xml")]
    assert "方正小标宋简体" in names and "仿宋_GB2312" in names


def test_empty_report_is_still_a_valid_document(tmp_path: Path):
    out = tmp_path / "空.docx"
    result = export_report(Report(), out)
    d = docx.Document(str(out))
    # the A4 page of the default layout, and no text at all (one empty paragraph, as Word needs)
    assert len(d.sections) == 1
    sec = d.sections[0]
    assert (sec.page_width.twips, sec.page_height.twips) == (11906, 16838)
    assert (sec.left_margin.twips, sec.top_margin.twips) == (1587, 2098)
    assert [p.text for p in d.paragraphs] == [""]
    assert d.tables == []
    assert "报告正文为空。" in result.warnings
    # a report with only a title: that title is the one paragraph, in the Title style
    result = export_report(Report(title="关于开展读书月活动的通知"), out)
    d = docx.Document(str(out))
    assert [(p.text, p.style.name) for p in d.paragraphs] == [("关于开展读书月活动的通知", "Title")]
    assert "报告正文为空。" in result.warnings


def test_base_docx_is_generated_by_the_committed_script():
    import runpy

    root = Path(__file__).resolve().parents[2]
    script = runpy.run_path(str(root / "scripts" / "make_base_docx.py"), run_name="not_main")
    assert script["build"]() == (root / "resources" / "docx" / "base.docx").read_bytes(), (
        "resources/docx/base.docx is stale: run python scripts/make_base_docx.py"
    )


def _title_lines(p) -> list[str]:  # noqa: ANN001 - lxml element
    """The title paragraph's lines as Word shows them (split at w:br)."""
    lines = [""]
    for el in p.iter(w("t"), w("br")):
        if el.tag == w("br"):
            lines.append("")
        else:
            lines[-1] += el.text or ""
    return lines


def test_long_title_is_split_into_balanced_lines(tmp_path: Path):
    from eduwriter.export.docx_import import import_docx

    out = tmp_path / "长标题.docx"
    r = sample_report()
    r.title = "关于进一步加强全市中小学校园安全管理工作的实施意见"  # 24 characters: two lines
    export_report(r, out)
    lines = _title_lines(body_paragraphs(out)[0])
    assert "".join(lines) == r.title
    assert len(lines) == 2
    assert min(len(x) for x in lines) >= 3
    assert max(len(x) for x in lines) <= 20  # 20 characters of 2号 fit in the 156 mm 版心
    assert abs(len(lines[0]) - len(lines[1])) <= 4
    # the break is not kept when the document is opened back as a report
    assert import_docx(out).title == r.title
    # a title that fits on one line gets no break
    export_report(sample_report(), out)
    assert body_paragraphs(out)[0].find(".//w:br", NS) is None


def test_last_body_paragraph_keeps_with_the_signature_block(tmp_path: Path):
    out = tmp_path / "落款.docx"
    export_report(sample_report(), out)
    paras = body_paragraphs(out)
    texts = [para_text(p) for p in paras]
    last_body = texts.index("附件：1.工作任务分解表") - 1
    assert texts[last_body].startswith("教育是国之大计")

    def keep_next(p) -> bool:  # noqa: ANN001 - lxml element
        k = p.find("w:pPr/w:keepNext", NS)
        return k is not None and val(k) in (None, "1", "true", "on")

    # body -> 附件 -> 署名 -> 日期 chained with keep-with-next; the body before it is free
    assert [keep_next(p) for p in paras[last_body - 1 :]] == [False, True, True, True, True, False]
    assert texts[-2:] == ["XX市教育局", "2026年11月22日"]


def test_word_and_wps_fidelity_settings(exported: Path):
    styles = part(exported, "word/styles.xml")
    ppr = styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
    # no automatic space between Chinese and digits/Latin (it widens lines past 28 characters)
    assert val(ppr.find("w:autoSpaceDE", NS)) == "0"
    assert val(ppr.find("w:autoSpaceDN", NS)) == "0"
    assert val(ppr.find("w:kinsoku", NS)) == "1"
    # every paragraph written carries them too (templates keep their own defaults)
    for p in body_paragraphs(exported):
        assert val(p.find("w:pPr/w:autoSpaceDE", NS)) == "0", para_text(p)
    grid = part(exported, "word/document.xml").find("w:body/w:sectPr/w:docGrid", NS)
    assert (val(grid, "type"), val(grid, "linePitch")) == ("lines", "579")


def test_attachment_lines_hang_so_wrapped_names_align_with_the_name(exported: Path):
    paras = body_paragraphs(exported)
    first = next(p for p in paras if para_text(p).startswith("附件："))
    second = next(p for p in paras if para_text(p).startswith("2."))
    ind1, ind2 = first.find("w:pPr/w:ind", NS), second.find("w:pPr/w:ind", NS)
    # "附件：1.<tab>name": first line at 2 characters, wrapped lines at 2 + 3 + 1 (the name)
    assert (val(ind1, "leftChars"), val(ind1, "hangingChars")) == ("600", "400")
    # "2.<tab>name" under "1.": first line at 5 characters, wrapped lines at 6
    assert (val(ind2, "leftChars"), val(ind2, "hangingChars")) == ("600", "100")
    for p in (first, second):
        assert p.find(".//w:r/w:tab", NS) is not None
        tab = p.find("w:pPr/w:tabs/w:tab", NS)
        assert val(tab, "pos") == val(p.find("w:pPr/w:ind", NS), "left")


def test_run_in_heading_stays_out_of_the_navigation_pane(exported: Path):
    para = next(p for p in body_paragraphs(exported) if para_text(p).startswith("1.认真"))
    assert val(para.find("w:pPr/w:outlineLvl", NS)) == "9"
    # a heading without run-in text keeps its style's outline level
    plain = next(p for p in body_paragraphs(exported) if para_text(p) == "一、总体要求")
    assert plain.find("w:pPr/w:outlineLvl", NS) is None


def test_digits_and_latin_letters_can_stay_in_the_chinese_font(tmp_path: Path):
    out = tmp_path / "a.docx"
    result = export_report(sample_report(), out, fonts="installed", latin_font=None)
    rfonts = style_by_name(part(out, "word/styles.xml"), "Normal").find("w:rPr/w:rFonts", NS)
    assert {val(rfonts, a) for a in ("ascii", "hAnsi", "eastAsia")} == {"仿宋"}
    assert "随中文字体" in result.font_choice


def test_auto_fonts_write_the_standard_names_only_where_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from eduwriter.export import fonts

    monkeypatch.setattr(fonts, "is_installed", lambda name, installed=None: True)
    out = tmp_path / "strict.docx"
    result = export_report(sample_report(), out)
    title = style_by_name(part(out, "word/styles.xml"), "Title")
    assert val(title.find("w:rPr/w:rFonts", NS), "eastAsia") == "方正小标宋简体"
    assert result.font_choice.startswith("标准字体名")
    monkeypatch.setattr(fonts, "is_installed", lambda name, installed=None: False)
    result = export_report(sample_report(), tmp_path / "win.docx")
    assert result.font_choice.startswith("Windows 自带字体")
    normal = style_by_name(part(tmp_path / "win.docx", "word/styles.xml"), "Normal")
    assert val(normal.find("w:rPr/w:rFonts", NS), "eastAsia") == "仿宋"
