"""A real PostgreSQL server for the team-library tests (skipped only outside CI, with a reason)."""

from __future__ import annotations

import os

import pg_server
import pytest


@pytest.fixture(scope="session")
def pg():
    try:
        server = pg_server.start()
    except RuntimeError as exc:
        if os.environ.get("EDUWRITER_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required here (EDUWRITER_REQUIRE_POSTGRES) but: {exc}")
        pytest.skip(f"no PostgreSQL server could be started: {exc}")
    yield server
    server.stop()
