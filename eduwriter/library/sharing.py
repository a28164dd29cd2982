"""Sharing a library: ``.ewlib`` packs (export, import with merge by stable id).

A pack is a zip file with two members:

* ``manifest.json``: ``{"format": "ewlib", "format_version": 1, "app_version": "0.1.0",
  "created": "2026-11-22T15:30:00+00:00", "item_count": 12}``
* ``items.json``: a list of items (``Item.to_json()`` plus ``hash``, ``history`` — earlier
  content hashes — and ``folder_path`` such as ``常用/安全``).

Import merges by id, in one transaction (a damaged or foreign pack changes nothing):

* unknown id → added (as a personal item, in the same folder path, created when missing);
* same content → nothing happens (re-importing a pack adds nothing);
* theirs is an earlier version of mine (its hash is in my history) → mine is kept silently;
* mine is an earlier version of theirs → theirs is taken (my folder, favourite, usage stay);
* changed on both sides → a :class:`Conflict` goes to the caller's ``resolver`` which answers
  ``"mine"``, ``"theirs"`` or ``"both"`` (theirs added as a copy with id ``<id>~<hash>``). The
  answer is remembered (their hash goes into my history as ``kept:<hash>``), so importing the
  same pack again asks nothing. ``"skip"`` keeps mine *for now* without remembering: the next
  import asks again (the CLI answers ``"skip"`` when nobody can be asked). Without a resolver,
  mine is kept for now (``"skip"``).
* ``force="mine"|"theirs"|"both"`` (an explicit ``--on-conflict``) applies to every item
  changed on both sides, including the ones an earlier answer set aside as "keep mine"; the
  resolver is not asked.
"""

from __future__ import annotations

import io
import json
import math
import os
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from eduwriter import __version__
from eduwriter.core.atomic import atomic_write_bytes
from eduwriter.core.items import SourceRef
from eduwriter.library.backend import Backend
from eduwriter.library.errors import LibraryError, PackError
from eduwriter.library.items import KINDS, Item

FORMAT = "ewlib"
FORMAT_VERSION = 1
MAX_MEMBER_BYTES = 200 * 1024 * 1024

Resolution = Literal["mine", "theirs", "both", "skip"]
#: Prefix of a dismissed hash in an item's history ("keep mine" was chosen against it).
KEPT = "kept:"


@dataclass(slots=True)
class Conflict:
    """An item changed on both sides: ``mine`` (in the library) and ``theirs`` (in the pack)."""

    mine: Item
    theirs: Item


@dataclass(slots=True)
class MergeReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_mine: int = 0
    kept_both: int = 0
    #: conflicts kept as mine *without* remembering the answer (asked again next time)
    skipped: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (id, resolution)
    manifest: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "kept_mine": self.kept_mine,
            "kept_both": self.kept_both,
            "skipped": self.skipped,
            "conflicts": [{"id": i, "resolution": r} for i, r in self.conflicts],
        }


def _select(store: Backend, ids: Sequence[str] | None, folder: int | str | None) -> list[Item]:
    if ids:
        items = store.get_many(list(ids))
        missing = sorted(set(ids) - {it.id for it in items})
        if missing:
            raise LibraryError(
                f"找不到条目：{'、'.join(missing[:5])}", f"No such items: {', '.join(missing)}"
            )
        # a selected document or section travels with its sections
        seen = {it.id for it in items}
        todo = [it.id for it in items if it.kind in ("document", "section")]
        while todo:
            for child in store.children(todo.pop()):
                if child.id not in seen:
                    seen.add(child.id)
                    items.append(child)
                    todo.append(child.id)
        return items
    if folder is not None:
        return store.items(folder=folder)
    return store.items(origin="personal")


