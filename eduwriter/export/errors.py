"""Export errors with a Chinese message and, where useful, a suggested other file name."""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """Export failed; nothing was written under the target name.

    ``message_zh`` is shown to the writer; ``suggestion`` is another file name to try (for a
    target that is locked or cannot be written), or None.
    """

    def __init__(self, message_zh: str, suggestion: Path | None = None) -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh
        self.suggestion = suggestion

    def __str__(self) -> str:
        if self.suggestion is not None:
            return f"{self.message_zh}（可改存为：{self.suggestion}）"
        return self.message_zh


class TemplateError(ExportError):
    """The writer's reference template cannot be used; callers may offer the default layout."""


def suggest_free_name(path: Path) -> Path:
    """``报告.docx`` -> ``报告(1).docx`` (the first name not taken in the same folder)."""
    for n in range(1, 1000):
        candidate = path.with_name(f"{path.stem}({n}){path.suffix}")
        if not candidate.exists() and not is_open_elsewhere(candidate):
            return candidate
    return path.with_name(f"{path.stem}(新){path.suffix}")


def is_open_elsewhere(path: Path) -> bool:
    """True when Word/WPS or LibreOffice has ``path`` open (their lock files are present)."""
    name = path.name
    # Word names its owner file "~$" + the name, with the first characters dropped for
    # longer names; both forms are checked.
    candidates = [path.with_name("~$" + name), path.with_name(f".~lock.{name}#")]
    if len(path.stem) > 2:
        candidates.append(path.with_name("~$" + name[2:]))
    if len(path.stem) > 1:
        candidates.append(path.with_name("~$" + name[1:]))
    return any(c.exists() for c in candidates)
