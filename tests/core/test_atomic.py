"""Atomic writes: symbolic links written through, leftovers of killed saves cleaned safely."""

from __future__ import annotations

import os
import time

import pytest

from eduwriter.core.atomic import atomic_write_text, remove_stale_temps


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_writing_onto_a_symbolic_link_writes_through(tmp_path):
    real = tmp_path / "真正的文件.md"
    real.write_text("旧内容", encoding="utf-8")
    link = tmp_path / "链接.md"
    link.symlink_to(real)
    atomic_write_text(link, "新内容")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "新内容"
    assert link.read_text(encoding="utf-8") == "新内容"


def test_leftovers_of_killed_saves_are_cleaned_and_nothing_else(tmp_path):
    target = tmp_path / "报告.md"
    old = time.time() - 3600
    stale = tmp_path / ".报告.md.ab12cd_3.tmp"
    fresh = tmp_path / ".报告.md.zz99yy88.tmp"  # maybe a save running right now
    other = tmp_path / ".别的.md.ab12cd34.tmp"
    odd = tmp_path / ".报告.md.too-long-name.tmp"
    for p in (stale, fresh, other, odd):
        p.write_text("x", encoding="utf-8")
    for p in (stale, other, odd):
        os.utime(p, (old, old))
    atomic_write_text(target, "内容")
    assert target.read_text(encoding="utf-8") == "内容"
    assert not stale.exists()
    assert fresh.exists() and other.exists() and odd.exists()


def test_a_folder_shaped_like_a_leftover_is_kept(tmp_path):
    target = tmp_path / "a.md"
    folder = tmp_path / ".a.md.abcdefgh.tmp"
    folder.mkdir()
    assert remove_stale_temps(target, older_than=0) == []
    assert folder.is_dir()
