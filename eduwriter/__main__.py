"""Entry point: ``eduwriter`` with no arguments (or with files to open) opens the window;
with a sub-command, the CLI."""

from __future__ import annotations

import os
import sys

#: Sub-commands and options handled by the command-line interface.
CLI_WORDS = frozenset({"analyze", "library", "export", "gui", "--version", "-h", "--help"})
#: Files the window opens (a report) or takes in (a pack, sample texts) when given by path.
GUI_SUFFIXES = (".md", ".ewlib", ".txt", ".docx", ".html", ".htm")


def wants_gui(args: list[str]) -> bool:
    """True when the arguments ask for the window rather than a CLI sub-command.

    ``eduwriter``, ``eduwriter --lang en`` and ``eduwriter 报告.md`` (what a file manager runs when
    a writer double-clicks a report or a pack) open the window; ``gui`` is handled by the CLI
    parser, which opens the window too.
    """
    if not args:
        return True
    first = args[0]
    if first.startswith("-psn") or first == "--lang":
        return True
    if first in CLI_WORDS:
        return False
    return first.lower().endswith(GUI_SUFFIXES) and os.path.isfile(first)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if wants_gui(args):
        from eduwriter.gui.app import run

        return run(args)
    from eduwriter.cli.main import run_cli

    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
