"""export_report: warnings, fonts, never losing work."""

from __future__ import annotations

import copy
import os
import time
from pathlib import Path

import docx
import pytest
from export_helpers import sample_report

from eduwriter.compose.markdown_io import read_report, write_report
from eduwriter.compose.report import Report, ReportBlock
from eduwriter.export import ExportError, export_report
from eduwriter.export import fonts as fonts_mod


@pytest.mark.parametrize("fmt", ["docx", "md", "txt"])
def test_export_never_modifies_the_report(tmp_path: Path, fmt: str):
    r = sample_report()
    r.blocks.append(ReportBlock("paragraph", "【在此概述】", hint=True))
    src = tmp_path / "报告.md"
    write_report(r, src)
    old = time.time() - 3600
    os.utime(src, (old, old))  # an mtime change would show even within the clock's step
    on_disk = src.read_bytes(), src.stat().st_mtime_ns
    report = read_report(src)
    before = copy.deepcopy(report)
    result = export_report(report, tmp_path / f"out.{fmt}", fmt=fmt, source=src)
    assert result.path == tmp_path / f"out.{fmt}" and result.path.stat().st_size > 0
    assert report == before
    assert (src.read_bytes(), src.stat().st_mtime_ns) == on_disk
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["报告.md", f"out.{fmt}"])


def test_export_onto_the_source_file_is_refused(tmp_path: Path):
    src = tmp_path / "报告.md"
    write_report(sample_report(), src)
    on_disk = src.read_bytes(), src.stat().st_mtime_ns
    with pytest.raises(ExportError) as info:
        export_report(read_report(src), src, fmt="md", source=src)
    assert "原文件" in info.value.message_zh
    assert info.value.suggestion == tmp_path / "报告_导出.md"
    assert (src.read_bytes(), src.stat().st_mtime_ns) == on_disk


def test_format_and_extension_must_agree(tmp_path: Path):
    with pytest.raises(ExportError) as info:
        export_report(sample_report(), tmp_path / "x.docx", fmt="txt")
    assert info.value.suggestion == tmp_path / "x.txt"
    with pytest.raises(ExportError) as info:
        export_report(sample_report(), tmp_path / "out.pdf", fmt=None)
    assert "docx" in info.value.message_zh and "txt" in info.value.message_zh
    assert list(tmp_path.iterdir()) == []
    result = export_report(sample_report(), tmp_path / "无扩展名", fmt="md")
    assert result.path == tmp_path / "无扩展名.md"
    assert result.path.read_text(encoding="utf-8").startswith("---")


