"""The command-line face of EduWriter: ``eduwriter analyze|library|export|check``.

Each sub-command lives in its own module with ``register(subparsers)``; the module sets
``func`` on its parser, which receives the parsed namespace and returns the exit code.
"""

from __future__ import annotations

import argparse
import sys

from eduwriter import __version__
from eduwriter.cli import analyze, check, export, library


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eduwriter",
        description="教育公文写作助手 EduWriter — 不带参数运行时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"EduWriter {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    analyze.register(sub)
    library.register(sub)
    export.register(sub)
    check.register(sub)
    gui = sub.add_parser("gui", help="打开窗口 / open the window")
    gui.add_argument("files", nargs="*")
    gui.set_defaults(func=_run_gui)
    return parser


def _run_gui(ns: argparse.Namespace) -> int:
    from eduwriter.gui.app import run

    return run(list(ns.files))


def run_cli(argv: list[str]) -> int:
    parser = build_parser()
    ns = parser.parse_args(argv)
    func = getattr(ns, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(ns) or 0)
    except KeyboardInterrupt:
        print("已取消 / cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
