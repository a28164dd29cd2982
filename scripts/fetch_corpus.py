"""Fetch the evaluation corpus by the origins in tests/data/corpus/manifest.json.

The texts are public documents from public repositories; they are not committed. This
script rebuilds each file, byte for byte the same every time, into the ignored folder
``tests/data/corpus/<set>/raw/`` from the origin recorded in the manifest (repository,
path, commit) and the recorded transform:

* ``copy``: the file as stored (a saved web page);
* ``page_text``: the visible text of a saved page (see scripts/corpus_text.py);
* ``sql_html``: the ``html`` column of one row of an SQL dump (a saved gov.cn page);
* ``sql_html_text``: the same, as visible text;
* ``sql_excerpt``: the dump's header, one table's CREATE TABLE and INSERT with chosen rows;
* ``sql_content``: the ``content`` column of one row, line breaks restored, in ``encoding``;
* ``hardwrap``: the body of a page as text hard-wrapped at ``width`` characters with page
  numbers between pages, the way text copied out of a PDF looks;
* ``docx``: the body of a page packaged as Word would save it (scripts/corpus_docx.py);
  the heading paragraphs are the ones the gold annotation names;
* ``jsonl_text``: the ``content`` field of the chosen ``rows`` (0-based lines) of a JSON Lines
  file, as stored (its blank lines kept), one after another, each optionally under its ``title``
  field; ``jsonl_html`` the same as a bare HTML page (one ``<p>`` per line);
  ``jsonl_hardwrap`` the same hard-wrapped at ``width`` with page numbers between pages;
  a ``docx`` entry with ``"source": "jsonl"`` packages these lines as Word would;
* a ``docx`` entry with ``"source": "page"`` packages the visible lines of any saved page
  (template or page source) from the line starting with ``start`` to the one before ``stop_at``,
  without table cells (runs of six or more short lines).

Usage::

    python scripts/fetch_corpus.py [--set dev|heldout|heldout2|heldout2-unverified|all] [--mirror DIR]

``--mirror DIR`` reads the repositories from local git directories ``DIR/owner+name/repo``
(or ``DIR/owner+name``) instead of downloading from raw.githubusercontent.com.
"""

from __future__ import annotations

import argparse
import html as htmllib
import json
import re
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from corpus_text import decode_bytes, html_to_text  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"


def read_origin(origin: dict, mirror: Path | None) -> bytes:
    repo, path, commit = origin["repo"], origin["path"], origin["commit"]
    if mirror is not None:
        for cand in (mirror / repo.replace("/", "+") / "repo", mirror / repo.replace("/", "+")):
            if cand.exists():
                return subprocess.run(
                    ["git", f"--git-dir={cand}", "show", f"{commit}:{path}"],
                    check=True,
                    capture_output=True,
                ).stdout
        raise FileNotFoundError(f"{repo} not under {mirror}")
    url = f"https://raw.githubusercontent.com/{repo}/{commit}/{urllib.request.quote(path)}"
    with urllib.request.urlopen(url, timeout=60) as resp:  # noqa: S310 (fixed host)
        return resp.read()


def page_body(text: str) -> list[str]:
    """Lines of a saved school-site page between its metadata line (…点击数：/次) and
    【打印正文】; the title line above the metadata is put first."""
    lines = [ln for ln in html_to_text(text).split("\n")]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("文章来源"))
    title = next(ln for ln in reversed(lines[:start]) if ln.strip())
    end = next(i for i, ln in enumerate(lines) if ln.startswith("【打印正文】"))
    body = lines[start + 1 : end]
    while body and (not body[0].strip() or body[0].strip() == "次"):
        body.pop(0)
    return [title, ""] + body


def _sql_rows(sql: str, table: str) -> dict[int, str]:
    rows = {}
    # rows of a phpMyAdmin/Navicat dump: one "(id, ...)," per line after INSERT INTO `table`
    block = sql.split(f"INSERT INTO `{table}`", 1)[1]
    for line in block.split("\n")[1:]:
        m = re.match(r"^\((\d+), ", line)
        if m:
            rows[int(m.group(1))] = line
        elif line.startswith("--") or line.startswith("INSERT") or not line.strip():
            if rows and (not line.strip() or line.startswith("--")):
                break
    return rows


