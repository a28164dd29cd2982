"""Entry script of the bundled program (EduWriter.exe / eduwriter-cli.exe).

Does only what a frozen program needs before the normal entry point runs:
* a windowed Windows build has no console (sys.stdout/stderr are None): give them a sink, so a
  print anywhere cannot crash the app;
* the GUI path gets the crash handler at once (the app installs it as well; it is idempotent),
  so even a failure while the window is being built lands in the log;
* ``EDUWRITER_SMOKE_QUIT_MS`` starts the smoke watch used by tests/packaging/test_bundle.py.
"""

from __future__ import annotations

import os
import sys


def _ensure_streams() -> None:
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _is_gui(args: list[str]) -> bool:
    return not args or args[0] == "gui" or args[0].startswith("-psn") or args[0] == "--lang"


def main() -> int:
    _ensure_streams()
    args = sys.argv[1:]
    if _is_gui(args):
        from eduwriter.gui.crash import install_crash_handler
        from eduwriter.gui.smoke import start_from_environment

        install_crash_handler()
        start_from_environment()
    from eduwriter.__main__ import main as eduwriter_main

    return eduwriter_main(args)


if __name__ == "__main__":
    sys.exit(main())
