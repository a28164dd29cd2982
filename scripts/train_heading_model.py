"""Train and cross-validate a learned decision for the uncertain heading candidates.

Usage::

    python scripts/train_heading_model.py            # leave-one-document-out CV on dev + samples
    python scripts/train_heading_model.py --write    # also write resources/heading_model.json

The hand rules are sure of numbered headings (一、 （一） 1.) and of plain body text; they are
unsure of two classes, which this script hands to a logistic regression:

* **lead sentences**: an unnumbered paragraph opened by a short sentence (坚持稳中求进，着力扩大
  内需。今年…, 成绩来之不易。…) — a heading of a 政府工作报告-style text or a paragraph's first
  sentence?
* **standalone run-in lines**: 一是加强领导 / 第一，… on a line of their own — a heading or an
  item of a listed enumeration?

Each candidate gets features (kind, length, end punctuation, commas, position in the document,
the series it stands in — neighbours that are candidates too, parallel endings —, what
follows, whether the document has numbered headings, the document's genre, and the rules' own
verdict) and a label from the gold annotation (is its head among the gold headings of the
file?). Training data: the dev set of ``tests/data/corpus`` and the bundled samples with their
gold in ``tests/data/gold``; the held-out set is never read.

Cross-validation leaves one *file* out at a time: the model is trained on the candidates of
all other files and the held-out file is analyzed with it; its heading F1 is scored exactly as
``scripts/eval_corpus.py`` scores it. The rules' F1 on the same files is printed beside.

The candidates are found and the model applied by wrapping the two rule functions the outline
builder calls (``lead_sentences`` and ``runin_not_headings``), so nothing in the package
changes for this experiment.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import eval_corpus as ev  # noqa: E402

import eduwriter.core.importer as importer  # noqa: E402
import eduwriter.core.outline as outline  # noqa: E402
from eduwriter.core.genre import guess_genre  # noqa: E402
from eduwriter.core.lead_sentences import _FIRST_END, _NOT_LEAD, LEAD_MAX  # noqa: E402
from eduwriter.core.markers import RANKS  # noqa: E402

MODEL_PATH = ROOT / "resources" / "heading_model.json"
GENRES = ("speech", "report", "summary", "plan", "scheme", "notice")
FEATURES = (
    "bias",
    "kind_lead",
    "kind_runin",
    "len_20",
    "comma",
    "short_one_clause",
    "ends_sentence",
    "rest_log",
    "position",
    "first_quarter",
    "prev_candidate",
    "next_candidate",
    "run_len",
    "parallel_ending",
    "candidate_share",
    "numbered_doc",
    "rule",
    *(f"genre_{g}" for g in GENRES),
)
_COMMA = "，,、"


# ------------------------------------------------------------------------ candidates


def _lead_of(line: str) -> tuple[str, str] | None:
    """(lead sentence, rest) for a paragraph opened by a short sentence, else None."""
    m = _FIRST_END.search(line)
    if m is None:
        return None
    lead, rest = line[: m.start()].strip(), line[m.end() :].strip()
    if not 4 <= len(lead) <= LEAD_MAX or _NOT_LEAD.search(lead) or len(rest) < 10:
        return None
    return lead, rest


_STATE: dict = {"genre": "", "record": None, "weights": None}


def _features(
    kind: str,
    head: str,
    rest: str,
    i: int,
    n: int,
    cands: dict[int, str],
    numbered: bool,
    rule: bool,
    ends: bool,
) -> list[float]:
    run = 1
    k = i - 1
    while k in cands:
        run, k = run + 1, k - 1
    k = i + 1
    while k in cands:
        run, k = run + 1, k + 1
    parallel = any(j in cands and cands[j][-2:] == head[-2:] for j in (i - 1, i + 1))
    comma = any(c in head for c in _COMMA)
    genre = _STATE["genre"]
    return [
        1.0,
        float(kind == "lead"),
        float(kind == "runin"),
        len(head) / 20,
        float(comma),
        float(len(head) <= 20 and not comma),
        float(ends),
        math.log1p(len(rest)) / 5,
        i / max(n, 1),
        float(i < n / 4),
        float(i - 1 in cands),
        float(i + 1 in cands),
        min(run, 10) / 5,
        float(parallel),
        len(cands) / max(n, 1),
        float(numbered),
        float(rule),
        *(float(genre == g) for g in GENRES),
    ]


def _predict(weights: list[float], x: list[float]) -> float:
    z = sum(w * v for w, v in zip(weights, x, strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def _numbered(markers) -> bool:  # noqa: ANN001
    return any(m is not None and m.style in RANKS for m in markers)


def _wrap_lead(original: Callable) -> Callable:
    def lead_sentences(lines: list[str], eligible: list[bool]) -> dict[int, tuple[str, str]]:
        ruled = original(lines, eligible)
        found = {i: _lead_of(line) for i, line in enumerate(lines) if eligible[i]}
        found = {i: v for i, v in found.items() if v is not None}
        cands = {i: v[0] for i, v in found.items()}
        markers = [outline.match_marker(line) for line in lines]
        numbered = _numbered(markers)
        out = {}
        for i, (lead, rest) in found.items():
            x = _features("lead", lead, rest, i, len(lines), cands, numbered, i in ruled, True)
            _decide(x, lead, i in ruled, out, i, (lead, rest))
        return out

    return lead_sentences


def _wrap_runin(original: Callable) -> Callable:
    def runin_not_headings(markers, standalone: set[int], sentences: set[int]) -> set[int]:  # noqa: ANN001
        ruled = original(markers, standalone, sentences)
        cands = {i: markers[i].rest.strip() for i in standalone}
        numbered = _numbered(markers)
        kept: dict[int, bool] = {}
        for i in sorted(standalone):
            head = markers[i].rest.strip().rstrip("。！？!?")
            x = _features(
                "runin",
                head,
                "",
                i,
                len(markers),
                cands,
                numbered,
                i not in ruled,
                i in sentences,
            )
            _decide(x, markers[i].marker + head, i not in ruled, kept, i, True)
        return {i for i in standalone if i not in kept}

    return runin_not_headings


def _decide(x: list[float], head: str, rule: bool, out: dict, i: int, value) -> None:  # noqa: ANN001
    record = _STATE["record"]
    if record is not None:
        record.append((x, head))
    weights = _STATE["weights"]
    take = rule if weights is None else _predict(weights, x) > 0.5
    if take:
        out[i] = value


def _wrap_build_document(original: Callable) -> Callable:
    def build_document(raw, previous_genre=None, heading_hints=None):  # noqa: ANN001, ANN202
        _STATE["genre"] = guess_genre(
            raw.title, raw.lines, fallback=previous_genre if raw.title is None else None
        )
        return original(raw, previous_genre, heading_hints)

    return build_document


def install() -> None:
    outline.lead_sentences = _wrap_lead(outline.lead_sentences)
    outline.runin_not_headings = _wrap_runin(outline.runin_not_headings)
    importer.build_document = _wrap_build_document(importer.build_document)


# ------------------------------------------------------------------------ data, training


def _gold_keys(gold: dict) -> set[str]:
    return {ev.head_key(t) for t, _ in ev.gold_headings(gold)}


def collect(pairs: list[tuple[Path, Path]]) -> dict[str, list[tuple[list[float], int]]]:
    """File name -> its candidates (features, label)."""
    data: dict[str, list[tuple[list[float], int]]] = {}
    for path, gold_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        keys = _gold_keys(gold)
        record: list = []
        _STATE["record"], _STATE["weights"] = record, None
        importer.analyze_file(path)
        _STATE["record"] = None
        data[path.name] = [(x, int(ev.head_key(head) in keys)) for x, head in record]
    return data


def train(rows: list[tuple[list[float], int]], l2: float = 1.0, steps: int = 12) -> list[float]:
    """L2-regularised logistic regression by Newton's method (pure Python: a few dozen
    features, a few thousand rows), the classes weighed equally."""
    dim = len(FEATURES)
    w = [0.0] * dim
    if not rows:
        return w
    pos = sum(y for _, y in rows)
    cw = {1: len(rows) / (2 * max(pos, 1)), 0: len(rows) / (2 * max(len(rows) - pos, 1))}
    for _ in range(steps):
        grad = [l2 * w[k] if k else 0.0 for k in range(dim)]
        hess = [[(l2 if (a == b and a) else 0.0) for b in range(dim)] for a in range(dim)]
        for x, y in rows:
            p = _predict(w, x)
            c = cw[y]
            err = (p - y) * c
            s = p * (1 - p) * c
            for a in range(dim):
                xa = x[a]
                if not xa:
                    continue
                grad[a] += err * xa
                row = hess[a]
                sxa = s * xa
                for b in range(dim):
                    if x[b]:
                        row[b] += sxa * x[b]
        for a in range(dim):
            hess[a][a] += 1e-6
        step = _solve(hess, grad)
        w = [wk - sk for wk, sk in zip(w, step, strict=True)]
    return w


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve ``a x = b`` (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[k]] for k, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        d = m[col][col]
        if abs(d) < 1e-12:
            continue
        for r in range(col + 1, n):
            f = m[r][col] / d
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        d = m[r][r]
        s = m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))
        x[r] = s / d if abs(d) > 1e-12 else 0.0
    return x


def score(pairs: list[tuple[Path, Path]], weights: list[float] | None) -> dict[str, float]:
    """Heading F1 per file with the rules (weights None) or the model."""
    out = {}
    for path, gold_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        _STATE["weights"] = weights
        res = importer.analyze_file(path)
        _STATE["weights"] = None
        hs = ev.score_headings(ev.importer_output(res).headings, ev.gold_headings(gold))
        out[path.name] = hs.f1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help=f"write {MODEL_PATH.name}")
    ns = ap.parse_args(argv)
    install()
    dev = ev.set_pairs("dev")
    samples = ev.set_pairs("samples")
    pairs = dev + samples
    data = collect(pairs)
    n_pos = sum(y for rows in data.values() for _, y in rows)
    n_all = sum(len(rows) for rows in data.values())
    print(f"candidates: {n_all} ({n_pos} headings in gold) in {len(pairs)} files")
    for kind, col in (("lead sentences", 1), ("run-in lines", 2)):
        rows = [r for rs in data.values() for r in rs if r[0][col]]
        files = sum(1 for rs in data.values() if any(x[col] and y for x, y in rs))
        print(f"  {kind}: {len(rows)}, {sum(y for _, y in rows)} headings, in {files} files")
    rules = score(pairs, None)
    cv: dict[str, float] = {}
    for path, gold_path in pairs:
        rows = [r for name, rs in data.items() if name != path.name for r in rs]
        w = train(rows)
        cv.update(score([(path, gold_path)], w))
    for label, group in (("dev", dev), ("samples", samples)):
        names = [p.name for p, _ in group]
        r = sum(rules[n] for n in names) / len(names)
        m = sum(cv[n] for n in names) / len(names)
        print(f"{label:8} heading macro-F1  rules {r:.3f}   model (leave-one-file-out) {m:.3f}")
        for n in names:
            if abs(rules[n] - cv[n]) > 1e-9:
                print(f"    {n:40} {rules[n]:.2f} -> {cv[n]:.2f}")
    weights = train([r for rs in data.values() for r in rs])
    print("weights: " + ", ".join(f"{f}={w:+.2f}" for f, w in zip(FEATURES, weights, strict=True)))
    if ns.write:
        MODEL_PATH.write_text(
            json.dumps(
                {"features": list(FEATURES), "weights": [round(w, 4) for w in weights]},
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"written {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
