"""The shared unit library on a PostgreSQL server (教研室/办公室 curate, every writer reads).

- :mod:`.server_schema` — the schema, roles, grants and row-level security an administrator
  installs once (``eduwriter library serve-setup``);
- :mod:`.connection` — where the server is and how to log in (password in the OS keyring);
- :mod:`.publish` — an editor publishes items, each with a version check;
- :mod:`.cache` and :mod:`.sync` — the writer's local copy, pulled by change number, used offline;
- :mod:`.layer` — that copy as a read-only layer under the writer's own library (收藏 kept there);
- :mod:`.pg_store` (with :mod:`.pg_write`, :mod:`.pg_parts`) — the library interface
  (:class:`~eduwriter.library.backend.Backend`) on the server: the PostgreSQL backend.

Permissions are enforced by PostgreSQL (roles, GRANTs, row-level security), not by this code.
"""
