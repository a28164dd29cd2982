"""The shared unit library in the window, against a real PostgreSQL server: background sync,
the status bar, the 单位素材库 node, search and autocomplete over both libraries, copy on
write, offline use of the cache, and 发布 for editors (a reader's login refused by the server)."""

from __future__ import annotations

import socket

import pytest
from library_fixtures import wait_for_search
from team_fixtures import memory_keyring, team_pg  # noqa: F401 - fixtures

from eduwriter.gui.dialogs.team_settings import URL_KEY
from eduwriter.gui.models.library_items import ItemRole
from eduwriter.library.team.connection import TeamServer, save_password


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _connect_window(qtbot, window, store, url: str):
    window.settings.set_value(URL_KEY, url)
    from eduwriter.gui.dialogs.team_settings import saved_server

    window.team.server = saved_server(window.settings)
    with qtbot.waitSignal(window.team.synced, timeout=20000) as got:
        window.attach_store(store)
    return got.args[0]


@pytest.fixture
def reader_window(qtbot, window, fresh_store, team_pg, memory_keyring):  # noqa: F811
    server = TeamServer.from_url(team_pg.url("zhangsan"))
    assert save_password(server, "zs-pw")
    outcome = _connect_window(qtbot, window, fresh_store, server.url())
    yield window, outcome
    window.team.shutdown()


def _shared_node(window):
    model = window.library.model
    top = model.top_index("shared")
    assert top.isValid(), "no 单位素材库 node"
    window.library._expand(top)
    return model, top


def test_sync_at_start_shows_the_unit_library(qtbot, reader_window):
    window, outcome = reader_window
    assert not outcome.result.offline and outcome.changed
    status = window.findChild(type(window.team.status), "teamStatus")
    assert status.text().startswith("单位素材库：已同步 ")
    model, top = _shared_node(window)
    assert top.data().startswith("单位素材库（2）")
    labels = []
    for row in range(model.rowCount(top)):
        idx = model.index(row, 0, top)
        labels.append(idx.data())
        for sub in range(model.rowCount(idx)):
            labels.append(model.index(sub, 0, idx).data())
    assert "［单位］坚持把立德树人作为教育的根本任务" in labels
    assert any(lbl.startswith("会议") for lbl in labels)


def test_search_and_autocomplete_span_both(qtbot, reader_window):
    window, _ = reader_window
    pane = window.library
    window.library.store.add_snippet("我自己的立德树人语句")
    n = wait_for_search(qtbot, pane, "立德树人")
    assert n == 2
    rows = [pane.results_model.index(r, 0).data() for r in range(n)]
    assert "我自己的" in rows[0] and "［单位］" not in rows[0]
    assert "［单位］坚持把立德树人" in rows[1]
    # the autocomplete suggests the unit's phrasings too
    qtbot.waitUntil(
        lambda: "坚持把立德树人作为教育的根本任务" in window.autocomplete.index.texts, timeout=5000
    )


def test_a_shared_item_is_edited_as_a_personal_copy(qtbot, reader_window):
    window, _ = reader_window
    pane = window.library
    model, top = _shared_node(window)
    idx = next(
        model.index(r, 0, top)
        for r in range(model.rowCount(top))
        if model.index(r, 0, top).data(ItemRole) is not None
    )
    item = idx.data(ItemRole)
    menu = pane.build_context_menu(idx, pane.tree)
    names = [a.objectName() for a in menu.actions()]
    assert "copy" in names and "edit" not in names and "delete" not in names
    dialog = pane.copy_to_mine(item)
    dialog.text_edit.setPlainText("坚持把立德树人作为我校教育的根本任务")
    dialog.accept()
    mine = [it for it in window.library.store.items(kind="snippet")]
    assert [it.text for it in mine] == ["坚持把立德树人作为我校教育的根本任务"]
    origin = mine[0].data["shared_origin"]
    assert origin["id"] == "u1" and origin["version"] == 1
    assert window.library.store.get(item.id).text == "坚持把立德树人作为教育的根本任务"
    from eduwriter.gui.panes.item_html import preview_html

    html = preview_html(mine[0])
    assert "复制自单位素材库" in html and "第 1 版" in html


