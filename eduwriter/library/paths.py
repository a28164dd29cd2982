"""Where the library database lives by default: the user's data folder.

Windows: ``%LOCALAPPDATA%\\EduWriter\\library.db``; Linux: ``~/.local/share/EduWriter/library.db``;
macOS: ``~/Library/Application Support/EduWriter/library.db``. ``EDUWRITER_DATA_DIR`` moves the
whole data folder (the command line and the window then use the same library);
``EDUWRITER_LIBRARY`` names the database file itself and wins over both (tests, portable
installs).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from eduwriter import APP_NAME

DB_NAME = "library.db"
#: Moves all of EduWriter's data (library, recovery files, settings).
ENV_DATA_DIR = "EDUWRITER_DATA_DIR"
#: The library database file itself.
ENV_LIBRARY = "EDUWRITER_LIBRARY"


def data_dir() -> Path:
    """The user's EduWriter data folder (not created): ``EDUWRITER_DATA_DIR`` when set."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_db_path() -> Path:
    """The default library database path (its folder is not created here)."""
    override = os.environ.get(ENV_LIBRARY)
    if override:
        return Path(override)
    return data_dir() / DB_NAME