def test_hint_paragraphs_are_left_out_of_docx_and_text_but_kept_in_markdown(tmp_path: Path):
    r = sample_report()
    r.blocks.insert(1, ReportBlock("paragraph", "【在此概述本节内容】", hint=True))
    r.blocks.append(ReportBlock("paragraph", "【在此写明工作任务】", hint=True))
    res = export_report(r, tmp_path / "a.docx")
    texts = [p.text for p in docx.Document(str(tmp_path / "a.docx")).paragraphs]
    assert not any("在此" in t for t in texts)
    assert "一、总体要求" in texts
    assert any("2 段提示文字" in w and "略去" in w for w in res.warnings)
    res = export_report(r, tmp_path / "a.txt", fmt="txt")
    assert "在此" not in (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert any("2 段提示文字" in w and "略去" in w for w in res.warnings)
    res = export_report(r, tmp_path / "a.md", fmt="md")
    md = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert "> 【在此概述本节内容】" in md and "> 【在此写明工作任务】" in md
    assert any("2 段提示文字" in w and "略去" not in w for w in res.warnings)


def test_unfilled_slots_and_hints_are_reported(tmp_path: Path):
    r = Report(
        title="【年份】年工作计划",
        blocks=[
            ReportBlock("paragraph", "全区共有【数量】所学校，【单位】负责。【年份】年底完成。"),
            ReportBlock("paragraph", "【在此概述】", hint=True),
        ],
    )
    result = export_report(r, tmp_path / "计划.docx")
    assert "还有 4 处待填内容没有填写：【年份】、【数量】、【单位】。" in result.warnings
    assert any("1 段提示文字" in w for w in result.warnings)


def test_fonts_expected_and_missing_are_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(
        fonts_mod, "installed_font_names", lambda: frozenset({"fangsong", "simhei"})
    )
    result = export_report(sample_report(), tmp_path / "a.docx", fonts="installed")
    assert result.fonts_expected == ["宋体", "仿宋", "黑体", "楷体"]
    assert result.fonts_missing == ["宋体", "楷体"]
    assert any("宋体、楷体" in w and "代替" in w for w in result.warnings)
    monkeypatch.setattr(fonts_mod, "installed_font_names", lambda: None)
    result = export_report(sample_report(), tmp_path / "b.docx")
    assert result.fonts_missing is None  # cannot be checked here: no false claim either way


def test_file_open_in_word_gives_message_and_other_name(tmp_path: Path):
    target = tmp_path / "工作报告.docx"
    target.write_bytes(b"old content")
    (tmp_path / "~$作报告.docx").write_bytes(b"owner")  # Word's owner file for an open document
    with pytest.raises(ExportError) as info:
        export_report(sample_report(), target)
    assert "正在被" in info.value.message_zh
    assert info.value.suggestion == tmp_path / "工作报告(1).docx"
    assert target.read_bytes() == b"old content"


def test_locked_target_keeps_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old content")
    (tmp_path / "报告(1).docx").write_bytes(b"taken")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as info:
        export_report(sample_report(), target)
    assert "无法覆盖" in info.value.message_zh
    assert info.value.suggestion == tmp_path / "报告(2).docx"
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告(1).docx", "报告.docx"]


def test_failed_export_leaves_no_file(tmp_path: Path):
    bad_template = tmp_path / "坏模板.docx"
    bad_template.write_text("不是 docx", encoding="utf-8")
    target = tmp_path / "out.docx"
    with pytest.raises(ExportError):
        export_report(sample_report(), target, template=bad_template)
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["坏模板.docx"]


def test_bad_format_and_missing_folder(tmp_path: Path):
    with pytest.raises(ExportError) as info:
        export_report(sample_report(), tmp_path / "a.pdf", fmt="pdf")
    assert "不支持" in info.value.message_zh
    with pytest.raises(ExportError) as info:
        export_report(sample_report(), tmp_path / "无此文件夹" / "a.docx")
    assert "不存在" in info.value.message_zh


def test_text_export_is_readable_plain_text(tmp_path: Path):
    out = tmp_path / "a.txt"
    export_report(sample_report(), out, fmt="txt")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "关于做好2026年全市教育工作的实施方案"
    assert lines[1] == ""
    assert lines[2] == "各区（县）教育局，局属各学校："
    assert lines[3] == "\u3000\u3000一、总体要求"
    assert "\u3000\u30001.认真落实保障措施。争取各方支持。" in lines
    assert lines[-6:] == [
        "",
        "\u3000\u3000附件：1.工作任务分解表",
        "\u3000\u3000\u3000\u3000\u30002.联系人名单",
        "",
        "XX市教育局",
        "2026年11月22日",
    ]


def test_markdown_export_matches_the_file_format(tmp_path: Path):
    from eduwriter.compose.markdown_io import read_report

    out = tmp_path / "a.md"
    export_report(sample_report(), out, fmt="md")
    assert read_report(out) == sample_report()


def test_date_written_against_the_standard_is_flagged(tmp_path: Path):
    r = sample_report()
    r.meta.date = "2026年01月05日"
    result = export_report(r, tmp_path / "a.docx")
    assert any("不应编虚位" in w for w in result.warnings)
    r.meta.date = "二〇二六年一月五日"
    result = export_report(r, tmp_path / "b.docx")
    assert any("阿拉伯数字" in w for w in result.warnings)
    r.meta.date = "2026年1月5日"
    result = export_report(r, tmp_path / "c.docx")
    assert not any("成文日期" in w for w in result.warnings)
