"""Time left of a long library job, for the progress shown on the command line and in the window.

``ingest`` reports ``progress(done, total, name)`` per file; :class:`TimeLeft` turns the files
done so far and the time they took into an estimate, and :func:`format_duration` writes it the
way a writer reads it (Chinese first: 约 2 分 05 秒; English: about 2 min 05 s).
"""

from __future__ import annotations

import time
from collections.abc import Callable


class TimeLeft:
    """Estimate of the time left from the rate of the files done so far."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._start = clock()

    def elapsed(self) -> float:
        return self._clock() - self._start

    def seconds(self, done: int, total: int) -> float | None:
        """Seconds left after ``done`` of ``total`` steps; None before the first step is done."""
        if done <= 0 or total <= 0:
            return None
        if done >= total:
            return 0.0
        return self.elapsed() / done * (total - done)


def format_duration(seconds: float | None, english: bool = False) -> str:
    """``约 1 分 05 秒`` / ``about 1 min 05 s``; ``…`` while nothing can be estimated."""
    if seconds is None:
        return "…"
    s = int(round(seconds))
    if s >= 3600:
        h, m = divmod(s // 60, 60)
        return f"about {h} h {m:02d} min" if english else f"约 {h} 小时 {m:02d} 分"
    if s >= 60:
        m, s = divmod(s, 60)
        return f"about {m} min {s:02d} s" if english else f"约 {m} 分 {s:02d} 秒"
    return f"about {s} s" if english else f"约 {s} 秒"
