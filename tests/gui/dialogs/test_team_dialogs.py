"""设置 → 共享素材库 and 共享素材库 → 发布 against a real PostgreSQL server."""
# ruff: noqa: F811 - the fixtures imported from team_fixtures are parameters below

from __future__ import annotations

import keyring
from keyring.backends.fail import Keyring as NoKeyring
from team_fixtures import memory_keyring, team_pg  # noqa: F401 - fixtures

from eduwriter.gui.dialogs.team_publish import PublishDialog
from eduwriter.gui.dialogs.team_settings import URL_KEY, TeamSettingsDialog
from eduwriter.library.team.connection import KEYRING_SERVICE, TeamServer


def _fill(dialog, pg, user, password):
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(pg.port)
    dialog.dbname.setText("eduwriter")
    dialog.user.setText(user)
    dialog.pw.setText(password)


def test_settings_keep_the_url_and_the_password_in_the_credential_store(
    qtbot,
    settings,
    team_pg,
    memory_keyring,  # noqa: F811
):
    dialog = TeamSettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert "系统凭据库" in dialog.store_note.text() and "不会保存" not in dialog.store_note.text()
    _fill(dialog, team_pg, "zhangsan", "zs-pw")
    with qtbot.waitSignal(dialog.test_button.clicked, timeout=1000):
        dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("连接成功"), timeout=15000)
    assert "读者" in dialog.result.text() and "2 条" in dialog.result.text()
    dialog.save()
    url = settings.value(URL_KEY)
    assert url == f"postgresql://zhangsan@127.0.0.1:{team_pg.port}/eduwriter"
    assert "zs-pw" not in (settings.qs.fileName() and open(settings.qs.fileName()).read())
    key = TeamServer.from_url(url).keyring_key
    assert memory_keyring.kept[(KEYRING_SERVICE, key)] == "zs-pw"


def test_without_a_credential_store_the_password_is_not_saved(qtbot, settings, team_pg):  # noqa: F811
    before = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        dialog = TeamSettingsDialog(settings)
        qtbot.addWidget(dialog)
        assert "没有可用的系统凭据库" in dialog.store_note.text()
        _fill(dialog, team_pg, "zhangsan", "zs-pw")
        dialog.save()
    finally:
        keyring.set_keyring(before)
    assert dialog.password == "zs-pw"  # used for this session only
    settings.sync()
    assert "zs-pw" not in open(settings.qs.fileName(), encoding="utf-8").read()


def test_wrong_password_is_said_plainly(qtbot, settings, team_pg):  # noqa: F811
    dialog = TeamSettingsDialog(settings)
    qtbot.addWidget(dialog)
    _fill(dialog, team_pg, "zhangsan", "wrong")
    dialog.test_connection()
    qtbot.waitUntil(lambda: "密码不对" in dialog.result.text(), timeout=15000)


def _publish(qtbot, store, pg, user, password, tmp_path):
    server = TeamServer.from_url(pg.url(user))
    dialog = PublishDialog(store, server, password, tmp_path / f"{user}_cache.db")
    qtbot.addWidget(dialog)
    dialog.folder.setCurrentIndex(dialog.folder.findText("单位素材"))
    job = dialog.publish()
    qtbot.waitUntil(lambda: not job.is_running(), timeout=20000)
    return dialog.outcome.toPlainText()


def test_a_reader_gets_the_servers_refusal(qtbot, fresh_store, team_pg, tmp_path):  # noqa: F811
    fresh_store.add_snippet("读者想发布的语句", folder="单位素材")
    text = _publish(qtbot, fresh_store, team_pg, "zhangsan", "zs-pw", tmp_path)
    assert text.startswith("这个账号只能读取共享素材库，不能发布")


def test_an_editor_publishes_and_sees_who_changed_what(
    qtbot,
    fresh_store,
    team_pg,
    tmp_path,  # noqa: F811
):
    fresh_store.add_snippet("教研室统一的开头语", folder="单位素材")
    fresh_store.add_snippet("另一个文件夹的", folder="草稿")
    text = _publish(qtbot, fresh_store, team_pg, "office", "office-pw", tmp_path)
    assert text.startswith("已发布：新增 1 条，更新 0 条，未变 0 条。")
    # a second editor changes the same item first…
    from eduwriter.library.team.cache import TeamCache
    from eduwriter.library.team.connection import connect
    from eduwriter.library.team.publish import items_to_publish, publish_synced
    from eduwriter.library.team.sync import pull

    items = items_to_publish(fresh_store, "单位素材")
    items[0].text = "办公室二改过的开头语"
    with connect(TeamServer.from_url(team_pg.url("office2")), "office2-pw") as c2:
        cache2 = TeamCache.open(tmp_path / "office2.db")
        pull(c2, cache2)  # office2 has seen version 1
        assert publish_synced(c2, items, cache2).updated == 1
    # …so this editor's next change is not written over it, and the dialog says who changed it
    only = fresh_store.items(kind="snippet", folder="单位素材")[0]
    fresh_store.update_item(only.id, text="办公室一又改了")
    text = _publish(qtbot, fresh_store, team_pg, "office", "office-pw", tmp_path)
    assert "下面 1 条别人已经改过" in text
    assert "office2 改过，服务器上是第 2 版" in text


def test_an_editor_picks_the_school_to_publish_to_from_the_servers_list(
    qtbot,
    fresh_store,
    team_pg,  # noqa: F811
    tmp_path,
):
    import psycopg
    from pg_server import ADMIN_PASSWORD

    from eduwriter.library.team.server_schema import SCHEMA, add_user

    with psycopg.connect(team_pg.url(password=ADMIN_PASSWORD)) as admin:
        add_user(admin, "school_ed", "school-pw", "editor", units=("第二小学", "实验小学"))
        admin.commit()
    # a bureau editor (of no school) may only publish for the whole bureau
    office = PublishDialog(
        fresh_store, TeamServer.from_url(team_pg.url("office")), "office-pw", tmp_path / "o.db"
    )
    qtbot.addWidget(office)
    qtbot.waitUntil(lambda: office.unit.currentText() == "全单位（各校都能看到）", timeout=15000)
    assert office.unit.count() == 1 and not office.unit.isEnabled()
    # a school editor chooses among the schools the server lists for this login
    fresh_store.add_snippet("实验小学的放学安全提醒", folder="校本素材")
    server = TeamServer.from_url(team_pg.url("school_ed"))
    dialog = PublishDialog(fresh_store, server, "school-pw", tmp_path / "s.db")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.unit.count() == 2, timeout=15000)
    assert [dialog.unit.itemText(i) for i in range(2)] == ["实验小学", "第二小学"]
    assert dialog.unit.isEnabled()
    dialog.folder.setCurrentIndex(dialog.folder.findText("校本素材"))
    dialog.unit.setCurrentIndex(dialog.unit.findText("实验小学"))
    job = dialog.publish()
    qtbot.waitUntil(lambda: not job.is_running(), timeout=20000)
    assert dialog.outcome.toPlainText().startswith("已发布：新增 1 条")
    with psycopg.connect(team_pg.url(password=ADMIN_PASSWORD)) as admin:
        units = admin.execute(
            f"SELECT unit FROM {SCHEMA}.items WHERE text = %s", ("实验小学的放学安全提醒",)
        ).fetchall()
    assert units == [("实验小学",)]
