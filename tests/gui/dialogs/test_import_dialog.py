"""文件 → 导入范文: background import with progress, a per-file error list, the rest imported."""

from __future__ import annotations

import re
from pathlib import Path

from eduwriter.gui.dialogs.import_dialog import error_rows, expand_paths
from eduwriter.gui.models.library_items import ItemRole

# Fixtures shared by the library pane tests (tests/gui/library_fixtures.py).


PLAN = """关于加强校园安全工作的实施方案

为进一步加强学校安全管理，保障师生生命财产安全，结合我校实际，制定本方案。

一、指导思想
坚持安全第一、预防为主，落实安全责任，全面提升校园安全管理水平。

二、工作目标
建立健全安全工作责任体系，确保全年无重大安全责任事故。

三、主要措施
（一）加强安全教育
每月开展一次安全主题教育活动，提高学生自我保护能力。
（二）开展隐患排查
定期对校舍、食堂、消防设施进行全面排查，发现问题及时整改。

四、保障措施
成立以校长为组长的安全工作领导小组，明确分工，落实责任。
"""

SUMMARY_MD = """# 二〇二三年德育工作总结

一年来，我校坚持立德树人根本任务，扎实推进德育工作，取得了一定成效。

## 一、主要成绩

（一）德育队伍不断加强。全体班主任参加专题培训，育人能力明显提升。

（二）主题活动丰富多彩。开展了读书节、艺术节等系列活动，学生参与率达百分之九十以上。

## 二、存在问题

部分家长对德育工作重视不够，家校合力有待加强。

## 三、下一步打算

进一步完善家校共育机制，推动德育工作再上新台阶。
"""


def _write_inputs(folder: Path) -> tuple[Path, Path, Path]:
    folder.mkdir()
    gbk = folder / "校园安全实施方案.txt"
    gbk.write_bytes(PLAN.encode("gb18030"))
    md = folder / "德育工作总结.md"
    md.write_text(SUMMARY_MD, encoding="utf-8")
    bad = folder / "损坏的文件.docx"
    bad.write_bytes(b"\x00\x01PK\x03\x04 this is not a real docx \xff\xfe" * 20)
    (folder / "notes.bin").write_bytes(b"\x00" * 10)  # not an importable type: ignored
    return gbk, md, bad


def test_expand_paths_takes_files_and_importable_files_in_folders(tmp_path):
    gbk, md, bad = _write_inputs(tmp_path / "in")
    loose = tmp_path / "loose.html"
    loose.write_text("<p>x</p>", encoding="utf-8")
    found = expand_paths([tmp_path / "in", loose])
    assert sorted(Path(p).name for p in found) == sorted([gbk.name, md.name, bad.name, loose.name])


def test_import_folder_with_one_bad_file(qtbot, pane, library_store, tmp_path):
    gbk, md, bad = _write_inputs(tmp_path / "in")
    dialog = pane.import_documents([str(tmp_path / "in")])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=120_000):
        pass
    rows = error_rows(dialog)
    assert [name for name, _msg in rows] == [bad.name]
    assert rows[0][1], "the bad file comes with a message"
    assert dialog.errors_view.isVisible()
    assert "成功导入 2 个文件" in dialog.status_label.text()
    assert f"素材库现有 {_pane_total(pane)} 条" in dialog.status_label.text()
    assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()

    # The good files show up in the 范文 tree (refreshed and expanded).
    model = pane.model
    top = model.top_index("document")
    assert pane.tree.isExpanded(top)
    names = [str(model.index(r, 0, top).data()).split("（")[0] for r in range(model.rowCount(top))]
    assert gbk.name in names and md.name in names and bad.name not in names
    gbk_row = model.index(names.index(gbk.name), 0, top)
    doc = model.index(0, 0, gbk_row).data(ItemRole)
    assert "校园安全" in doc.title
    # ... and in search.
    with qtbot.waitSignal(
        pane.searchFinished, timeout=5000, check_params_cb=lambda q, _n: q == "隐患排查"
    ):
        pane.search_edit.setText("隐患排查")
    assert pane.results_model.rowCount() > 0
    dialog.accept()


def test_cancel_before_start_imports_nothing(qtbot, pane, library_store, tmp_path):
    _write_inputs(tmp_path / "in")
    before = library_store.count()
    from eduwriter.gui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(library_store, [str(tmp_path / "in")], pane)
    qtbot.addWidget(dialog)
    dialog.job.cancel()
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as blocker:
        dialog.start()
    assert blocker.args[0].cancelled
    assert "导入已取消" in dialog.status_label.text()
    assert library_store.count() == before


def test_nothing_importable_says_so(qtbot, pane, tmp_path):
    (tmp_path / "empty").mkdir()
    dialog = pane.import_documents([str(tmp_path / "empty")])
    qtbot.addWidget(dialog)
    assert "没有可导入的文件" in dialog.status_label.text()
    assert dialog.close_button.isVisible()
    dialog.accept()


def test_closing_during_an_import_waits_for_it_and_keeps_the_library(
    qtbot, pane, library_store, tmp_path
):
    _write_inputs(tmp_path / "in")
    dialog = pane.import_documents([str(tmp_path / "in")])
    qtbot.addWidget(dialog)
    assert pane.is_busy()
    pane.shutdown()  # what the main window does on close
    assert not dialog.job.is_running() or dialog.wait(1000)
    assert library_store.count() > 0
    assert library_store.search("指导思想"), "the library still answers after the cancelled import"


