"""``eduwriter library build|search|stats|export|import`` end to end (in process)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from eduwriter.cli.main import run_cli
from eduwriter.library import sharing
from eduwriter.resources_path import sample_files


@pytest.fixture(scope="module")
def built_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli-lib") / "library.db"
    assert run_cli(["library", "build", "--db", str(db)]) == 0
    return db


@pytest.fixture
def db(built_db, tmp_path) -> Path:
    target = tmp_path / "library.db"
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(built_db) + suffix)
        if src.exists():
            shutil.copy(src, str(target) + suffix)
    return target


def test_build_reports_what_it_built(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("EDUWRITER_LIBRARY", str(tmp_path / "default.db"))
    assert run_cli(["library", "build"]) == 0  # default path from the environment
    out = capsys.readouterr().out
    assert f"已导入 {len(sample_files())} 个文件" in out
    assert (tmp_path / "default.db").exists()


def test_search_json(db, capsys):
    assert (
        run_cli(["library", "search", "--db", str(db), "--json", "--limit", "5", "指导思想"]) == 0
    )
    hits = json.loads(capsys.readouterr().out)["results"]
    assert 1 <= len(hits) <= 5
    for h in hits:
        assert {"id", "kind", "function", "text", "sources"} <= set(h)
        if h["kind"] == "skeleton" and not h["sources"]:
            assert "按通用结构" in h["title"]  # a form's canonical outline, no sample behind it
            continue
        assert h["sources"] and {"file", "document", "section"} <= set(h["sources"][0])
    assert any("指导思想" in (h["title"] + h["text"]) for h in hits)


def test_search_kind_and_pinyin(db, capsys):
    assert (
        run_cli(
            [
                "library",
                "search",
                "--db",
                str(db),
                "--json",
                "--kind",
                "phrasing",
                "--limit",
                "50",
                "jy",
            ]
        )
        == 0
    )
    hits = json.loads(capsys.readouterr().out)["results"]
    assert hits and all(h["kind"] == "phrasing" for h in hits)
    assert run_cli(["library", "search", "--db", str(db), "量子纠缠态"]) == 0
    assert "没有找到" in capsys.readouterr().out


def test_slots_are_written_with_brackets(db, capsys):
    assert (
        run_cli(
            [
                "library",
                "search",
                "--db",
                str(db),
                "--json",
                "--kind",
                "phrasing",
                "--limit",
                "200",
                "【",
            ]
        )
        == 0
    )
    hits = json.loads(capsys.readouterr().out)["results"]
    # a heading family matches through its pattern (its title), e.g. 以“【字】”为【…】…
    assert hits and all("【" in h["text"] and "】" in h["text"] for h in hits if not h["title"])
    assert all("【" in h["title"] for h in hits if h["title"])


def test_stats_json(db, capsys):
    assert run_cli(["library", "stats", "--db", str(db), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert {"by_kind", "by_function", "by_genre", "skeletons_by_genre"} <= set(stats)
    assert stats["by_kind"]["phrasing"] > 0
    assert {"plan", "summary", "speech"} <= set(stats["skeletons_by_genre"])


def test_export_and_import(db, tmp_path, capsys):
    from eduwriter.library.store import LibraryStore

    with LibraryStore.open(db) as s:
        s.add_snippet("我的开场白：同志们，大家好！", folder="讲话")
    pack = tmp_path / "mine.ewlib"
    assert run_cli(["library", "export", "--db", str(db), str(pack)]) == 0
    assert "已导出 1 条" in capsys.readouterr().out
    other = tmp_path / "other.db"
    assert (
        run_cli(["library", "import", "--db", str(other), "--on-conflict", "mine", str(pack)]) == 0
    )
    assert "新增 1 条" in capsys.readouterr().out
    assert (
        run_cli(["library", "import", "--db", str(other), "--on-conflict", "theirs", str(pack)])
        == 0
    )
    assert "新增 0 条" in capsys.readouterr().out
    assert run_cli(["library", "search", "--db", str(other), "--json", "开场白"]) == 0
    hits = json.loads(capsys.readouterr().out)["results"]
    assert [h["kind"] for h in hits] == ["snippet"]


def test_damaged_pack_and_database_give_clear_messages(tmp_path, capsys):
    bad_pack = tmp_path / "bad.ewlib"
    bad_pack.write_bytes(b"PK\x03\x04 broken")
    db = tmp_path / "lib.db"
    assert run_cli(["library", "import", "--db", str(db), str(bad_pack)]) == 1
    assert "资料库未做任何改动" in capsys.readouterr().err
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not sqlite" * 100)
    assert run_cli(["library", "stats", "--db", str(broken), "--json"]) == 1
    err = capsys.readouterr().err
    assert "损坏" in err
    assert broken.read_bytes() == b"not sqlite" * 100
    # --recover keeps the damaged file aside and builds a fresh library
    assert run_cli(["library", "build", "--db", str(broken), "--recover"]) == 0
    assert "改名保存为" in capsys.readouterr().err
    assert list(tmp_path.glob("broken.db.corrupt-*"))


def test_export_ids_before_the_output_file(db, tmp_path, capsys):
    from eduwriter.library.store import LibraryStore

    with LibraryStore.open(db) as s:
        a = s.add_snippet("第一条")
        b = s.add_snippet("第二条")
    out = tmp_path / "sel.ewlib"
    assert run_cli(["library", "export", "--db", str(db), "--ids", a.id, b.id, str(out)]) == 0
    assert "已导出 2 条" in capsys.readouterr().out
    assert run_cli(["library", "export", "--db", str(db), "--ids", "nope", str(out)]) == 1
    assert "找不到条目" in capsys.readouterr().err


def _conflicting_pack(db: Path, tmp_path: Path) -> tuple[str, Path]:
    from eduwriter.library.store import LibraryStore

    with LibraryStore.open(db) as s:
        sid = s.add_snippet("原来的句子").id
        sharing.export_pack(s, tmp_path / "v1.ewlib")
    colleague = tmp_path / "colleague.db"
    with LibraryStore.open(colleague) as c:
        sharing.import_pack(c, tmp_path / "v1.ewlib")
        c.update_item(sid, text="同事的版本")
        sharing.export_pack(c, tmp_path / "theirs.ewlib")
    with LibraryStore.open(db) as s:
        s.update_item(sid, text="我的版本")
    return sid, tmp_path / "theirs.ewlib"


def test_import_without_a_terminal_does_not_remember_keep_mine(db, tmp_path, capsys, monkeypatch):
    import io

    from eduwriter.library.store import LibraryStore

    sid, pack = _conflicting_pack(db, tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a TTY
    assert run_cli(["library", "import", "--db", str(db), str(pack)]) == 0
    cap = capsys.readouterr()
    assert "冲突 1 条" in cap.out and "暂未处理 1" in cap.out
    assert "--on-conflict" in cap.err and sid in cap.err
    with LibraryStore.open(db) as s:
        assert s.get(sid).text == "我的版本"
    # the colleague's version can still be taken
    args = ["library", "import", "--db", str(db), "--on-conflict", "theirs", str(pack)]
    assert run_cli(args) == 0
    assert "冲突 1 条" in capsys.readouterr().out
    with LibraryStore.open(db) as s:
        assert s.get(sid).text == "同事的版本"


def test_explicit_on_conflict_applies_after_an_earlier_keep_mine(db, tmp_path, capsys):
    from eduwriter.library.store import LibraryStore

    sid, pack = _conflicting_pack(db, tmp_path)
    args = ["library", "import", "--db", str(db), "--on-conflict"]
    assert run_cli([*args, "mine", str(pack)]) == 0
    assert "保留我的 1" in capsys.readouterr().out
    assert run_cli([*args, "theirs", str(pack)]) == 0
    assert "冲突 1 条" in capsys.readouterr().out
    with LibraryStore.open(db) as s:
        assert s.get(sid).text == "同事的版本"


@pytest.mark.parametrize("command", [["stats"], ["search", "校"], ["export", "x.ewlib"]])
def test_a_library_path_that_does_not_exist_is_an_error(tmp_path, capsys, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "typo" / "x.db"
    assert run_cli(["library", command[0], "--db", str(db), *command[1:]]) == 1
    err = capsys.readouterr().err
    assert "资料库不存在" in err and "library build" in err
    assert not db.parent.exists()


@pytest.mark.parametrize("limit", ["0", "-1", "x"])
def test_search_rejects_a_limit_below_one(db, capsys, limit):
    with pytest.raises(SystemExit) as exc:
        run_cli(["library", "search", "--db", str(db), "--limit", limit, "校"])
    assert exc.value.code == 2
    assert "--limit" in capsys.readouterr().err


def test_corrupt_database_message_is_short_and_names_recover(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "lib.db"
    from eduwriter.library.store import LibraryStore

    with LibraryStore.open(db) as s:
        s.add_snippet("一" * 5000)
        for n in range(300):
            s.add_snippet(f"第{n}条素材" * 20)
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    raw = bytearray(db.read_bytes())
    page = 4096
    for off in range(2 * page, len(raw) - page, page):  # scribble over every b-tree page header
        raw[off : off + 12] = b"\xff" * 12
    db.write_bytes(bytes(raw))
    assert run_cli(["library", "stats", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "eduwriter library build --recover" in err
    assert len(err.splitlines()) <= 4


def test_build_exits_nonzero_when_a_file_was_skipped(tmp_path, capsys):
    good = sample_files()[0]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 64)
    db = tmp_path / "lib.db"
    assert run_cli(["library", "build", "--db", str(db), str(good), str(bad)]) == 1
    cap = capsys.readouterr()
    assert "跳过" in cap.err and "bad.txt" in cap.err
    assert "已导入 1 个文件" in cap.out


def test_data_dir_is_honoured_by_the_library_commands(db, tmp_path, capsys, monkeypatch):
    data = tmp_path / "数据"
    data.mkdir()
    shutil.copy(db, data / "library.db")  # the library the window uses
    monkeypatch.delenv("EDUWRITER_LIBRARY", raising=False)
    monkeypatch.setenv("EDUWRITER_DATA_DIR", str(data))
    assert run_cli(["library", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] > 0
    assert sorted(p.name for p in data.iterdir())[0] == "library.db"


def test_export_with_nothing_to_export_says_so(db, tmp_path, capsys):
    out = tmp_path / "empty.ewlib"
    assert run_cli(["library", "export", "--db", str(db), str(out)]) != 0  # no personal items
    err = capsys.readouterr().err
    assert "没有可导出的条目" in err
    assert not out.exists()
    assert not list(tmp_path.glob("*ewlib*"))


def test_build_is_incremental_and_forgets_removed_files(tmp_path, capsys):
    db = tmp_path / "lib.db"
    folder = tmp_path / "范文"
    folder.mkdir()
    for n, words in enumerate(["星空观测课程", "陶艺社团建设"]):
        (folder / f"计划{n}.txt").write_text(
            f"工作计划\n一、指导思想\n坚持{words}，推进学校各项工作。\n", encoding="utf-8"
        )
    assert run_cli(["library", "build", "--db", str(db), str(folder)]) == 0
    capsys.readouterr()
    assert run_cli(["library", "search", "--db", str(db), "陶艺社团"]) == 0
    assert "陶艺社团" in capsys.readouterr().out
    (folder / "计划1.txt").unlink()
    assert run_cli(["library", "build", "--db", str(db), str(folder)]) == 0
    capsys.readouterr()
    assert run_cli(["library", "search", "--db", str(db), "陶艺社团"]) == 0
    assert "没有找到" in capsys.readouterr().out
    assert run_cli(["library", "search", "--db", str(db), "星空观测"]) == 0
    assert "星空观测" in capsys.readouterr().out


def test_list_json_gives_every_item_with_domain_flags_and_outline(db, capsys):
    assert run_cli(["library", "list", "--db", str(db), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert run_cli(["library", "stats", "--db", str(db), "--json"]) == 0
    assert len(items) == json.loads(capsys.readouterr().out)["total"]
    for key in ("id", "kind", "function", "genre", "title", "text", "tags", "score", "sources"):
        assert all(key in it for it in items), key
    phrasings = [it for it in items if it["kind"] == "phrasing"]
    assert {it["domain"] for it in phrasings} <= {"education", "government", "other"}
    assert all(isinstance(it["flags"], list) for it in items)
    stale = [it for it in phrasings if "stale" in it["flags"]]
    assert stale and all(it["suggestions"] for it in stale)
    merged = [it for it in items if it["kind"] == "skeleton" and it["function"] == "合并结构"]
    assert merged
    for sk in merged:
        assert sk["outline"] and {"level", "heading", "role"} <= set(sk["outline"][0])


def test_list_filters_by_kind_function_and_domain(db, capsys):
    assert run_cli(["library", "list", "--db", str(db), "--json", "--kind", "phrasing"]) == 0
    phrasings = json.loads(capsys.readouterr().out)
    assert phrasings and {it["kind"] for it in phrasings} == {"phrasing"}
    args = ["library", "list", "--db", str(db), "--json", "--function", "意义/认识"]
    assert run_cli(args) == 0
    meaning = json.loads(capsys.readouterr().out)
    assert meaning and {it["function"] for it in meaning} == {"意义/认识"}
    assert run_cli(["library", "list", "--db", str(db), "--json", "--domain", "government"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # the bundled samples are all education
    assert run_cli(["library", "list", "--db", str(db), "--json", "--domain", "education"]) == 0
    assert len(json.loads(capsys.readouterr().out)) >= len(phrasings)


def test_search_json_shows_the_understood_filters_and_suggestions(db, capsys):
    # (the bundled library holds no summary openings since the wave-1 merge: 打算 it has)
    assert run_cli(["library", "search", "--db", str(db), "--json", "总结 打算"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {(f["field"], f["value"]) for f in out["filters"]} == {
        ("genre", "summary"),
        ("function", "打算"),
    }
    assert out["results"]
    assert all(h["function"] == "打算" and h["genre"] == "summary" for h in out["results"])
    assert run_cli(["library", "search", "--db", str(db), "--json", "lsdsr"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["results"] == [] and "立德树人" in out["suggestions"]


def _three_plans(folder: Path) -> list[Path]:
    folder.mkdir()
    out = []
    for name in ("甲校计划", "乙校计划", "丙校计划"):
        path = folder / f"{name}.txt"
        path.write_text(
            f"{name}\n一、指导思想\n坚持立德树人，推进学校各项工作，特制定本计划。\n", "utf-8"
        )
        out.append(path)
    return sorted(out)  # the order a folder is imported in


def test_build_prints_plain_progress_lines_when_piped(db, tmp_path, capsys):
    files = _three_plans(tmp_path / "plans")
    assert run_cli(["library", "build", "--db", str(db), str(tmp_path / "plans")]) == 0
    err = capsys.readouterr().err
    lines = err.splitlines()
    for n, f in enumerate(files, 1):
        line = next(x for x in lines if f.name in x)
        assert line.startswith(f"[{n}/3] {f.name}（剩余 ")
    assert "提取句式和结构…" in lines
    assert "\r" not in err and "\033" not in err


def test_build_draws_a_progress_bar_on_a_terminal(db, tmp_path, capsys, monkeypatch):
    import sys

    files = _three_plans(tmp_path / "plans")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert run_cli(["library", "build", "--db", str(db), str(tmp_path / "plans")]) == 0
    err = capsys.readouterr().err
    frames = err.split("\r")
    last_file = next(x for x in frames if files[-1].name in x)
    assert last_file.startswith("[" + "█" * 16 + "░" * 8 + f"] 3/3 {files[-1].name}  剩余 约 ")
    assert any(x.startswith("[" + "░" * 24 + f"] 1/3 {files[0].name}  剩余 …") for x in frames)
