"""The shared library's schema on the server, with its roles, grants and row-level security.

An administrator runs :func:`setup_server` once (``eduwriter library serve-setup``), as a role
that may create schemas and roles.  It is idempotent: running it again upgrades nothing that is
already there and keeps every row.

- ``eduwriter_reader`` may read; ``eduwriter_editor`` (a reader too) may insert and update
  items and folders.  Nobody but the owner may delete: an editor retires an item by marking it
  ``deleted`` so that every writer's next sync removes it too.
- Every write gets a change number from one sequence in a trigger that first takes a
  transaction-level advisory lock: writers are serialised, so change numbers follow commit
  order and a writer pulling "everything after N" never misses a row.
- Row-level security: a row with ``unit`` NULL belongs to the whole bureau; a row with a unit
  (a school) is seen only by members of that unit (``unit_members``).  An editor who is a
  member of units writes only rows of those units; an editor of no unit writes bureau rows.
"""

from __future__ import annotations

import re

SCHEMA = "eduwriter"
READER_ROLE = "eduwriter_reader"
EDITOR_ROLE = "eduwriter_editor"
#: Bumped when the server schema changes; ``setup_server`` records it in ``meta``.
SERVER_SCHEMA_VERSION = 2

_LOCK_KEY = 7340021  # the advisory lock that serialises writers

SETUP_SQL = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE SEQUENCE IF NOT EXISTS {SCHEMA}.change_seq;

