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
    sys.path.insert(0, str(ROOT / "scripts"))
    import tr_strings

    sources = sorted(str(p) for p in (ROOT / "eduwriter" / "gui").rglob("*.py"))
    used = tr_strings.gui_strings()
    for ts in sorted(TS_DIR.glob("*.ts")):
        before = tr_strings.ts_messages(ts)
        subprocess.run([lupdate, *sources, "-ts", str(ts), "-no-obsolete"], check=True)
        # lupdate cannot see strings passed through a module's one-argument _tr helper, a
        # table of labels or a variable, and drops them as obsolete: put every translated
        # message back (an unused one costs nothing), and report the strings the code uses
        # that still have no translation.
        after = tr_strings.ts_messages(ts)
        lost = {k: v for k, v in sorted(before.items()) if k not in after and v}
        restore_messages(ts, lost)
        print(f"{ts.name}: kept {len(lost)} translations lupdate cannot see")
        have = tr_strings.ts_messages(ts)
        for ctx, text in sorted(k for k in used if not have.get(k)):
            print(f"  untranslated: {ctx}: {text}")
    return 0


def restore_messages(ts: Path, messages: dict[tuple[str, str], str]) -> None:
    """Add (context, source) → translation messages to a .ts file."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for (ctx, source), translation in messages.items():
        node = contexts.get(ctx)
        if node is None:
            node = ET.SubElement(root, "context")
            ET.SubElement(node, "name").text = ctx
            contexts[ctx] = node
        msg = ET.SubElement(node, "message")
        ET.SubElement(msg, "source").text = source
        ET.SubElement(msg, "translation").text = translation
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)


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
