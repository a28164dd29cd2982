"""Entry point: ``eduwriter`` with no arguments opens the window; with a sub-command, the CLI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if not args or args[0].startswith("-psn") or (args and args[0] in ("--lang",)):
        from eduwriter.gui.app import run

        return run(args)
    from eduwriter.cli.main import run_cli

    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
