"""A full disk: a small tmpfs (as root, as in CI) and an injected ENOSPC.  The first error is
reported in Chinese, the file that was there before is intact, no partial file is left."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from fuzz_helpers import cli, has_chinese, report_file

from eduwriter.compose.markdown_io import read_report, write_report
from eduwriter.compose.report import Report, ReportBlock
from eduwriter.resources_path import sample_files


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 320 KiB tmpfs mounted at tmp_path/disk (root only; CI runs as root)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=320k", "tmpfs", str(mnt)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"cannot mount a tmpfs in CI: {done.stderr}")
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` until about ``leave`` bytes are free."""
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    if free > leave:
        with open(folder / "filler.bin", "wb") as f:
            f.write(b"\0" * (free - leave))


def _big_report(chars: int) -> Report:
    para = "各校要高度重视课后服务工作，结合实际开设科技、体育、艺术等课程，切实提升服务质量。"
    blocks = [ReportBlock("heading", "总体要求", level=1)]
    blocks += [ReportBlock("paragraph", para) for _ in range(chars // len(para) + 1)]
    return Report(title="关于做好课后服务工作的通知", blocks=blocks)


def test_saving_a_report_on_a_full_disk_keeps_the_old_file(small_disk: Path) -> None:
    target = small_disk / "报告.md"
    write_report(Report(title="旧版本", blocks=[ReportBlock("paragraph", "旧内容。")]), target)
    old = target.read_bytes()
    _fill(small_disk, leave=8 * 1024)
    with pytest.raises(OSError) as info:
        write_report(_big_report(200_000), target)
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == old
    assert read_report(target).title == "旧版本"
    leftovers = [p.name for p in small_disk.iterdir() if p.name not in ("报告.md", "filler.bin")]
    assert leftovers == []


def test_exporting_onto_a_full_disk_says_so(small_disk: Path, tmp_path: Path) -> None:
    out = small_disk / "通知.docx"
    report = report_file(tmp_path / "r.md")
    assert cli("export", report, "-o", out).code == 0
    old = out.read_bytes()
    _fill(small_disk, leave=4 * 1024)
    run = cli("export", report, "-o", out, "--format", "docx")
    if run.code != 0:
        assert has_chinese(run.err)
    assert out.read_bytes() == old or run.code == 0


def test_building_a_library_on_a_full_disk_reports_the_first_error(small_disk: Path) -> None:
    db = small_disk / "library.db"
    _fill(small_disk, leave=64 * 1024)
    run = cli("library", "build", "--db", db, *[str(p) for p in sample_files()[:2]])
    assert run.code != 0
    assert has_chinese(run.err)
    assert "cannot rollback" not in run.err
    assert "满" in run.err or "空间" in run.err, run.err


def test_injected_enospc_on_replace_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "报告.md"
    write_report(Report(title="旧版本", blocks=[ReportBlock("paragraph", "旧内容。")]), target)
    old = target.read_bytes()

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    monkeypatch.setattr(os, "rename", full)
    with pytest.raises(OSError):
        write_report(_big_report(2_000), target)
    monkeypatch.undo()
    assert target.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["报告.md"]