CREATE TABLE IF NOT EXISTS {SCHEMA}.meta (
    key text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE IF NOT EXISTS {SCHEMA}.unit_members (
    member name NOT NULL,
    unit text NOT NULL,
    PRIMARY KEY (member, unit)
);

CREATE TABLE IF NOT EXISTS {SCHEMA}.folders (
    path text PRIMARY KEY,
    unit text,
    deleted boolean NOT NULL DEFAULT false,
    version integer NOT NULL DEFAULT 1,
    change_no bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS {SCHEMA}.items (
    id text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('skeleton', 'phrasing', 'snippet')),
    function text NOT NULL DEFAULT '',
    genre text NOT NULL DEFAULT '',
    title text NOT NULL DEFAULT '',
    text text NOT NULL DEFAULT '',
    tags jsonb NOT NULL DEFAULT '[]',
    folder text,
    sources jsonb NOT NULL DEFAULT '[]',
    data jsonb NOT NULL DEFAULT '{{}}',
    unit text,
    deleted boolean NOT NULL DEFAULT false,
    version integer NOT NULL DEFAULT 1,
    change_no bigint NOT NULL DEFAULT 0,
    updated_by text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS items_change_no ON {SCHEMA}.items (change_no);
CREATE INDEX IF NOT EXISTS folders_change_no ON {SCHEMA}.folders (change_no);

CREATE OR REPLACE FUNCTION {SCHEMA}.stamp_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({_LOCK_KEY});
    NEW.change_no := nextval('{SCHEMA}.change_seq');
    NEW.updated_by := session_user;
    NEW.updated_at := now();
    IF TG_OP = 'UPDATE' THEN
        NEW.version := OLD.version + 1;
    ELSE
        NEW.version := 1;
    END IF;
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS items_stamp ON {SCHEMA}.items;
CREATE TRIGGER items_stamp BEFORE INSERT OR UPDATE ON {SCHEMA}.items
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.stamp_change();
DROP TRIGGER IF EXISTS folders_stamp ON {SCHEMA}.folders;
CREATE TRIGGER folders_stamp BEFORE INSERT OR UPDATE ON {SCHEMA}.folders
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.stamp_change();

{{upgrade}}
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{READER_ROLE}') THEN
        CREATE ROLE {READER_ROLE} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{EDITOR_ROLE}') THEN
        CREATE ROLE {EDITOR_ROLE} NOLOGIN IN ROLE {READER_ROLE};
    END IF;
END $$;

REVOKE ALL ON ALL TABLES IN SCHEMA {SCHEMA} FROM PUBLIC;
GRANT USAGE ON SCHEMA {SCHEMA} TO {READER_ROLE};
GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO {READER_ROLE};
GRANT INSERT, UPDATE ON {SCHEMA}.items, {SCHEMA}.folders TO {EDITOR_ROLE};
GRANT INSERT, UPDATE ON {SCHEMA}.files, {SCHEMA}.extractions, {SCHEMA}.library_meta,
    {SCHEMA}.marks TO {EDITOR_ROLE};
GRANT DELETE ON {SCHEMA}.files, {SCHEMA}.extractions TO {EDITOR_ROLE};

ALTER TABLE {SCHEMA}.items ENABLE ROW LEVEL SECURITY;
ALTER TABLE {SCHEMA}.folders ENABLE ROW LEVEL SECURITY;
ALTER TABLE {SCHEMA}.marks ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS marks_own ON {SCHEMA}.marks;
CREATE POLICY marks_own ON {SCHEMA}.marks USING (member = session_user)
    WITH CHECK (member = session_user);
"""

#: Version 1 -> 2: what the library interface (:class:`~eduwriter.library.backend.Backend`,
#: implemented on the server by :mod:`.pg_store`) needs beyond the shared items — documents and
#: sections, the tree of a document, origins, search quality, edit history, tombstones of
#: derived items, each member's favourites and usage (``marks``), analysed files, extraction
#: results, the library's own meta values, a folder id, and trigram search when ``pg_trgm``
#: can be created (else search falls back to plain ILIKE).  Rows of version 1 are kept.
UPGRADE_2_SQL = f"""
ALTER TABLE {SCHEMA}.items DROP CONSTRAINT IF EXISTS items_kind_check;
ALTER TABLE {SCHEMA}.items ADD CONSTRAINT items_kind_check
    CHECK (kind IN ('skeleton', 'phrasing', 'snippet', 'document', 'section'));
ALTER TABLE {SCHEMA}.items
    ADD COLUMN IF NOT EXISTS parent_id text,
    ADD COLUMN IF NOT EXISTS position integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS origin text NOT NULL DEFAULT 'personal',
    ADD COLUMN IF NOT EXISTS quality double precision NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS history jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN IF NOT EXISTS tombstone boolean NOT NULL DEFAULT false,
    ADD COLUMN IF NOT EXISTS created double precision NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS modified double precision NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS items_parent ON {SCHEMA}.items (parent_id, position);
CREATE INDEX IF NOT EXISTS items_kind ON {SCHEMA}.items (kind);
ALTER TABLE {SCHEMA}.folders ADD COLUMN IF NOT EXISTS id bigint GENERATED BY DEFAULT AS IDENTITY;
CREATE UNIQUE INDEX IF NOT EXISTS folders_id ON {SCHEMA}.folders (id);

CREATE TABLE IF NOT EXISTS {SCHEMA}.marks (
    member name NOT NULL DEFAULT session_user,
    item_id text NOT NULL,
    favorite boolean NOT NULL DEFAULT false,
    usage integer NOT NULL DEFAULT 0,
    PRIMARY KEY (member, item_id)
);
CREATE TABLE IF NOT EXISTS {SCHEMA}.files (
    name text PRIMARY KEY,
    origin text NOT NULL CHECK (origin IN ('builtin', 'imported')),
    result text NOT NULL,
    imported double precision NOT NULL,
    hash text NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS {SCHEMA}.extractions (
    file text PRIMARY KEY,
    version text NOT NULL,
    places jsonb NOT NULL DEFAULT '[]',
    data text NOT NULL
);
CREATE TABLE IF NOT EXISTS {SCHEMA}.library_meta (key text PRIMARY KEY, value text NOT NULL);

DO $$ BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN others THEN
    RAISE NOTICE 'pg_trgm not available: search uses ILIKE without a trigram index';
END $$;
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX IF NOT EXISTS items_text_trgm ON {SCHEMA}.items'
            ' USING gin ((title || '' '' || text) gin_trgm_ops)';
    END IF;
END $$;
"""

_MEMBER_UNITS = f"(SELECT m.unit FROM {SCHEMA}.unit_members m WHERE m.member = session_user)"
_READ = f"(unit IS NULL OR unit IN {_MEMBER_UNITS})"
_WRITE = (
    f"((unit IS NULL AND NOT EXISTS (SELECT 1 FROM {SCHEMA}.unit_members m "
    f"WHERE m.member = session_user)) OR unit IN {_MEMBER_UNITS})"
)


def _policy_sql() -> str:
    out = []
    for table in ("items", "folders"):
        for name, clause in (
            (f"{table}_read", f"FOR SELECT USING {_READ}"),
            (f"{table}_insert", f"FOR INSERT TO {EDITOR_ROLE} WITH CHECK {_WRITE}"),
            (f"{table}_update", f"FOR UPDATE TO {EDITOR_ROLE} USING {_WRITE} WITH CHECK {_WRITE}"),
        ):
            out.append(f"DROP POLICY IF EXISTS {name} ON {SCHEMA}.{table};")
            out.append(f"CREATE POLICY {name} ON {SCHEMA}.{table} {clause};")
    return "\n".join(out)


def setup_script() -> str:
    """The whole setup as one SQL script (also what ``serve-setup --print-sql`` shows)."""
    return (
        SETUP_SQL.replace("{upgrade}", UPGRADE_2_SQL)
        + _policy_sql()
        + f"\nINSERT INTO {SCHEMA}.meta VALUES ('library_id', gen_random_uuid()::text)"
        " ON CONFLICT (key) DO NOTHING;\n"
        + f"INSERT INTO {SCHEMA}.meta VALUES ('schema_version', '{SERVER_SCHEMA_VERSION}')"
        " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;\n"
    )


def setup_server(conn) -> None:
    """Create or upgrade the schema, roles, grants and policies (``conn``: a psycopg connection
    of a role allowed to create schemas and roles).  One transaction: all or nothing."""
    with conn.transaction():
        conn.execute(setup_script())


_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def add_user(conn, name: str, password: str, role: str, units: tuple[str, ...] = ()) -> None:
    """Create (or update) a login role as a reader or an editor, optionally member of units."""
    if not _ROLE_NAME.match(name):
        raise ValueError(f"用户名只能用小写字母、数字和下划线：{name!r}")
    if role not in ("reader", "editor"):
        raise ValueError(f"role must be reader or editor, not {role!r}")
    from psycopg import sql

    group = EDITOR_ROLE if role == "editor" else READER_ROLE
    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(
            sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(name), sql.Literal(password)
            )
        )
        for other in (READER_ROLE, EDITOR_ROLE):
            if other != group and other != READER_ROLE:
                conn.execute(
                    sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), sql.Identifier(name))
                )
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(name)))
        conn.execute(f"DELETE FROM {SCHEMA}.unit_members WHERE member = %s", (name,))
        for unit in units:
            conn.execute(f"INSERT INTO {SCHEMA}.unit_members VALUES (%s, %s)", (name, unit))
