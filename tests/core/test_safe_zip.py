"""Damaged, hostile and foreign Word packages: a clear message, bounded memory (issue 14:
items 7, 10, 11, 17)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from eduwriter.core.importer import analyze_file
from eduwriter.core.safe_zip import PackageError, SafeZip
from eduwriter.export.docx_import import DocxReadError, import_docx
from eduwriter.export.errors import TemplateError
from eduwriter.export.template import load_template
from tests.core.docx_build import W, para, write_docx

BODY = "我们坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针。"


def _good(tmp_path: Path, name: str = "ok.docx", n: int = 400) -> Path:
    return write_docx(tmp_path / name, [para(f"{BODY}{k}") for k in range(n)])


def _corrupt_document(path: Path) -> Path:
    """Overwrite bytes in the middle of word/document.xml's compressed data."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("word/document.xml")
    data = bytearray(path.read_bytes())
    name_len = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    mid = start + info.compress_size // 2
    data[mid : mid + 40] = bytes((b ^ 0x5A) for b in data[mid : mid + 40])
    path.write_bytes(bytes(data))
    return path


def test_corrupted_compressed_data_gives_a_clear_message_everywhere(tmp_path: Path):
    bad = _corrupt_document(_good(tmp_path, "bad.docx"))
    res = analyze_file(bad)
    assert res.error is not None and "损坏" in res.error
    assert "zlib" not in res.error and "Traceback" not in res.error
    with pytest.raises(DocxReadError) as info:
        import_docx(bad)
    assert "损坏" in info.value.message_zh
    with pytest.raises(TemplateError):
        load_template(bad)


def test_cli_reimport_of_corrupted_docx_prints_one_line(tmp_path: Path):
    bad = _corrupt_document(_good(tmp_path, "bad.docx"))
    proc = subprocess.run(
        [sys.executable, "-m", "eduwriter", "export", str(bad), "-o", str(tmp_path / "r.md")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "损坏" in proc.stderr


def test_entity_declaration_is_refused_with_a_message(tmp_path: Path):
    path = _good(tmp_path, "dtd.docx", 2)
    doc = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "甲甲甲甲">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;开头</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    _replace_member(path, "word/document.xml", doc.encode())
    res = analyze_file(path)
    assert res.error is not None and "实体" in res.error
    with pytest.raises(DocxReadError) as info:
        import_docx(path)
    assert "实体" in info.value.message_zh


def _replace_member(path: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in members.items():
            zf.writestr(n, d)


def _bomb(path: Path, member: str, mb: int) -> Path:
    """A valid small .docx plus ``member`` inflating to ``mb`` MB of zeros."""
    write_docx(path, [para(BODY)])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        with zf.open(member, "w", force_zip64=True) as fh:
            chunk = bytes(1024 * 1024)
            for _ in range(mb):
                fh.write(chunk)
    return path


@pytest.mark.parametrize("member", ["word/media/unused.bin", "word/document2.xml"])
def test_zip_bomb_is_refused_even_in_an_unused_part(tmp_path: Path, member: str):
    bomb = _bomb(tmp_path / "bomb.docx", member, 100)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    res = analyze_file(bomb)
    assert res.error is not None and "过大" in res.error
    with pytest.raises(DocxReadError) as info:
        import_docx(bomb)
    assert "过大" in info.value.message_zh
    with pytest.raises(TemplateError) as tinfo:
        load_template(bomb)
    assert "过大" in tinfo.value.message_zh


def test_limits_hold_while_inflating(tmp_path: Path):
    path = _good(tmp_path, n=2000)
    with pytest.raises(PackageError) as info:
        SafeZip(path, max_part=50_000)  # below document.xml's size
    assert info.value.kind == "bomb"
    with SafeZip(path) as zf:
        zf.max_part = 50_000  # the directory said less than the data holds
        with pytest.raises(PackageError):
            zf.read("word/document.xml")


def test_peak_memory_on_a_bomb_stays_low(tmp_path: Path):
    bomb = _bomb(tmp_path / "bomb.docx", "word/header1.xml", 300)
    code = (
        "import sys\n"
        "from eduwriter.core.importer import analyze_file\n"
        "from eduwriter.export.docx_import import DocxReadError, import_docx\n"
        f"r = analyze_file({str(bomb)!r}); assert r.error\n"
        "try:\n"
        f"    import_docx({str(bomb)!r})\n"
        "except DocxReadError: pass\n"
        # VmHWM: this process's own peak (ru_maxrss keeps the parent's size across exec)
        "print([ln for ln in open('/proc/self/status') if ln.startswith('VmHWM:')][0].split()[1])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    peak_kb = int(proc.stdout.split()[-1])
    assert peak_kb < 300 * 1024


def test_old_doc_and_encrypted_docx_say_what_they_are(tmp_path: Path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    doc = tmp_path / "旧.docx"
    doc.write_bytes(ole + b"WordDocument".ljust(2048, b"\x00"))
    enc = tmp_path / "密.docx"
    enc.write_bytes(ole + "EncryptedPackage".encode("utf-16-le").ljust(2048, b"\x00"))
    renamed = tmp_path / "旧.txt"
    renamed.write_bytes(doc.read_bytes())
    assert "另存为" in analyze_file(doc).error and ".doc" in analyze_file(doc).error
    assert "另存为" in analyze_file(renamed).error
    assert "密码" in analyze_file(enc).error
    with pytest.raises(DocxReadError) as info:
        import_docx(enc)
    assert "密码" in info.value.message_zh
    with pytest.raises(DocxReadError) as info:
        import_docx(doc)
    assert ".doc" in info.value.message_zh


def test_package_with_an_encrypted_member_is_reported_as_protected(tmp_path: Path):
    path = _good(tmp_path, n=2)
    data = bytearray(path.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:  # the "encrypted" flag bit of every central directory entry
        data[pos + 8] |= 1
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    assert "密码" in analyze_file(path).error
