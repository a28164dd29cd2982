"""Team-library benchmark against a real, throwaway PostgreSQL server on this machine.

Usage::

    python benchmarks/bench_team.py [--items 100000] [--changes 100] [--readers 50]

Printed, each beside an anchor measured in the same run:
- first sync of an ``--items`` shared library into an empty local cache (goal ≤ 10 s) — anchor:
  the raw transfer of the same rows with ``COPY … TO STDOUT`` (no cache writes);
- an incremental sync after an editor published ``--changes`` changes (goal ≤ 0.5 s) — anchor:
  one ``SELECT 1`` round trip;
- ``--readers`` concurrent readers syncing from scratch while an editor publishes in a loop
  (goal: none fails, the editor is never refused).

The items are recombined sentences of the bundled samples, so sizes are realistic.  Needs the
PostgreSQL server binaries (Debian package ``postgresql``).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "library" / "team"))

import pg_server  # noqa: E402
import psycopg  # noqa: E402

from eduwriter.library.store import LibraryStore  # noqa: E402
from eduwriter.library.team.cache import TeamCache  # noqa: E402
from eduwriter.library.team.connection import TeamServer, connect  # noqa: E402
from eduwriter.library.team.layer import SharedLayer  # noqa: E402
from eduwriter.library.team.publish import SharedItem, publish  # noqa: E402
from eduwriter.library.team.server_schema import add_user, setup_server  # noqa: E402
from eduwriter.library.team.sync import pull  # noqa: E402
from eduwriter.resources_path import sample_files  # noqa: E402

FUNCTIONS = ("开头", "过渡", "结尾", "标题", "措施", "成效", "问题", "打算", "常用词组")


def sentences() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sample_files())
    return [s.strip() for s in re.split(r"[。！？；\n]", text) if 6 <= len(s.strip()) <= 120]


def seed(admin, n: int) -> None:
    rng = random.Random(7)
    pool = sentences()
    with (
        admin.cursor() as cur,
        cur.copy(
            "COPY eduwriter.items (id, kind, function, genre, title, text, tags, folder) FROM STDIN"
        ) as copy,
    ):
        for i in range(n):
            text = "。".join(rng.sample(pool, rng.randint(1, 3))) + "。"
            copy.write_row(
                (
                    f"b{i}",
                    "phrasing",
                    rng.choice(FUNCTIONS),
                    "summary",
                    "",
                    text,
                    "[]",
                    f"共享/{i % 40}",
                )
            )
    admin.commit()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--changes", type=int, default=100)
    ap.add_argument("--readers", type=int, default=50)
    ns = ap.parse_args()

    srv = pg_server.start()
    try:
        admin_url = srv.url(password=pg_server.ADMIN_PASSWORD)
        with psycopg.connect(admin_url) as admin:
            setup_server(admin)
            add_user(admin, "editor", "e", "editor")
            add_user(admin, "reader", "r", "reader")
            admin.commit()
            t = time.perf_counter()
            seed(admin, ns.items)
            print(f"seeded {ns.items:,} items in {time.perf_counter() - t:.1f} s")
        reader = TeamServer.from_url(srv.url("reader"))
        editor = TeamServer.from_url(srv.url("editor"))
        tmp = Path(tempfile.mkdtemp(prefix="bench-team-"))

        with connect(reader, "r") as conn:
            t = time.perf_counter()
            with conn.cursor() as cur, cur.copy("COPY eduwriter.items TO STDOUT") as copy:
                raw = sum(len(block) for block in copy)
            anchor = time.perf_counter() - t
            conn.commit()
            cache = TeamCache.open(tmp / "first.db")
            t = time.perf_counter()
            res = pull(conn, cache)
            first = time.perf_counter() - t
        print(
            f"first sync of {res.changed:,} items: {first:.2f} s (goal ≤ 10 s); "
            f"anchor COPY TO STDOUT of the same table ({raw / 1e6:.0f} MB): {anchor:.2f} s"
        )

        store = LibraryStore.open(tmp / "library.db")
        store.add_snippet("我自己的一条安全语句")
        store.search("安全")  # the personal index is built
        t = time.perf_counter()
        store.attach_shared(SharedLayer.from_cache(cache))
        attach = time.perf_counter() - t
        t = time.perf_counter()
        hits = store.search("安全")
        after = time.perf_counter() - t
        t = time.perf_counter()
        store.search("安全", kind="snippet")
        anchor_search = time.perf_counter() - t
        store.close()
        print(
            f"attaching the {cache.count():,}-item layer to a library: {attach:.2f} s; the next "
            f"search ({len(hits)} hits): {after * 1000:.0f} ms; anchor: a search of the "
            f"personal items only: {anchor_search * 1000:.1f} ms"
        )

        with connect(editor, "e") as ed:
            changed = [
                SharedItem(
                    id=f"b{i}",
                    kind="phrasing",
                    text=f"修改后的第{i}条",
                    function="措施",
                    genre="summary",
                    folder=f"共享/{i % 40}",
                )
                for i in range(ns.changes)
            ]
            publish(ed, changed, cache.versions())
        with connect(reader, "r") as conn:
            t = time.perf_counter()
            conn.execute("SELECT 1").fetchone()
            rtt = time.perf_counter() - t
            conn.commit()
            t = time.perf_counter()
            res = pull(conn, cache)
            inc = time.perf_counter() - t
        print(
            f"incremental sync of {res.changed} changes: {inc * 1000:.0f} ms (goal ≤ 500 ms); "
            f"anchor one round trip: {rtt * 1000:.1f} ms"
        )

        failures: list[str] = []
        stop = threading.Event()
        published = [0]

        def edit_loop() -> None:
            with connect(editor, "e") as ed:
                n = 0
                while not stop.is_set():
                    item = SharedItem(id=f"live{n % 20}", kind="snippet", text=f"实时{n}")
                    base = {
                        r[0]: r[1]
                        for r in ed.execute(
                            "SELECT id, version FROM eduwriter.items WHERE id LIKE 'live%%'"
                        )
                    }
                    ed.commit()
                    r = publish(ed, [item], base)
                    if r.conflicts:
                        failures.append("editor conflict with itself")
                    published[0] += 1
                    n += 1

        def read_once(k: int) -> None:
            try:
                c = TeamCache.open(tmp / f"r{k}.db")
                with connect(reader, "r") as conn:
                    pull(conn, c)
                if c.count() < ns.items:
                    failures.append(f"reader {k} got {c.count()} items")
            except Exception as exc:  # a failure is what this measures
                failures.append(f"reader {k}: {exc}")

        editor_thread = threading.Thread(target=edit_loop)
        editor_thread.start()
        t = time.perf_counter()
        readers = [threading.Thread(target=read_once, args=(k,)) for k in range(ns.readers)]
        for th in readers:
            th.start()
        for th in readers:
            th.join()
        stop.set()
        editor_thread.join()
        print(
            f"{ns.readers} concurrent readers full-synced in {time.perf_counter() - t:.1f} s while "
            f"an editor published {published[0]} times; failures: {len(failures)}"
        )
        for f in failures[:5]:
            print("  ", f)
        return 1 if failures else 0
    finally:
        srv.stop()


if __name__ == "__main__":
    sys.exit(main())
