"""Compile resources/translations/*.ts into .qm files next to them.

Uses ``pyside6-lrelease`` when it is installed, else EduWriter's own pure-Python writer
(``eduwriter.gui.i18n.write_qm``). The .qm files are build products (in .gitignore); the app
also builds a missing one into the user cache at start, so a pip install works without this.

    python scripts/build_translations.py            # compile
    python scripts/build_translations.py --update   # first refresh the .ts from the sources
                                                     # (pyside6-lupdate over eduwriter/gui/**/*.py)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"


def update_sources() -> int:
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        print("pyside6-lupdate not found", file=sys.stderr)
        return 1
    sources = sorted(str(p) for p in (ROOT / "eduwriter" / "gui").rglob("*.py"))
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run([lupdate, *sources, "-ts", str(ts), "-no-obsolete"], check=True)
    return 0


def build() -> int:
    sys.path.insert(0, str(ROOT))
    lrelease = shutil.which("pyside6-lrelease")
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if lrelease:
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        else:
            from eduwriter.gui.i18n import write_qm

            write_qm(ts, qm)
        print(f"{ts.name} -> {qm.name}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="run pyside6-lupdate first")
    ns = parser.parse_args()
    if ns.update and update_sources():
        return 1
    return build()


if __name__ == "__main__":
    sys.exit(main())