def _pane_total(pane) -> int:
    """The number the pane shows under the search box: 共 N 条素材 / N items."""
    match = re.search(r"(\d+)", pane.count_label.text())
    assert match, pane.count_label.text()
    return int(match.group(1))


def _write_qa_folder(folder: Path) -> None:
    """The folder of the QA report: a binary .txt, an empty file, a GBK file and a good file."""
    folder.mkdir()
    (folder / "bad.txt").write_bytes(bytes(range(256)) * 12)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "gbk.txt").write_bytes(PLAN.encode("gbk"))
    (folder / "good.md").write_text(SUMMARY_MD, encoding="utf-8")


def test_import_summary_and_pane_show_the_same_count(qtbot, pane, tmp_path):
    _write_qa_folder(tmp_path / "qa")
    before = _pane_total(pane)
    dialog = pane.import_documents([str(tmp_path / "qa")])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=120_000):
        pass
    after = _pane_total(pane)
    assert after > before
    text = dialog.status_label.text()
    assert f"素材库现有 {after} 条（增加 {after - before} 条）" in text, (text, before, after)
    assert sorted(name for name, _m in error_rows(dialog)) == ["bad.txt", "empty.txt"]
    dialog.accept()


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_import_summary_in_english_reads_as_sentences_and_errors_in_english(qtbot, pane, tmp_path):
    from eduwriter.gui import i18n

    _write_qa_folder(tmp_path / "qa")
    assert i18n.install_translator("en")
    try:
        dialog = pane.import_documents([str(tmp_path / "qa")])
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.imported, timeout=120_000):
            pass
        text = dialog.status_label.text()
        lines = text.splitlines()
        assert lines[0].startswith("Imported 2 file(s)") and lines[0].endswith("added)."), text
        assert lines[1] == "2 file(s) could not be imported:", text
        messages = dict(error_rows(dialog))
        assert set(messages) == {"bad.txt", "empty.txt"}
        assert not [m for m in messages.values() if _cjk(m)], messages
        assert "binary" in messages["bad.txt"].lower()
        assert "empty" in messages["empty.txt"].lower()
        dialog.accept()
    finally:
        i18n.install_translator("zh_CN")


def test_cancel_keeps_the_files_finished_before_it(
    qtbot, pane, library_store, tmp_path, monkeypatch
):
    from eduwriter.gui.dialogs.import_dialog import ImportDialog
    from eduwriter.library import ingest

    folder = tmp_path / "plans"
    folder.mkdir()
    words = {
        "甲校计划": "星空观测课程",
        "乙校计划": "陶艺社团建设",
        "丙校计划": "校园足球联赛",
        "丁校计划": "书法社团活动",
    }
    for name, topic in words.items():
        (folder / f"{name}.txt").write_text(
            f"{name}\n一、指导思想\n坚持{topic}，推进学校各项工作，特制定本计划。\n"
            f"二、主要措施\n成立{topic}工作领导小组，明确职责分工，定期召开专题会议。\n",
            encoding="utf-8",
        )
    order = sorted(str(p) for p in folder.glob("*.txt"))
    dialog = ImportDialog(library_store, [str(folder)], pane)
    qtbot.addWidget(dialog)
    real = ingest._analyze

    def analyze_then_cancel(path, report):  # the writer presses 取消 during the third file
        if str(path) == order[2]:
            dialog.job.cancel()
        return real(path, report)

    monkeypatch.setattr(ingest, "_analyze", analyze_then_cancel)
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as blocker:
        dialog.start()
    report = blocker.args[0]
    assert report.cancelled
    assert "导入已取消" in dialog.status_label.text()
    assert "成功导入 3 个文件" in dialog.status_label.text()
    done = {Path(p).stem for p in order[:3]}
    for name, topic in words.items():
        assert bool(library_store.search(topic)) == (name in done), name


def test_progress_shows_count_current_file_and_time_left(qtbot, pane, library_store, tmp_path):
    from eduwriter.gui.dialogs.import_dialog import ImportDialog
    from eduwriter.library.progress import TimeLeft

    files = [tmp_path / f"{n}.txt" for n in ("甲", "乙", "丙", "丁")]
    for f in files:
        f.write_text("工作计划\n一、指导思想\n坚持立德树人。\n", encoding="utf-8")
    dialog = ImportDialog(library_store, [str(f) for f in files], pane)
    qtbot.addWidget(dialog)
    now = [100.0]
    dialog._time_left = TimeLeft(clock=lambda: now[0])
    dialog._on_progress(0, 4, str(files[0]))
    assert dialog.status_label.text() == "正在导入（1/4）：甲.txt\n剩余时间：…"
    assert (dialog.progress_bar.value(), dialog.progress_bar.maximum()) == (0, 4)
    now[0] += 20.0  # two files took 20 s: two more take about as long
    dialog._on_progress(2, 4, str(files[2]))
    assert dialog.status_label.text() == "正在导入（3/4）：丙.txt\n剩余时间：约 20 秒"
    assert dialog.progress_bar.value() == 2
