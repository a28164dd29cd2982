"""``eduwriter export REPORT.md -o OUT [--template] [--fonts] [--format]``."""

from __future__ import annotations

import argparse
from pathlib import Path

import docx
import pytest

from eduwriter.cli import export as export_cli
from eduwriter.compose.markdown_io import write_report
from eduwriter.compose.report import Report, ReportBlock, ReportMeta
from eduwriter.export import fonts as fonts_mod


def _run(argv: list[str], allow_unfilled: bool = True) -> int:
    """Run the command; the fixture's title has a 【slot】, so most tests let it through."""
    if allow_unfilled and "--allow-unfilled" not in argv:
        argv = [*argv, "--allow-unfilled"]
    parser = argparse.ArgumentParser(prog="eduwriter")
    sub = parser.add_subparsers(dest="command")
    export_cli.register(sub)
    ns = parser.parse_args(argv)
    return ns.func(ns)


@pytest.fixture
def report_md(tmp_path: Path) -> Path:
    r = Report(
        title="关于【年份】年暑期安全工作的通知",
        meta=ReportMeta(recipient="各中小学", signer="XX区教育局", date="2026年6月30日"),
        blocks=[
            ReportBlock("heading", "工作要求", level=1),
            ReportBlock("paragraph", "各校要高度重视暑期安全工作。"),
            ReportBlock("heading", "压实责任。", level=3, body="校长是第一责任人。"),
        ],
    )
    path = tmp_path / "通知.md"
    write_report(r, path)
    return path


def test_export_docx_tells_fonts_and_unfilled_slots(tmp_path, report_md, capsys, monkeypatch):
    monkeypatch.setattr(fonts_mod, "installed_font_names", lambda: frozenset({"simhei"}))
    out = tmp_path / "通知.docx"
    assert _run(["export", str(report_md), "-o", str(out), "--fonts", "strict"]) == 0
    captured = capsys.readouterr()
    assert f"已导出：{out}" in captured.out
    assert "文档使用的字体：方正小标宋简体、仿宋_GB2312、黑体、宋体" in captured.out
    assert "本机未安装：方正小标宋简体、仿宋_GB2312、宋体" in captured.out
    assert "【年份】" in captured.err
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[:4] == [
        "关于【年份】年暑期安全工作的通知",
        "各中小学：",
        "一、工作要求",
        "各校要高度重视暑期安全工作。",
    ]
    assert "1.压实责任。校长是第一责任人。" in texts


@pytest.mark.parametrize("fmt,suffix", [("md", ".md"), ("txt", ".txt")])
def test_export_text_formats_from_the_extension(tmp_path, report_md, fmt, suffix):
    out = tmp_path / f"out{suffix}"
    assert _run(["export", str(report_md), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "一、工作要求" in text
    if fmt == "md":
        assert "## 一、工作要求" in text


def test_broken_template_exit_code_and_hint(tmp_path, report_md, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_text("x", encoding="utf-8")
    out = tmp_path / "o.docx"
    assert _run(["export", str(report_md), "-o", str(out), "--template", str(bad)]) == 3
    err = capsys.readouterr().err
    assert "不是有效的 Word 文档" in err and "去掉 --template" in err
    assert not out.exists()


def test_missing_input_and_locked_output(tmp_path, report_md, capsys):
    assert _run(["export", str(tmp_path / "无.md"), "-o", str(tmp_path / "o.docx")]) == 2
    assert "找不到报告文件" in capsys.readouterr().err
    out = tmp_path / "o.docx"
    out.write_bytes(b"old")
    (tmp_path / ".~lock.o.docx#").write_text("locked")
    assert _run(["export", str(report_md), "-o", str(out)]) == 4
    err = capsys.readouterr().err
    assert "建议改存为" in err and "o(1).docx" in err
    assert out.read_bytes() == b"old"


def test_docx_input_is_reimported(tmp_path, report_md):
    mid = tmp_path / "mid.docx"
    assert _run(["export", str(report_md), "-o", str(mid)]) == 0
    back = tmp_path / "back.md"
    assert _run(["export", str(mid), "-o", str(back)]) == 0
    assert back.read_text(encoding="utf-8") == report_md.read_text(encoding="utf-8")


def _stamp(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_export_onto_its_own_docx_input_is_refused(tmp_path, report_md, capsys):
    original = tmp_path / "c2.docx"
    assert _run(["export", str(report_md), "-o", str(original)]) == 0
    before = _stamp(original)
    capsys.readouterr()
    # the same file, and the same file reached through another spelling of its path
    for target in (original, tmp_path / "." / "c2.docx"):
        assert _run(["export", str(original), "-o", str(target)]) == 4
        err = capsys.readouterr().err
        assert "就是要导出的原文件" in err
        assert "c2_导出.docx" in err
    assert _stamp(original) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c2.docx", "通知.md"]


def test_export_onto_its_own_markdown_input_is_refused(tmp_path, report_md, capsys):
    before = _stamp(report_md)
    assert _run(["export", str(report_md), "-o", str(report_md)]) == 4
    assert "就是要导出的原文件" in capsys.readouterr().err
    assert _stamp(report_md) == before


def test_export_onto_a_hard_link_of_its_input_is_refused(tmp_path, report_md, capsys):
    link = tmp_path / "别名.md"
    link.hardlink_to(report_md)
    before = _stamp(report_md)
    assert _run(["export", str(report_md), "-o", str(link)]) == 4
    assert _stamp(report_md) == before


def test_extension_that_disagrees_with_the_format_is_refused(tmp_path, report_md, capsys):
    out = tmp_path / "x.docx"
    assert _run(["export", str(report_md), "-o", str(out), "--format", "txt"]) == 4
    err = capsys.readouterr().err
    assert "扩展名与导出格式 txt 不符" in err and "x.txt" in err
    assert not out.exists()


def test_unknown_extension_without_format_is_refused(tmp_path, report_md, capsys):
    out = tmp_path / "out.pdf"
    assert _run(["export", str(report_md), "-o", str(out)]) == 4
    err = capsys.readouterr().err
    assert ".docx" in err and ".md" in err and ".txt" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["通知.md"]


def test_missing_extension_gets_the_format_s_extension(tmp_path, report_md, capsys):
    assert _run(["export", str(report_md), "-o", str(tmp_path / "纯文本"), "--format", "txt"]) == 0
    assert f"已导出：{tmp_path / '纯文本.txt'}" in capsys.readouterr().out
    assert "一、工作要求" in (tmp_path / "纯文本.txt").read_text(encoding="utf-8")
    assert _run(["export", str(report_md), "-o", str(tmp_path / "公文")]) == 0
    assert docx.Document(str(tmp_path / "公文.docx")).paragraphs[0].text.startswith("关于")
    assert not (tmp_path / "纯文本").exists() and not (tmp_path / "公文").exists()


def test_unfilled_slots_stop_a_non_interactive_export_and_say_where(
    tmp_path, report_md, capsys, monkeypatch
):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out = tmp_path / "通知.docx"
    argv = ["export", str(report_md), "-o", str(out)]
    assert _run(argv, allow_unfilled=False) == export_cli.EXIT_UNFILLED
    err = capsys.readouterr().err
    assert "报告中还有 1 处【要素】没有填写" in err
    assert "【年份】  关于【年份】年暑期安全工作的通知" in err
    assert "--allow-unfilled" in err
    assert not out.exists()
