"""Reading files: encodings, formats, and every kind of bad input (issue 2, item 5)."""

from __future__ import annotations

import os

import pytest

from eduwriter.core import readers
from eduwriter.core.decode import DecodeError, decode_bytes
from eduwriter.core.importer import analyze_file
from eduwriter.core.readers import MAX_BYTES, ReadError, html_to_text, read_text

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
    assert lines == ["学校工作计划", "一、指导思想", "正文\u00a0内容。", "第二行"]


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
