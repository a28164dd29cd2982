"""Where the library database lives by default: the user's data folder.

Windows: ``%LOCALAPPDATA%\\EduWriter\\library.db``; Linux: ``~/.local/share/EduWriter/library.db``;
macOS: ``~/Library/Application Support/EduWriter/library.db``. The environment variable
``EDUWRITER_LIBRARY`` overrides it (used by tests and portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from eduwriter import APP_NAME

DB_NAME = "library.db"


def data_dir() -> Path:
    """The user's EduWriter data folder (not created)."""
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_db_path() -> Path:
    """The default library database path (its folder is not created here)."""
    override = os.environ.get("EDUWRITER_LIBRARY")
    if override:
        return Path(override)
    return data_dir() / DB_NAME
