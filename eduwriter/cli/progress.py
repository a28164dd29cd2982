"""Progress of a long library job on the command line (stderr).

On a terminal one line is redrawn: a bar, the file count, the current file and the time left
(``[██████░░░░] 120/500 计划.txt 剩余 约 1 分 05 秒``). Piped or redirected, plain lines are
written instead, one per file and one per phase, so a log reads well and holds no control
characters.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from eduwriter.library.progress import TimeLeft, format_duration

BAR_WIDTH = 24


class CliProgress:
    """A ``progress(done, total, name)`` callback for ``ingest`` writing to ``stream``."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._clock = TimeLeft()
        self._drawn = False
        self._last_phase = ""

    def __call__(self, done: int, total: int, name: str) -> None:
        if total <= 1 and name and not Path(name).suffix:  # a phase: 提取句式和结构…
            if name != self._last_phase:
                self._last_phase = name
                self._write(name)
            return
        if not name:  # all files done
            return
        if done == 0:
            self._clock = TimeLeft()  # a new run of files
        left = format_duration(self._clock.seconds(done, total))
        shown = Path(name).name
        if self.tty:
            filled = BAR_WIDTH * done // max(total, 1)
            bar = "█" * filled + "░" * (BAR_WIDTH - filled)
            self._write(f"[{bar}] {done + 1}/{total} {shown}  剩余 {left}")
        else:
            self._write(f"[{done + 1}/{total}] {shown}（剩余 {left}）")

    def _write(self, line: str) -> None:
        if self.tty:
            print(f"\r{line}\033[K", end="", file=self.stream, flush=True)
            self._drawn = True
        else:
            print(line, file=self.stream, flush=True)

    def finish(self) -> None:
        """End the redrawn line (terminal only)."""
        if self.tty and self._drawn:
            print(file=self.stream, flush=True)
            self._drawn = False