def _sql_unescape(s: str) -> str:
    return (
        s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t").replace("\\'", "'")
    ).replace("''", "'")


def _gov_html(sql: str, row: int) -> str:
    part = sql.split("INSERT INTO ge_policy_raw")[row]
    html = part.split("'未处理', '", 1)[1]
    html = html[: html.rindex("', '")]
    return html.replace("''", "'").replace("\\'", "'")


def jsonl_lines(text: str, rows: list[int], with_title: bool) -> list[str]:
    """Lines of the ``content`` of the chosen JSON Lines records, one record after another
    (a blank line between), each under its ``title`` when ``with_title``."""
    records = text.splitlines()
    out: list[str] = []
    for k, row in enumerate(rows):
        rec = json.loads(records[row])
        if k:
            out.extend(["", ""])
        if with_title:
            out.extend([rec["title"], ""])
        out.extend(rec["content"].split("\n"))
    return out


def hardwrap(lines: list[str], width: int, per_page: int) -> bytes:
    """Non-blank lines wrapped at ``width`` characters, ``— N —`` after every ``per_page``."""
    wrapped: list[str] = []
    for ln in lines:
        wrapped.extend(textwrap.wrap(ln, width) if ln.strip() else [])
    out: list[str] = []
    for i in range(0, len(wrapped), per_page):
        out.extend(wrapped[i : i + per_page])
        out.append(f"— {i // per_page + 1} —")
    return ("\n".join(out) + "\n").encode("utf-8")


def transform(entry: dict, data: bytes) -> bytes:
    tr = entry["transform"]
    kind = tr["type"]
    if kind == "copy":
        return data
    text, _ = decode_bytes(data)
    if kind.startswith("jsonl_"):
        lines = jsonl_lines(text, tr["rows"], tr.get("title", False))
        if kind == "jsonl_text":
            return ("\n".join(lines) + "\n").encode("utf-8")
        if kind == "jsonl_html":
            head = htmllib.escape(json.loads(text.splitlines()[tr["rows"][0]])["title"])
            body = "\n".join(f"<p>{htmllib.escape(ln)}</p>" for ln in lines if ln.strip())
            page = (
                '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
                f"<title>{head}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
            )
            return page.encode("utf-8")
        if kind == "jsonl_hardwrap":
            return hardwrap(lines, tr["width"], tr.get("lines_per_page", 28))
    if kind == "page_text":
        return html_to_text(text).encode("utf-8")
    if kind in ("sql_html", "sql_html_text"):
        html = _gov_html(text, tr["row"])
        return (html if kind == "sql_html" else html_to_text(html)).encode("utf-8")
    if kind == "sql_excerpt":
        header = text.split("CREATE TABLE", 1)[0].rsplit("--\n-- 表的结构", 1)[0]
        table = tr["table"]
        create = re.search(rf"CREATE TABLE IF NOT EXISTS `{table}`.*?;\n", text, re.S).group(0)
        insert = re.search(rf"INSERT INTO `{table}` \(.*?\) VALUES\n", text).group(0)
        rows = _sql_rows(text, table)
        chosen = [rows[i].rstrip(",;") for i in tr["rows"]]
        body = ",\n".join(chosen) + ";\n"
        return (header + create + "\n" + insert + body).encode("utf-8")
    if kind == "sql_content":
        rows = _sql_rows(text, tr["table"])
        m = re.match(
            r"^\(\d+, \d+, '[^']*', \d+, [^,]*, \d+, '((?:[^'\\]|\\.|'')*)', '((?:[^'\\]|\\.|'')*)', ",
            rows[tr["row"]],
        )
        title, content = _sql_unescape(m.group(1)).strip(), _sql_unescape(m.group(2))
        out = title + "\r\n\r\n" + content.replace("\r", "\r\n")
        return out.encode(tr.get("encoding", "utf-8"))
    if kind == "hardwrap":
        return hardwrap(page_body(text), tr["width"], tr.get("lines_per_page", 28))
    raise ValueError(f"unknown transform {kind}")


