"""Building the library from files: the bundled samples, more imports, bad files, cancel."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eduwriter.core.importer import analyze_file
from eduwriter.core.model import Block, Document, FileResult
from eduwriter.library import derive, ingest
from eduwriter.library.store import LibraryStore
from eduwriter.resources_path import sample_files

_BUILT: list[Path] = []


@pytest.fixture(scope="module")
def built_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("built") / "library.db"
    with LibraryStore.open(db) as s:
        report = ingest.ensure_builtin(s)
        assert report is not None and not report.errors
    return db


@pytest.fixture
def built(built_db, tmp_path):
    db = tmp_path / "library.db"
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(built_db) + suffix)
        if src.exists():
            shutil.copy(src, str(db) + suffix)
    s = LibraryStore.open(db)
    yield s
    s.close()


def test_analysis_survives_the_json_round_trip():
    result = analyze_file(sample_files()[0])
    again = derive.result_from_json(result.to_json())
    assert again.to_json() == result.to_json()


def test_document_and_section_items_form_a_tree():
    doc = Document(
        title="学校安全工作计划",
        genre="plan",
        blocks=[
            Block("paragraph", "为做好安全工作，特制定本计划。"),
            Block("heading", "指导思想", 1, "一、"),
            Block("paragraph", "坚持安全第一。"),
            Block("heading", "主要措施", 1, "二、"),
            Block("heading", "加强演练", 2, "（一）"),
            Block("paragraph", "每月演练一次。"),
        ],
    )
    items = derive.document_items("a.txt", "imported", FileResult("a.txt", documents=[doc]))
    kinds = [i.kind for i in items]
    assert kinds == ["document", "section", "section", "section"]
    d, s1, s2, s3 = items
    assert d.title == "学校安全工作计划" and "一、指导思想" in d.text
    assert (s1.title, s1.text, s1.parent) == ("指导思想", "坚持安全第一。", d.id)
    assert s1.data["marker"] == "一、"
    assert s3.parent == s2.id and s3.text == "每月演练一次。"
    assert s3.sources[0].section == ("主要措施", "加强演练")
    # ids are stable
    again = derive.document_items("a.txt", "imported", FileResult("a.txt", documents=[doc]))
    assert [i.id for i in again] == [i.id for i in items]


def test_section_and_document_texts_have_normalised_punctuation():
    doc = Document(
        title="",
        genre="plan",
        blocks=[
            Block("heading", "主要措施:抓落实", 1, "一、"),
            Block("heading", "总体目标", 2, "(一)"),
            Block("paragraph", "例如:企事业单位招聘,比例1.5%,见http://www.moe.gov.cn/a,b (试行)"),
        ],
    )
    items = derive.document_items("学校计划.txt", "imported", FileResult("x", documents=[doc]))
    d, sec, sub = items
    assert sec.title == "主要措施：抓落实"
    assert sub.data["marker"] == "（一）" and "（一）总体目标" in d.text
    assert sub.text == "例如：企事业单位招聘，比例1.5%，见http://www.moe.gov.cn/a,b （试行）"
    assert "一、主要措施：抓落实" in d.text and "例如：企事业" in d.text
    # a document without a title is not shown as 文档1
    assert d.title == "《学校计划》第1篇"


def test_heading_families_are_items_of_their_own(built):
    assert built.stats()["families"] >= 1
    hits = built.search("以“德”为先", kind="phrasing")
    fam = next(h for h in hits if h.data.get("members"))
    assert fam.function == "标题" and " / " in fam.text
    assert fam.title.startswith("以“【字】”为")
    members = built.get_many([m["id"] for m in fam.data["members"]])
    assert len(members) == len(fam.data["members"]) >= 3
    assert [m.text for m in members] == fam.text.split(" / ")
    assert all(m.data["family_id"] == fam.id for m in members)


def test_builtin_library_from_the_samples(built):
    stats = built.stats()
    assert stats["files"] == {"builtin": len(sample_files())}
    assert stats["by_kind"]["document"] >= len(sample_files())
    assert stats["by_kind"]["phrasing"] > 100
    assert stats["by_kind"]["section"] > 50
    for genre in ("plan", "summary", "speech"):
        assert stats["merged_skeletons_by_genre"].get(genre) == 1
    assert set(stats["by_origin"]) == {"builtin"}
    # phrasings point at documents that exist in the library
    titles = {(d.data["file"], d.title) for d in built.items(kind="document")}
    for p in built.items(kind="phrasing")[:200]:
        assert p.sources
        assert (p.sources[0].file, p.sources[0].document) in titles
    # the 范文 tree: every sample file, with documents and their sections
    tree = built.documents()
    assert sorted(f.file for f in tree) == sorted(p.name for p in sample_files())
    assert any(doc.children for f in tree for doc in f.documents)
    # a search finds a heading of the samples by characters and by pinyin initials
    hits = built.search("指导思想", kind="section")
    assert hits and hits[0].title == "指导思想"
    assert "指导思想" in [h.title for h in built.search("zdsx", kind="section")]
    # and nothing is built twice
    assert ingest.ensure_builtin(built) is None


def test_rebuild_never_touches_personal_items(built):
    sn = built.add_snippet("自己的句子", folder="常用")
    some = built.items(kind="phrasing")[0]
    built.set_favorite(some.id, True)
    before = built.count()
    report = ingest.rebuild_builtin(built)
    assert report.added == 0
    assert built.count() == before
    assert built.get(sn.id).text == "自己的句子"
    assert built.get(some.id).favorite


def test_import_more_files_with_a_bad_one(built, tmp_path):
    good = tmp_path / "家校共育工作计划.txt"
    good.write_text(
        "家校共育工作计划\n"
        "一、指导思想\n为进一步加强家校合作，形成教育合力，结合我校实际，特制定本计划。\n"
        "二、主要措施\n（一）办好家长学校\n每学期召开家长会两次，邀请专家开展家庭教育讲座。\n"
        "（二）开展家访活动\n班主任每学期家访覆盖全班学生，及时了解学生思想动态。\n",
        encoding="gb18030",
    )
    bad = tmp_path / "broken.txt"  # a picture saved with the wrong extension
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    missing = tmp_path / "missing.txt"
    before = built.count()
    report = ingest.import_files(built, [good, bad, missing])
    assert report.added == built.count() - before  # what the writer sees the library grow by
    assert report.files_ok == [str(good)]
    assert {Path(p).name for p, _ in report.errors} == {"broken.txt", "missing.txt"}
    assert all(msg for _, msg in report.errors)
    assert built.count() > before
    files = {f.file: f for f in built.documents()}
    assert files["家校共育工作计划.txt"].origin == "imported"
    hits = built.search("家访", kind="section")
    # the imported section is found (built-in sections may mention 家访 as well)
    assert [h.title for h in hits if h.origin == "imported"] == ["开展家访活动"]
    # the built-in part is still there
    assert built.stats()["by_origin"]["builtin"] > 0


def test_cancel_before_the_first_file_changes_nothing(built, tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("工作计划\n一、指导思想\n坚持立德树人。\n", encoding="utf-8")
    before = built.count()
    report = ingest.import_files(built, [f], cancel=lambda: True)
    assert report.cancelled
    assert built.count() == before


def test_deleted_items_can_be_restored(built):
    victim = built.items(kind="phrasing")[0]
    built.delete_item(victim.id)
    ingest.rebuild_builtin(built)
    assert built.get(victim.id) is None
    assert ingest.restore_deleted(built) >= 1
    assert built.get(victim.id).text == victim.text


def test_importing_the_same_file_twice_adds_nothing(built, tmp_path):
    f = tmp_path / "安全工作总结.txt"
    f.write_text(
        "安全工作总结\n一、主要成绩\n全年未发生安全责任事故，安全教育覆盖全体师生。\n"
        "二、存在问题\n部分教师安全意识有待提高。\n",
        encoding="utf-8",
    )
    first = ingest.import_files(built, [f])
    assert first.added > 0
    count = built.count()
    second = ingest.import_files(built, [f])
    assert second.added == 0
    assert built.count() == count


def test_a_file_the_extractor_chokes_on_is_left_out(built, tmp_path, monkeypatch):
    from eduwriter.library import extractions

    real = extractions.extract_document

    def fragile(doc, file, index, places=None):
        if "毒" in (doc.title or ""):
            raise ValueError("boom")
        return real(doc, file, index, places)

    monkeypatch.setattr(extractions, "extract_document", fragile)
    good = tmp_path / "好文件.txt"
    good.write_text(
        "德育工作计划\n一、指导思想\n坚持立德树人，推广星空观测课程。\n", encoding="utf-8"
    )
    bad = tmp_path / "坏文件.txt"
    bad.write_text("毒文件计划\n一、指导思想\n这一篇会让提取出错。\n", encoding="utf-8")
    report = ingest.import_files(built, [good, bad])
    assert [Path(p).name for p, _ in report.errors] == ["坏文件.txt"]
    assert report.files_ok == [str(good)]
    assert "提取" in report.errors[0][1]
    assert built.search("星空观测课程")  # the good file is in
    assert built.stats()["by_kind"]["phrasing"] > 100  # the rest of the library is intact


def test_cancel_keeps_the_files_finished_before_it(built, tmp_path):
    first = _plan(tmp_path / "甲校计划.txt", "量子纠缠教学法")
    second = _plan(tmp_path / "乙校计划.txt", "陶艺社团建设")
    files_before = len(built.stored_files())
    seen: list[int] = []

    def progress(done: int, total: int, name: str) -> None:
        if name == str(first):
            seen.append(done)

    def cancel() -> bool:  # false for the first file, true before the second
        return bool(seen)

    report = ingest.import_files(built, [first, second], progress=progress, cancel=cancel)
    assert report.cancelled
    assert report.files_ok == [str(first)]
    assert len(built.stored_files()) == files_before + 1
    assert built.search("量子纠缠教学法")  # the finished file is in the library, phrasings too
    assert any(i.kind == "phrasing" for i in built.search("量子纠缠教学法"))
    assert built.search("陶艺社团建设") == []


def _plan(path: Path, words: str) -> Path:
    path.write_text(
        f"{path.stem}\n一、指导思想\n坚持{words}，推进学校各项工作，特制定本计划。\n"
        f"二、主要措施\n（一）加强领导\n成立{words}工作领导小组，明确职责分工。\n",
        encoding="utf-8",
    )
    return path


def _snapshot(store: LibraryStore) -> list[tuple]:
    return sorted((i.id, i.kind, i.origin, i.title, i.text) for i in store.items())


def test_incremental_and_full_import_give_the_same_library(built, tmp_path):
    a = _plan(tmp_path / "甲校计划.txt", "星空观测课程")
    b = _plan(tmp_path / "乙校计划.txt", "陶艺社团建设")
    c = _plan(tmp_path / "丙校计划.txt", "校园足球联赛")
    ingest.import_files(built, [a, b])
    second = ingest.import_files(built, [a, b, c])  # a and b unchanged: only c is analysed
    assert second.unchanged == [str(a), str(b)]
    assert set(second.files_ok) == {str(a), str(b), str(c)}
    incremental = _snapshot(built)
    full = ingest.import_files(built, [a, b, c], full=True)
    assert full.unchanged == []
    assert _snapshot(built) == incremental
    # a changed file is analysed again; removing a file removes its items
    _plan(b, "陶艺社团和书法社团建设")
    again = ingest.import_files(built, [a, b, c])
    assert again.unchanged == [str(a), str(c)]
    assert built.search("书法社团")
    ingest.remove_files(built, [str(b)])
    assert not built.search("陶艺社团")
    assert built.search("星空观测课程")


# a library written by EduWriter with schema 3 (before per-file extraction results were stored):
# two imported files, a favourite phrasing in the folder 常用 used once, a snippet in 常用/通知
V3_LIBRARY = Path(__file__).resolve().parents[1] / "data" / "library_v3.db"
V3_FAVOURITE = "ph-a2fdebf08362b3c1"
V3_TEXTS = {
    "甲校德育工作计划.txt": "甲校德育工作计划\n一、指导思想\n坚持立德树人根本任务，落实绍兴市教育局工作要求，"
    "推进学校德育工作。\n二、主要措施\n（一）加强队伍建设\n成立德育工作领导小组，明确职责分工，"
    "定期召开专题会议。\n（二）开展主题教育\n组织开展爱国主义教育活动，引导学生树立正确的价值观。\n",
    "乙校安全工作总结.txt": "乙校安全工作总结\n一、主要成绩\n全年未发生安全责任事故，安全教育覆盖全体师生。\n"
    "绍兴教育系统安全检查组对我校工作给予肯定。\n二、存在问题\n部分教师安全意识有待提高。\n"
    "三、下一步打算\n进一步完善安全工作制度，加强隐患排查整治。\n",
}


def _content(store: LibraryStore) -> list[tuple]:
    return sorted(
        (i.id, i.kind, i.origin, i.title, i.text, i.function, str(i.data), str(i.sources))
        for i in store.items()
        if i.origin != "personal"
    )


def test_a_schema_3_library_migrates_then_imports_incrementally(tmp_path):
    import sqlite3

    db = tmp_path / "library.db"
    shutil.copy(V3_LIBRARY, db)
    new = _plan(tmp_path / "丙校计划.txt", "校园足球联赛")
    with LibraryStore.open(db) as store:
        assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == 6
        fav = store.get(V3_FAVOURITE)
        assert fav.favorite and fav.usage == 1 and store.folder_path(fav.folder) == "常用"
        report = ingest.import_files(store, [new])
        assert report.files_ok == [str(new)] and not report.errors
        # the stored files got their extraction results from their stored analyses
        assert set(store.extraction_index()) == {f.name for f in store.stored_files()}
        fav = store.get(V3_FAVOURITE)
        assert fav.favorite and fav.usage == 1 and store.folder_path(fav.folder) == "常用"
        [snippet] = store.items(kind="snippet")
        assert (
            snippet.text.startswith("我的旧片段")
            and store.folder_path(snippet.folder) == "常用/通知"
        )
        assert store.search("校园足球联赛")
        migrated = _content(store)
    fresh_dir = tmp_path / "fresh"
    fresh_dir.mkdir()
    files = []
    for name, text in V3_TEXTS.items():
        (fresh_dir / name).write_text(text, encoding="utf-8")
        files.append(fresh_dir / name)
    with LibraryStore.open(tmp_path / "fresh.db") as fresh:
        ingest.import_files(fresh, [*files, new])
        assert _content(fresh) == migrated


def test_a_place_learnt_from_a_later_file_becomes_a_slot_in_earlier_ones(tmp_path):
    bare = tmp_path / "甲校总结.txt"
    bare.write_text(
        "甲校工作计划\n一、主要措施\n（一）加强领导\n认真贯彻绍兴教育工作会议精神，扎实推进素质教育，全面提高教育教学质量。\n",
        encoding="utf-8",
    )
    teacher = tmp_path / "乙校计划.txt"
    teacher.write_text(
        "乙校工作计划\n一、指导思想\n认真落实绍兴市教育局年度工作要点，推进各项工作。\n",
        encoding="utf-8",
    )
    with LibraryStore.open(tmp_path / "one-by-one.db") as store:
        ingest.import_files(store, [bare])
        assert any("绍兴教育" in i.text for i in store.items(kind="phrasing"))
        ingest.import_files(store, [teacher])  # teaches 绍兴 (绍兴市): 甲校 is extracted again
        texts = [i.text for i in store.items(kind="phrasing")]
        assert not any("绍兴" in t for t in texts)
        assert any("【地区】教育工作会议" in t for t in texts)
        incremental = _content(store)
        ingest.remove_files(store, [str(teacher)])  # forgotten again
        assert any("绍兴教育" in i.text for i in store.items(kind="phrasing"))
        ingest.import_files(store, [teacher])
        assert _content(store) == incremental
    with LibraryStore.open(tmp_path / "at-once.db") as store:
        ingest.import_files(store, [bare, teacher])
        assert _content(store) == incremental


def _tags_of_items(store: LibraryStore) -> list[str]:
    return sorted({t for i in store.items() for t in i.tags})


def test_the_tag_list_follows_imports_and_removals_file_by_file(tmp_path):
    a = tmp_path / "甲校安全计划.txt"
    a.write_text(
        "甲校安全工作计划\n一、指导思想\n坚持安全第一，做好校园安全和消防演练，防溺水教育。\n"
        "二、主要措施\n（一）加强安全教育\n开展防溺水、交通安全和食品安全专题教育。\n",
        encoding="utf-8",
    )
    b = tmp_path / "乙校体育计划.txt"
    b.write_text(
        "乙校体育工作计划\n一、指导思想\n坚持健康第一，做好学校体育和大课间活动，开展校园足球联赛。\n"
        "二、主要措施\n（一）加强体育锻炼\n开展体育课、大课间和课外体育锻炼专题活动。\n",
        encoding="utf-8",
    )
    with LibraryStore.open(tmp_path / "library.db") as store:
        ingest.import_files(store, [a])
        assert store.tags() == _tags_of_items(store) != []
        ingest.import_files(store, [b])
        both = store.tags()
        assert both == _tags_of_items(store)
        ingest.remove_files(store, [str(b)])
        assert store.tags() == _tags_of_items(store)
        assert set(store.tags()) < set(both)  # the tags only 乙校 had are gone
