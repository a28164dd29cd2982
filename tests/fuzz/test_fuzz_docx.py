"""Malformed .docx files through analyze, re-import (export bad.docx -o r.md) and as a template
(export r.md --template bad.docx): a clear message in Chinese, never a traceback, memory
bounded, nothing of a hostile package copied into the output."""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from fuzz_helpers import (
    bomb_docx,
    cli,
    corrupt_deflate_docx,
    entity_docx,
    examples,
    has_chinese,
    minimal_docx,
    ole_file,
    report_file,
)
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]


def _through_every_door(bad: Path, tmp: Path) -> list:
    """analyze, re-import and template use of one file; returns the three runs."""
    runs = [cli("analyze", "--json", bad)]
    runs.append(cli("export", bad, "-o", tmp / "reimport.md"))
    report = report_file(tmp / "report.md")
    runs.append(cli("export", report, "-o", tmp / "out.docx", "--template", bad))
    for run in runs:
        if run.code != 0:
            assert has_chinese(run.err), run.err
    return runs


@settings(max_examples=examples(40))
@given(cut=st.floats(0.0, 1.0), flips=st.lists(st.integers(0, 10**9), max_size=12))
def test_truncated_or_bit_flipped_docx(cut: float, flips: list[int]) -> None:
    data = bytearray(minimal_docx())
    for f in flips:
        data[f % len(data)] ^= 1 << (f % 8)
    data = data[: max(1, int(len(data) * cut))] if cut < 1 else data
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        bad = tmp / "坏.docx"
        bad.write_bytes(bytes(data))
        _through_every_door(bad, tmp)


@pytest.mark.parametrize(
    "name,data,words",
    [
        ("corrupt-deflate", corrupt_deflate_docx(), ()),
        ("entity", entity_docx(), ()),
        ("billion-laughs", entity_docx(billion_laughs=True), ()),
        ("legacy-doc", ole_file("WordDocument"), (".doc", "另存")),
        ("encrypted", ole_file("EncryptionInfo", "EncryptedPackage"), ("密码",)),
        ("empty", b"", ()),
        ("not-zip", "一、这不是 Word 文件\n".encode(), ()),
    ],
)
def test_named_malformations(
    name: str, data: bytes, words: tuple[str, ...], tmp_path: Path
) -> None:
    bad = tmp_path / f"{name}.docx"
    bad.write_bytes(data)
    runs = _through_every_door(bad, tmp_path)
    if words:
        said = runs[0].err + runs[1].err
        assert any(w in said for w in words), said
    if name == "entity":
        assert "root:" not in runs[0].out  # the external entity is never expanded


def test_template_member_names_never_reach_the_output(tmp_path: Path) -> None:
    hostile = minimal_docx(
        extra={
            "../../evil.xml": b"<evil/>",
            "/abs/evil2.xml": b"<evil/>",
            "word\\..\\..\\evil3.xml": b"<evil/>",
        }
    )
    tpl = tmp_path / "tpl.docx"
    tpl.write_bytes(hostile)
    out = tmp_path / "out.docx"
    run = cli("export", report_file(tmp_path / "r.md"), "-o", out, "--template", tpl)
    if out.exists():
        names = zipfile.ZipFile(out).namelist()
        assert not [n for n in names if "evil" in n], names
    else:
        assert run.code != 0 and has_chinese(run.err)
    assert not (tmp_path.parent / "evil.xml").exists()


# Peak memory of the process itself: VmHWM (the high-water mark of this address space), not
# ru_maxrss, which Linux carries over from the parent across exec (a big pytest parent would
# count against the child).
_MEASURE = r"""
import sys
sys.path.insert(0, {root!r})
from eduwriter.cli.main import run_cli
code = run_cli({argv!r})
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0].split()[1]
print("RC", code, "MAXRSS_KB", hwm)
"""


def _peak(argv: list[str]) -> tuple[int, int, str]:
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE.format(root=str(ROOT), argv=argv)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RC ")][-1].split()
    return int(line[1]), int(line[3]) // 1024, proc.stderr


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    out = {}
    for name, in_doc in (("unused-part", False), ("document", True)):
        path = folder / f"bomb-{name}.docx"
        path.write_bytes(bomb_docx(in_document=in_doc))
        out[name] = path
    return out


@pytest.mark.parametrize("where", ["unused-part", "document"])
@pytest.mark.parametrize("door", ["analyze", "reimport", "template"])
def test_zip_bombs_are_refused_within_300_mb(bombs, where: str, door: str, tmp_path: Path) -> None:
    bomb = bombs[where]
    assert bomb.stat().st_size < 3 * 1024 * 1024
    if door == "analyze":
        argv = ["analyze", "--json", str(bomb)]
    elif door == "reimport":
        argv = ["export", str(bomb), "-o", str(tmp_path / "r.md")]
    else:
        argv = [
            "export",
            str(report_file(tmp_path / "r.md")),
            "-o",
            str(tmp_path / "o.docx"),
            "--template",
            str(bomb),
        ]
    code, peak_mb, err = _peak(argv)
    assert peak_mb < 300, f"peak {peak_mb} MB"
    assert code != 0, "a 1 GiB bomb must be refused, not silently accepted"
    assert has_chinese(err), err


def test_a_real_docx_still_goes_through(tmp_path: Path) -> None:
    good = tmp_path / "好.docx"
    good.write_bytes(minimal_docx())
    runs = _through_every_door(good, tmp_path)
    assert runs[0].code == 0 and "总体要求" in runs[0].out
    assert runs[1].code == 0


def test_random_corpus_of_mutations_is_reproducible() -> None:
    """The mutation helper itself is deterministic for a seed (so CI failures reproduce)."""
    rng = random.Random(14)
    a = [rng.randrange(10**9) for _ in range(5)]
    rng = random.Random(14)
    assert a == [rng.randrange(10**9) for _ in range(5)]
