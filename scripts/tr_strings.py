"""Every interface string the GUI code hands to Qt's translator, found by reading the code.

``pyside6-lupdate`` sees ``self.tr("…")`` and ``QCoreApplication.translate("Ctx", "…")`` but not
the one-argument helpers the panes and dialogs define (``def _tr(text): return
QCoreApplication.translate(CTX, text)``), so a plain ``lupdate -no-obsolete`` pass drops their
translations. This module finds all three forms with :mod:`ast`; ``build_translations.py
--update`` uses it to keep what lupdate cannot see, and a test uses it to check that every string
has an English translation.

    python scripts/tr_strings.py            # list (context, text) pairs
    python scripts/tr_strings.py --missing  # those the English .ts lacks
"""

from __future__ import annotations

import argparse
import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "eduwriter" / "gui"
TS_EN = ROOT / "resources" / "translations" / "eduwriter_en.ts"


def _const(node: ast.AST, names: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return names.get(node.id)
    return None


def _texts(node: ast.AST, names: dict[str, str]) -> list[str]:
    """The literal texts an argument can be: one constant, or both branches of ``a if c else b``."""
    if isinstance(node, ast.IfExp):
        return _texts(node.body, names) + _texts(node.orelse, names)
    text = _const(node, names)
    return [text] if text else []


def _is_translate(func: ast.AST, aliases: frozenset[str] = frozenset()) -> bool:
    if isinstance(func, ast.Name):
        return func.id in aliases
    return isinstance(func, ast.Attribute) and func.attr == "translate"


def _translate_aliases(tree: ast.Module) -> frozenset[str]:
    """Names bound to ``QCoreApplication.translate`` (``tr = QCoreApplication.translate``)."""
    return frozenset(
        t.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _is_translate(node.value)
        for t in node.targets
        if isinstance(t, ast.Name)
    )


def _helper_contexts(tree: ast.Module, names: dict[str, str]) -> dict[str, str]:
    """One-argument module functions that call translate(CONTEXT, their argument)."""
    out: dict[str, str] = {}
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef) or len(fn.args.args) < 1:
            continue
        arg = fn.args.args[0].arg
        for call in ast.walk(fn):
            if (
                isinstance(call, ast.Call)
                and _is_translate(call.func)
                and len(call.args) >= 2
                and isinstance(call.args[1], ast.Name)
                and call.args[1].id == arg
            ):
                ctx = _const(call.args[0], names)
                if ctx:
                    out[fn.name] = ctx
    return out


def strings_in(path: Path) -> set[tuple[str, str]]:
    """(context, source text) of every literal translated in one module."""
    tree = ast.parse(path.read_text("utf-8"))
    names = {
        t.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for t in node.targets
        if isinstance(t, ast.Name)
    }
    helpers = _helper_contexts(tree, names)
    aliases = _translate_aliases(tree)
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call) and child.args:
                func = child.func
                if _is_translate(func, aliases) and len(child.args) >= 2:
                    ctx = _const(child.args[0], names)
                    if ctx:
                        found.update((ctx, t) for t in _texts(child.args[1], names))
                elif isinstance(func, ast.Attribute) and func.attr == "tr" and cls:
                    found.update((cls, t) for t in _texts(child.args[0], names))
                elif isinstance(func, ast.Name) and func.id in helpers:
                    found.update((helpers[func.id], t) for t in _texts(child.args[0], names))
            visit(child, inner)

    visit(tree, None)
    return found


def gui_strings(root: Path = GUI) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for path in sorted(root.rglob("*.py")):
        out |= strings_in(path)
    return out


def ts_messages(path: Path = TS_EN) -> dict[tuple[str, str], str]:
    """(context, source) → finished translation ('' when unfinished or missing)."""
    out: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr_el = msg.find("translation")
            done = tr_el is not None and not tr_el.get("type") and bool(tr_el.text)
            out[(name, msg.findtext("source") or "")] = (tr_el.text or "") if done else ""
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--missing", action="store_true", help="only strings without a translation")
    args = ap.parse_args()
    have = ts_messages()
    for ctx, text in sorted(gui_strings()):
        if not args.missing or not have.get((ctx, text)):
            print(f"{ctx}\t{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