def export_pack(
    store: Backend,
    out: str | os.PathLike,
    ids: Sequence[str] | None = None,
    folder: int | str | None = None,
) -> int:
    """Write a pack with the selected items (``ids``), a folder (with its sub-folders) or, by
    default, the whole personal library. Atomic: a temporary file is renamed into place.
    Returns the number of items written. Nothing to export is a :class:`PackError` (no file is
    written)."""
    items = _select(store, ids, folder)
    if not items:
        raise PackError(
            "没有可导出的条目（我的素材为空，或所选文件夹中没有条目），未写入任何文件。",
            "Nothing to export (no personal items, or the folder is empty); no file was written.",
        )
    paths = {f.id: store.folder_path(f.id) for f in store.folders()}
    payload = []
    for it in items:
        d = it.to_json()
        d.pop("favorite", None)
        d.pop("usage", None)
        d["hash"] = it.content_hash()
        d["history"] = store.history(it.id)
        d["folder_path"] = paths.get(it.folder, "") if it.folder is not None else ""
        payload.append(d)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "item_count": len(payload),
    }
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        zf.writestr("items.json", json.dumps(payload, ensure_ascii=False))
    atomic_write_bytes(target, buf.getvalue())
    return len(payload)


def read_pack(path: str | os.PathLike) -> tuple[dict, list[dict]]:
    """Read and validate a pack. Raises :class:`PackError` (with ``message_zh``)."""
    p = Path(path)
    name = p.name
    try:
        with zipfile.ZipFile(p) as zf:
            names = set(zf.namelist())
            if "manifest.json" not in names or "items.json" not in names:
                raise PackError(
                    f"“{name}”不是 EduWriter 资料包（缺少清单）。", f"{name} is not an .ewlib pack."
                )
            for member in ("manifest.json", "items.json"):
                if zf.getinfo(member).file_size > MAX_MEMBER_BYTES:
                    raise PackError(f"“{name}”过大，无法导入。", f"{name} is too large.")
            manifest = json.loads(zf.read("manifest.json").decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise PackError(
                    f"“{name}”不是 EduWriter 资料包。", f"{name} is not an EduWriter pack."
                )
            version = manifest.get("format_version")
            if not isinstance(version, int) or version > FORMAT_VERSION:
                raise PackError(
                    f"“{name}”由更新版本的 EduWriter 导出（格式版本 {version}），请升级后再导入。",
                    f"{name} was written by a newer EduWriter (format {version}).",
                )
            items = json.loads(zf.read("items.json").decode("utf-8"))
    except PackError:
        raise
    except FileNotFoundError as exc:
        raise PackError(f"找不到文件：{p}", f"File not found: {p}") from exc
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        UnicodeDecodeError,
        ValueError,
        KeyError,
        EOFError,
    ) as exc:
        raise PackError(
            f"“{name}”已损坏或不是 EduWriter 资料包，资料库未做任何改动。",
            f"{name} is damaged or not an EduWriter pack ({exc}); the library is unchanged.",
        ) from exc
    if not isinstance(items, list):
        raise PackError(f"“{name}”内容格式不正确。", f"{name}: items.json is not a list.")
    for d in items:
        ok = (
            isinstance(d, dict)
            and isinstance(d.get("id"), str)
            and d["id"]
            and d.get("kind") in KINDS
            and isinstance(d.get("text", ""), str)
            and isinstance(d.get("title", ""), str)
            and isinstance(d.get("tags", []), list)
            and isinstance(d.get("sources", []), list)
            and isinstance(d.get("data", {}), dict)
            and _is_number(d.get("position", 0), whole=True, limit=2**31)
            and isinstance(d.get("history") or [], list)
            and isinstance(d.get("folder_path") or "", str)
            and _is_number(d.get("created", 0))
            and _is_number(d.get("modified", 0))
            and _encodable(d)
        )
        if not ok:
            raise PackError(
                f"“{name}”中有无法识别的条目，资料库未做任何改动。",
                f"{name} holds an item that cannot be read; the library is unchanged.",
            )
    return manifest, items


def _is_number(value: object, whole: bool = False, limit: float = 1e15) -> bool:
    """A number (or nothing) where the pack format has one: not a string, not a bool, finite
    and within ``limit`` (SQLite stores integers of 64 bits at most)."""
    if value is None:
        return True
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if not math.isfinite(value) or abs(value) > limit:
        return False
    return not whole or float(value).is_integer()


