"""Where the bundled resources (samples, translations, icons, DOCX base) live."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the folder holding the bundled resources.

    Works from a source checkout, an (editable) pip install and a PyInstaller bundle.
    """
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        candidate = Path(bundle_root) / "eduwriter" / "resources"
        if candidate.is_dir():
            return candidate
    try:
        import eduwriter.resources as pkg

        return Path(pkg.__file__).resolve().parent
    except ImportError:  # pragma: no cover - broken install
        return Path(__file__).resolve().parent.parent / "resources"


def samples_dir() -> Path:
    """The bundled 范文 samples."""
    return resources_dir() / "samples"


def sample_files() -> list[Path]:
    """All bundled sample files, sorted by name."""
    return sorted(p for p in samples_dir().iterdir() if p.suffix.lower() == ".txt")
