"""A real PostgreSQL server for the team-library tests (skipped only outside CI, with a reason)."""

from __future__ import annotations

import pg_server
import pytest


@pytest.fixture(scope="session")
def pg():
    server = pg_server.start_or_skip()
    yield server
    server.stop()