def _encodable(value: object) -> bool:
    """True when every string in ``value`` can be stored (no lone surrogates such as \\ud800)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_encodable(k) and _encodable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_encodable(v) for v in value)
    return True


def _item_from_json(d: dict) -> Item:
    try:
        sources = [SourceRef.from_json(s) for s in d.get("sources", [])]
    except (KeyError, TypeError) as exc:
        raise PackError("资料包中的出处信息不完整。", "A source reference is incomplete.") from exc
    return Item(
        id=d["id"],
        kind=d["kind"],
        function=str(d.get("function", "") or ""),
        genre=str(d.get("genre", "") or ""),
        title=d.get("title", "") or "",
        text=d.get("text", "") or "",
        tags=[str(t) for t in d.get("tags", [])],
        origin="personal",
        sources=sources,
        data=dict(d.get("data", {})),
        parent=d.get("parent"),
        position=int(d.get("position", 0) or 0),
        created=float(d.get("created", 0) or 0),
        modified=float(d.get("modified", 0) or 0),
    )


def import_pack(
    store: Backend,
    path: str | os.PathLike,
    resolver: Callable[[Conflict], Resolution] | None = None,
    force: Resolution | None = None,
) -> MergeReport:
    """Merge a pack into the library (one transaction). See the module docstring."""
    if force is not None and force not in ("mine", "theirs", "both"):
        raise ValueError(f"force must be mine, theirs or both, not {force!r}")
    manifest, raw_items = read_pack(path)
    report = MergeReport(manifest=manifest)
    theirs_list = [(_item_from_json(d), d) for d in raw_items]
    with store.transaction():
        for theirs, d in theirs_list:
            their_hash = theirs.content_hash()
            their_history = [h for h in d.get("history") or [] if isinstance(h, str)]
            folder_path = str(d.get("folder_path", "") or "")
            mine = store.get(theirs.id)
            if mine is None:
                if folder_path:
                    theirs.folder = store.folder_id(folder_path, create=True)
                store.insert_item(theirs, history=their_history[-20:])
                report.added += 1
                continue
            my_hash = mine.content_hash()
            my_history = store.history(mine.id)
            if my_hash == their_hash:
                report.unchanged += 1
                continue
            if their_hash in my_history:  # theirs is an earlier version of mine
                report.unchanged += 1
                continue
            dismissed = KEPT + their_hash in my_history
            if dismissed and force in (None, "mine"):
                report.unchanged += 1
                continue
            if my_hash in their_history:
                resolution: Resolution = "theirs"
            else:
                if force is not None:
                    resolution = force
                elif resolver is not None:
                    resolution = resolver(Conflict(mine, theirs))
                else:
                    resolution = "skip"
                if resolution not in ("mine", "theirs", "both", "skip"):
                    resolution = "skip"
                report.conflicts.append((mine.id, resolution))
            if resolution == "skip":
                report.skipped += 1
                continue
            my_history = [h for h in my_history if h != KEPT + their_hash]
            if resolution == "theirs":
                theirs.folder, theirs.favorite, theirs.usage = (
                    mine.folder,
                    mine.favorite,
                    mine.usage,
                )
                history = _merge_history(my_history, their_history, my_hash)
                store.insert_item(theirs, replace=True, history=history)
                report.updated += 1
            elif resolution == "mine":
                history = _merge_history(my_history, [], KEPT + their_hash)
                store.set_history(mine.id, history)
                report.kept_mine += 1
            else:
                copy_id = f"{theirs.id}~{their_hash[:8]}"
                if store.get(copy_id) is None:
                    theirs.id = copy_id
                    if folder_path:
                        theirs.folder = store.folder_id(folder_path, create=True)
                    store.insert_item(theirs, history=their_history[-20:])
                history = _merge_history(my_history, [], KEPT + their_hash)
                store.set_history(mine.id, history)
                report.kept_both += 1
    return report


def _merge_history(mine: list[str], theirs: list[str], extra: str) -> list[str]:
    out: list[str] = []
    for h in [*mine, *theirs, extra]:
        if h not in out:
            out.append(h)
    return out[-40:]
