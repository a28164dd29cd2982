"""Several processes at once: two writers on one library, and kills in the middle of a save."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from eduwriter.compose.markdown_io import read_report
from eduwriter.library.database import in_use
from eduwriter.library.store import LibraryStore
from eduwriter.resources_path import sample_files

ROOT = Path(__file__).resolve().parents[2]


def _eduwriter(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "eduwriter", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _files_in(db: Path) -> set[str]:
    with LibraryStore.open(db) as store:
        return {Path(node.file).name for node in store.documents()}


def test_two_builds_of_one_library_at_once_lose_nothing(tmp_path: Path) -> None:
    samples = sample_files()
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for i, p in enumerate(samples):
        folder = a if i % 2 else b
        folder.joinpath(f"{folder.name}_{p.name}").write_bytes(p.read_bytes())
    db = tmp_path / "same.db"
    for _round in range(2):
        procs = {
            folder: _eduwriter("library", "build", "--db", str(db), str(folder))
            for folder in (a, b)
        }
        expected: set[str] = set()
        for folder, proc in procs.items():
            out, err = proc.communicate(timeout=300)
            assert "Traceback" not in err, err
            if proc.returncode == 0:
                expected |= {p.name for p in folder.iterdir()}
            else:
                # the second writer was told, clearly, that the library is busy: by the app's
                # writer lock, or (under load, while the first one opens the file) by SQLite's
                # lock; both say it in the one message of database.in_use
                assert in_use(db).message_zh.split("：")[0] in err, err
        assert expected, "at least one build must succeed"
        assert expected <= _files_in(db)
    # the same library as building both folders one after the other
    seq = tmp_path / "sequential.db"
    for folder in (a, b):
        proc = _eduwriter("library", "build", "--db", str(seq), str(folder))
        proc.communicate(timeout=300)
    assert _count(db) == _count(seq)


def _count(db: Path) -> int:
    with LibraryStore.open(db) as store:
        return store.count()


_SAVER = r"""
import sys
sys.path.insert(0, {root!r})
from eduwriter.compose.markdown_io import write_report
from eduwriter.compose.report import Report, ReportBlock
target = {target!r}
versions = [
    Report(title="版本甲", blocks=[ReportBlock("paragraph", "甲" * 30000)]),
    Report(title="版本乙", blocks=[ReportBlock("paragraph", "乙" * 60000)]),
]
print("ready", flush=True)
n = 0
while True:
    write_report(versions[n % 2], target)
    n += 1
"""


def test_kills_during_saves_leave_the_old_or_the_new_report(tmp_path: Path) -> None:
    target = tmp_path / "报告.md"
    rng = random.Random(14)
    for _ in range(8):
        proc = subprocess.Popen(
            [sys.executable, "-c", _SAVER.format(root=str(ROOT), target=str(target))],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.02, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        if target.exists():
            report = read_report(target)
            assert report.title in ("版本甲", "版本乙")
            text = report.blocks[0].text
            assert text in ("甲" * 30000, "乙" * 60000)


def test_library_stays_readable_while_another_process_builds(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    first = _eduwriter("library", "build", "--db", str(db), str(sample_files()[0]))
    first.communicate(timeout=300)
    builder = _eduwriter("library", "build", "--db", str(db), *[str(p) for p in sample_files()[1:]])
    reads = 0
    while builder.poll() is None and reads < 50:
        reader = subprocess.run(
            [sys.executable, "-m", "eduwriter", "library", "stats", "--json", "--db", str(db)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert reader.returncode == 0, reader.stderr  # readers are never blocked
        json.loads(reader.stdout)
        reads += 1
    builder.communicate(timeout=300)
    assert builder.returncode == 0
