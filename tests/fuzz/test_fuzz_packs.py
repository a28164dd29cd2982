"""Packs (.ewlib) with wrong field types, odd strings and damaged zips: a clear message, and the
library exactly as it was."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from fuzz_helpers import cli, examples, has_chinese
from hypothesis import given, settings
from hypothesis import strategies as st

from eduwriter.library.store import LibraryStore


def _snapshot(db: Path) -> list:
    with LibraryStore.open(db) as store:
        return sorted(
            (i.id, i.text, i.title, tuple(i.tags), i.folder, i.position)
            for i in store.items(origin="personal")
        )


@pytest.fixture(scope="module")
def pack_parts(tmp_path_factory) -> tuple[dict, list]:
    """A real pack made by the app: its manifest and items."""
    folder = tmp_path_factory.mktemp("pack")
    db = folder / "library.db"
    with LibraryStore.open(db) as store:
        store.add_folder("常用")
        store.add_snippet("请各单位高度重视，认真组织实施。", folder="常用", tags=["通知"])
        store.add_snippet("现将有关事项通知如下：", function="过渡")
    out = folder / "mine.ewlib"
    assert cli("library", "export", "--db", db, out).code == 0
    z = zipfile.ZipFile(out)
    return json.loads(z.read("manifest.json")), json.loads(z.read("items.json"))


def _json_bytes(value) -> bytes:
    """UTF-8 JSON; a lone surrogate (not encodable) goes in as a JSON escape, as another
    program might write it."""
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True).encode("ascii")


def _pack(manifest: dict, items, raw_items: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("manifest.json", _json_bytes(manifest))
        z.writestr("items.json", raw_items if raw_items is not None else _json_bytes(items))
    return buf.getvalue()


WEIRD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["abc", "yesterday", "\ud800", "\x00", "常用/../..", "/", ""]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _library_with_one_snippet(tmp: Path) -> Path:
    db = tmp / "library.db"
    with LibraryStore.open(db) as store:
        store.add_snippet("我自己的素材，不能丢。")
    return db


@settings(max_examples=examples(60))
@given(data=st.data())
def test_wrong_types_in_any_field(pack_parts, data) -> None:
    manifest, items = pack_parts
    items = json.loads(json.dumps(items))
    where = data.draw(st.sampled_from(["item", "manifest"]))
    if where == "item":
        item = items[data.draw(st.integers(0, len(items) - 1))]
        key = data.draw(st.sampled_from(sorted(item)))
        item[key] = data.draw(WEIRD)
    else:
        manifest = dict(manifest)
        key = data.draw(st.sampled_from(sorted(manifest)))
        manifest[key] = data.draw(WEIRD)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        db = _library_with_one_snippet(tmp)
        before = _snapshot(db)
        pack = tmp / "p.ewlib"
        pack.write_bytes(_pack(manifest, items))
        run = cli("library", "import", "--db", db, "--on-conflict", "mine", pack)
        if run.code != 0:
            assert has_chinese(run.err), run.err
            assert _snapshot(db) == before


@pytest.mark.parametrize(
    "name,payload",
    [
        (
            "lone-surrogate",
            lambda m, i: _pack(
                m, None, raw_items=b'[{"id": "x", "kind": "snippet", "text": "\\ud800"}]'
            ),
        ),
        ("position-abc", lambda m, i: _pack(m, [dict(i[0], position="abc")])),
        ("created-yesterday", lambda m, i: _pack(m, [dict(i[0], created="yesterday")])),
        ("items-not-list", lambda m, i: _pack(m, {"a": 1})),
        ("truncated", lambda m, i: _pack(m, i)[:-40]),
        ("not-a-zip", lambda m, i: b"PK\x03\x04 not really"),
        ("future-format", lambda m, i: _pack(dict(m, format_version=99), i)),
    ],
)
def test_named_bad_packs(pack_parts, name, payload, tmp_path: Path) -> None:
    manifest, items = pack_parts
    db = _library_with_one_snippet(tmp_path)
    before = _snapshot(db)
    pack = tmp_path / f"{name}.ewlib"
    pack.write_bytes(payload(manifest, items))
    run = cli("library", "import", "--db", db, "--on-conflict", "mine", pack)
    assert run.code != 0, f"{name} was accepted: {run.out}"
    assert has_chinese(run.err), run.err
    assert _snapshot(db) == before
