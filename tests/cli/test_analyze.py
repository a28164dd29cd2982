"""``eduwriter analyze`` through run_cli and as a subprocess."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

from eduwriter.cli.main import run_cli
from eduwriter.resources_path import sample_files

ROOT = Path(__file__).resolve().parents[2]


def _sample(prefix: str) -> Path:
    return next(p for p in sample_files() if p.name.startswith(prefix))


def test_readable_outline(capsys):
    code = run_cli(["analyze", str(_sample("003"))])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert "文档 1：在教育局期初工作安排视频会议的讲话  〈讲话稿 speech〉" in lines
    # numbered headings indented by level
    assert "    一、全力做好疫情防控工作" in lines
    assert "        第一,思想认识要更加到位" in lines
    # removed boilerplate listed
    assert any(line.startswith("已去除的网站杂项（3 处）") for line in lines)
    assert any(
        line.startswith("  - 在教育局期初工作安排视频会议的讲话范文  〔") for line in lines
    )  # each removal with its reason


def test_json_shape(capsys):
    code = run_cli(["analyze", "--json", str(_sample("000")), str(_sample("002"))])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert list(data) == ["files"]
    f0 = data["files"][0]
    assert list(f0) == ["path", "encoding", "removed", "removed_reasons", "documents"]
    assert len(f0["removed_reasons"]) == len(f0["removed"])
    assert f0["encoding"] == "UTF-8"
    doc = f0["documents"][1]
    assert list(doc) == ["title", "genre", "blocks", "slots", "run_in_items", "domain"]
    assert doc["title"] == "化解年末焦虑的小方法"
    heading = next(b for b in doc["blocks"] if b["kind"] == "heading")
    assert heading == {"kind": "heading", "level": 1, "marker": "1", "text": "别想太多，做了再说"}
    paragraph = next(b for b in doc["blocks"] if b["kind"] == "paragraph")
    assert list(paragraph) == ["kind", "text"]
    slot = f0["documents"][0]["slots"][0]
    assert slot == {"raw": "X月X日", "kind": "日期"}
    item = f0["documents"][0]["run_in_items"][0]
    assert item["marker"] == "一是" and item["text"].startswith("充分利用疫情产生的科普素材")
    assert "下面是小编给大家带来的" not in json.dumps(
        data["files"][1]["documents"], ensure_ascii=False
    )


def test_bad_files_reported_others_still_analyzed(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "pic.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    missing = tmp_path / "missing.txt"
    good = _sample("003")
    code = run_cli(
        ["analyze", "--json", str(empty), str(binary), str(tmp_path), str(missing), str(good)]
    )
    captured = capsys.readouterr()
    assert code == 1
    files = json.loads(captured.out)["files"]
    assert [("error" in f) for f in files] == [True, True, True, True, False]
    assert files[4]["documents"][0]["title"] == "在教育局期初工作安排视频会议的讲话"
    assert all(f["documents"] == [] for f in files[:4])
    err_lines = captured.err.strip().splitlines()
    assert len(err_lines) == 4
    assert "空" in err_lines[0] and "二进制" in err_lines[1]
    assert "文件夹" in err_lines[2] and "不存在" in err_lines[3]
    # each line names its file once, at the start
    for line, path in zip(err_lines, (empty, binary, tmp_path, missing), strict=True):
        assert line.startswith(f"{path}: ") and line.count(str(path)) == 1


def test_html_page_menu_is_removed_not_taken_for_content(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><body>"
        "<nav><ul><li>首页</li><li>范文大全</li><li>工作计划</li><li>工作总结</li></ul></nav>"
        "<div class='crumbs'>首页 &gt; 工作总结</div>"
        "<h1>2026年学校工作总结</h1>"
        "<p>一年来，我校坚持立德树人，&nbsp;扎实推进各项工作。</p>"
        "<p>一、主要工作</p><p>全面加强党的建设。<br>深化课堂教学改革。</p>"
        "<p>二、存在问题</p><p>师资结构有待优化。</p>"
        "<footer>Copyright 2026 范文网</footer></body></html>",
        encoding="utf-8",
    )
    code = run_cli(["analyze", "--json", str(page)])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    f = data["files"][0]
    for piece in ("首页", "范文大全", "工作计划", "工作总结", "Copyright 2026 范文网"):
        assert piece in f["removed"]
    assert len(f["documents"]) == 1
    doc = f["documents"][0]
    assert doc["title"] == "2026年学校工作总结"
    texts = [b["text"] for b in doc["blocks"]]
    assert "范文大全" not in texts and "工作计划" not in texts
    headings = [(b["marker"], b["text"]) for b in doc["blocks"] if b["kind"] == "heading"]
    assert headings == [("一、", "主要工作"), ("二、", "存在问题")]
    assert "深化课堂教学改革。" in texts


def test_readable_mode_error_exit_code(tmp_path, capsys):
    code = run_cli(["analyze", str(tmp_path / "nope.txt"), str(_sample("002"))])
    captured = capsys.readouterr()
    assert code == 1
    assert "不存在" in captured.err
    assert "区教育局20XX年上半年工作总结暨下半年计划" in captured.out


def test_subprocess(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(
        "学校工作计划\r\n一、指导思想\r\n坚持立德树人，全面提升质量。\r\n".encode("gbk")
    )
    proc = subprocess.run(
        [sys.executable, "-m", "eduwriter", "analyze", "--json", str(gbk), str(tmp_path / "x.txt")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 1
    files = json.loads(proc.stdout)["files"]
    assert files[0]["encoding"] == "GB18030"
    assert files[0]["documents"][0]["title"] == "学校工作计划"
    assert files[0]["documents"][0]["blocks"][0] == {
        "kind": "heading",
        "level": 1,
        "marker": "一、",
        "text": "指导思想",
    }
    assert "不存在" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_line_per_file_on_a_terminal_stderr(tmp_path):
    from eduwriter.cli.analyze import run

    missing = tmp_path / "missing.txt"
    paths = [str(_sample("000")), str(missing), str(_sample("002"))]
    out, err = io.StringIO(), _Terminal()
    code = run(argparse.Namespace(json=True, paths=paths), out=out, err=err)
    assert code == 1
    progress = [ln for ln in err.getvalue().splitlines() if ln.startswith("[")]
    assert progress == [
        f"[1/3] 已分析 (analyzed): {paths[0]}",
        f"[2/3] 已分析 (analyzed): {paths[1]}",
        f"[3/3] 已分析 (analyzed): {paths[2]}",
    ]
    data = json.loads(out.getvalue())  # stdout stays pure JSON
    assert [f["path"] for f in data["files"]] == paths


def test_no_progress_lines_when_stderr_is_not_a_terminal(capsys):
    code = run_cli(["analyze", str(_sample("000")), str(_sample("002"))])
    captured = capsys.readouterr()
    assert code == 0
    assert "已分析" not in captured.err and "已分析" not in captured.out


def test_json_is_compact_by_default_and_indented_on_request(capsys):
    run_cli(["analyze", "--json", str(_sample("003"))])
    compact = capsys.readouterr().out
    assert compact.count("\n") == 1 and '": ' not in compact
    run_cli(["analyze", "--json", "--indent", "2", str(_sample("003"))])
    pretty = capsys.readouterr().out
    assert pretty.count("\n") > 50
    assert json.loads(pretty) == json.loads(compact)


def test_every_removal_has_a_known_reason(capsys, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(
        "首页 | 新闻中心 | 工作总结\n作者：张三 发布时间：2024-01-02 浏览：120\n"
        "学校工作总结\n今年以来，我校认真贯彻落实上级部署，各项工作取得新进展［1］。\n"
        "剩余3000字未读，开通会员查看完整版\n",
        encoding="utf-8",
    )
    run_cli(["analyze", "--json", str(page)])
    f = json.loads(capsys.readouterr().out)["files"][0]
    why = dict(zip(f["removed"], f["removed_reasons"], strict=True))
    assert why["作者：张三 发布时间：2024-01-02 浏览：120"] == "metadata"
    assert why["剩余3000字未读，开通会员查看完整版"] == "preview"
    assert why["［1］"] == "footnote"
    assert why["首页 | 新闻中心 | 工作总结"] == "navigation"