def test_offline_uses_the_cache_and_says_so(qtbot, window, fresh_store, team_pg, memory_keyring):  # noqa: F811
    good = TeamServer.from_url(team_pg.url("zhangsan"))
    save_password(good, "zs-pw")
    _connect_window(qtbot, window, fresh_store, good.url())
    window.team.shutdown()
    dead = TeamServer.from_url(f"postgresql://zhangsan@127.0.0.1:{_closed_port()}/eduwriter")
    window.team.use_server(dead, "zs-pw")
    with qtbot.waitSignal(window.team.synced, timeout=30000) as got:
        pass
    assert got.args[0].result.offline
    text = window.team.status.text()
    assert text.startswith("单位素材库：离线（使用 ") and text.endswith(" 的缓存）")
    _model, top = _shared_node(window)
    assert top.data().startswith("单位素材库（2）")
    window.team.shutdown()


def test_no_team_configured_shows_nothing(qtbot, window, fresh_store):
    window.attach_store(fresh_store)
    assert window.team.sync_now() is None
    assert not window.team.status.isVisible()
    assert not window.library.model.top_index("shared").isValid()


def _labels(window, kind: str) -> list[str]:
    model = window.library.model
    top = model.top_index(kind)
    window.library._expand(top)
    out = []
    for row in range(model.rowCount(top)):
        idx = model.index(row, 0, top)
        out.append(idx.data())
        out.extend(model.index(sub, 0, idx).data() for sub in range(model.rowCount(idx)))
    return out


def _node_of(window, kind: str, text: str):
    model = window.library.model
    top = model.top_index(kind)
    window.library._expand(top)
    todo = [top]
    while todo:
        parent = todo.pop()
        for row in range(model.rowCount(parent)):
            idx = model.index(row, 0, parent)
            item = idx.data(ItemRole)
            if item is not None and item.text == text:
                return idx
            window.library._expand(idx)
            todo.append(idx)
    raise AssertionError(f"{text} not under {kind}")


def test_a_starred_shared_item_is_kept_across_syncs_and_restarts_and_goes_when_retired(
    qtbot,
    window,
    fresh_store,
    team_pg,  # noqa: F811
    memory_keyring,  # noqa: F811
    tmp_path,
):
    from eduwriter.library.store import LibraryStore
    from eduwriter.library.team.connection import connect
    from eduwriter.library.team.layer import favorites_of
    from eduwriter.library.team.publish import SharedItem, publish

    text = "统筹推进校园安全专项整治行动"
    editor = TeamServer.from_url(team_pg.url("office"))
    with connect(editor, "office-pw") as ed:
        assert publish(ed, [SharedItem("u9", "phrasing", text, function="措施")]).added == 1
    reader = TeamServer.from_url(team_pg.url("zhangsan"))
    save_password(reader, "zs-pw")
    _connect_window(qtbot, window, fresh_store, reader.url())
    pane = window.library
    menu = pane.build_context_menu(_node_of(window, "shared", text), pane.tree)
    star = next(a for a in menu.actions() if a.objectName() == "favorite")
    assert star.text() == "收藏"
    star.trigger()
    assert f"★ ［单位］{text}" in _labels(window, "favorite")
    assert favorites_of(fresh_store) == ["unit:u9"]
    # a sync keeps the star; so does a restart (a new store on the same file, a new sync)
    with qtbot.waitSignal(window.team.synced, timeout=20000):
        window.team.sync_now()
    assert f"★ ［单位］{text}" in _labels(window, "favorite")
    window.team.shutdown()
    path = fresh_store.path
    again = LibraryStore.open(path)
    try:
        _connect_window(qtbot, window, again, reader.url())
        assert f"★ ［单位］{text}" in _labels(window, "favorite")
        assert any(h.id == "unit:u9" and h.favorite for h in again.search("专项整治"))
        pane = window.library  # a new pane for the new store
        menu = pane.build_context_menu(_node_of(window, "favorite", text), pane.tree)
        assert next(a for a in menu.actions() if a.objectName() == "favorite").text() == "取消收藏"
        # the office retires the item: the next sync drops it, and its star with it
        with connect(editor, "office-pw") as ed:
            retired = SharedItem("u9", "phrasing", text, function="措施", deleted=True)
            assert publish(ed, [retired], {"u9": 1}).retired == 1
        with qtbot.waitSignal(window.team.synced, timeout=20000):
            window.team.sync_now()
        assert not any(text in label for label in _labels(window, "favorite"))
        assert favorites_of(again) == []
    finally:
        window.team.shutdown()
        again.close()