def docx_source_lines(text: str, stop_at: str | None = None) -> list[str]:
    """Paragraph texts for a built .docx: the page body without the page's own title line
    (kept when the body opens with prose rather than a title), cut before ``stop_at`` (an attachment of forms), and without table cells (runs of six
    or more short lines, which a page shows one cell per line)."""
    body = page_body(text)
    lines = [ln for ln in body[2:] if ln.strip()]
    if lines and lines[0].rstrip()[-1:] in "。，：；:,;":  # body opens with prose: title it
        lines.insert(0, body[0])
    if stop_at:
        cut = next((i for i, ln in enumerate(lines) if ln.startswith(stop_at)), len(lines))
        lines = lines[:cut]
    return without_table_cells(lines)


def without_table_cells(lines: list[str]) -> list[str]:
    """``lines`` without runs of six or more short lines (a table shown one cell per line)."""
    out: list[str] = []
    run: list[str] = []
    for ln in lines + [""]:
        if (
            ln
            and len(ln) <= 14
            and not re.match(r"^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]", ln)
        ):
            run.append(ln)
            continue
        if len(run) < 6:
            out.extend(run)
        run = []
        if ln:
            out.append(ln)
    return out


def page_lines(text: str, start: str, stop_at: str | None = None) -> list[str]:
    """Non-blank visible lines of a saved page from the first starting with ``start`` to the
    one before the first (after it) starting with ``stop_at``, without table cells."""
    lines = [ln.strip() for ln in html_to_text(text).split("\n") if ln.strip()]
    first = next(i for i, ln in enumerate(lines) if ln.startswith(start))
    lines = lines[first:]
    if stop_at:
        lines = lines[
            : next((i for i, ln in enumerate(lines) if ln.startswith(stop_at)), len(lines))
        ]
    return without_table_cells(lines)


def build_docx_entry(entry: dict, data: bytes, dest: Path, gold: dict) -> None:
    from corpus_docx import build_docx

    text, _ = decode_bytes(data)
    tr = entry["transform"]
    headings = {h["text"]: h["level"] for d in gold["documents"] for h in d["headings"]}
    levels = [tuple(x) for x in tr["levels"]] if tr.get("levels") else None
    if tr.get("source") == "jsonl":
        source = [ln.strip() for ln in jsonl_lines(text, tr["rows"], tr.get("title", False))]
        source = [ln for ln in source if ln]
    elif tr.get("source") == "page":
        source = page_lines(text, tr["start"], tr.get("stop_at"))
    else:
        source = docx_source_lines(text, tr.get("stop_at"))
    build_docx(
        source,
        dest,
        tr["mode"],
        headings,
        title=gold["documents"][0].get("title"),
        levels=levels,
        restart=tr.get("restart", True),
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--set", default="all", choices=["dev", "heldout", "heldout2", "heldout2-unverified", "all"]
    )
    ap.add_argument("--mirror", type=Path, help="folder of local git mirrors (owner+name)")
    ns = ap.parse_args(argv)
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    failed = 0
    for entry in manifest["files"]:
        if ns.set != "all" and entry["set"] != ns.set:
            continue
        dest = CORPUS / entry["set"] / "raw" / entry["name"]
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            data = read_origin(entry["origin"], ns.mirror)
            if entry["transform"]["type"] == "docx":
                gold_path = CORPUS / entry["set"] / "gold" / (Path(entry["name"]).stem + ".json")
                build_docx_entry(entry, data, dest, json.loads(gold_path.read_text("utf-8")))
            else:
                dest.write_bytes(transform(entry, data))
        except Exception as exc:  # one bad origin must not stop the others
            failed += 1
            print(f"{entry['name']}: FAILED {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        print(f"{entry['set']}/raw/{entry['name']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
