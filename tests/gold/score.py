#!/usr/bin/env python3
"""Score extracted events against gold annotations (see ../gold/SCHEMA.md).

    score.py GOLD.jsonl SYSTEM.jsonl [--articles a,b,...] [--show] [--json]

Both files are JSON Lines with at least: article, source, target, cameo, mode
(gold lines may also carry symmetric). A system line may carry more fields;
they are ignored. cameo may be a root ("04") or a sub-code ("043"): only the
first two digits count. Articles scored are those present in the gold file
(or --articles), so a system run over more articles is not penalised for them.
"""

import argparse
import json
import sys
from collections import Counter

QUAD = {  # GDELT QuadClass by CAMEO root
    **{f"{i:02d}": 1 for i in range(1, 6)},  # verbal cooperation
    **{f"{i:02d}": 2 for i in range(6, 10)},  # material cooperation
    **{f"{i:02d}": 3 for i in range(10, 15)},  # verbal conflict
    **{f"{i:02d}": 4 for i in range(15, 21)},  # material conflict
}
MODES = ("asserted", "hypothetical")


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: not JSON: {e}")
            missing = {"article", "source", "target", "cameo"} - row.keys()
            if missing:
                sys.exit(f"{path}:{n}: missing {sorted(missing)}")
            row["cameo"] = str(row["cameo"]).zfill(2)[:2]
            rows.append(row)
    return rows


def keyset(rows, view, articles):
    """Reduce rows to scored tuples (article, source, target, label, symmetric)."""
    out = set()
    for r in rows:
        if r["article"] not in articles or r.get("mode", "asserted") not in MODES:
            continue
        if r["source"] == r["target"]:
            continue
        label = {"event": r["cameo"], "quad": QUAD.get(r["cameo"]), "dyad": ""}[view]
        out.add((r["article"], r["source"], r["target"], label, bool(r.get("symmetric"))))
    return out


def _index(tuples):
    """Map (article, label, unordered pair) -> tuples, for matching."""
    index = {}
    for t in tuples:
        index.setdefault((t[0], t[3], frozenset(t[1:3])), []).append(t)
    return index


def _matches(a, b):
    """Same article and label; same direction, or either side symmetric."""
    return (a[1], a[2]) == (b[1], b[2]) or a[4] or b[4]


def match(gold, system):
    """Return (gold tuples found, system tuples that match some gold tuple)."""
    g_index, s_index = _index(gold), _index(system)
    found = {g for g in gold if any(_matches(g, s) for s in s_index.get((g[0], g[3], frozenset(g[1:3])), ()))}
    hits = {s for s in system if any(_matches(s, g) for g in g_index.get((s[0], s[3], frozenset(s[1:3])), ()))}
    return found, hits


def prf(sys_hits, n_sys, gold_found, n_gold):
    p = sys_hits / n_sys if n_sys else 0.0
    r = gold_found / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("--articles", help="comma-separated article ids to score (default: all in gold)")
    ap.add_argument("--show", action="store_true", help="list misses and false positives")
    ap.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    a = ap.parse_args()
    gold_rows, sys_rows = read(a.gold), read(a.system)
    articles = set(a.articles.split(",")) if a.articles else {r["article"] for r in gold_rows}
    result = {}
    for view in ("event", "dyad", "quad"):
        g = keyset(gold_rows, view, articles)
        s = keyset(sys_rows, view, articles)
        found, hits = match(g, s)
        p, r, f = prf(len(hits), len(s), len(found), len(g))
        result[view] = {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "gold": len(g),
            "system": len(s),
            "found": len(found),
        }
        if view == "event" and a.show:
            for x in sorted(g - found):
                print("MISS", *x)
            for x in sorted(s - hits):
                print("FP  ", *x)
    if a.json:
        print(json.dumps(result))
        return
    print(f"{'view':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'sys':>5}")
    for view, m in result.items():
        print(f"{view:6} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {m['gold']:5d} {m['system']:5d}")
    roots = Counter(t[3] for t in keyset(gold_rows, "event", articles))
    print("gold by root:", " ".join(f"{k}:{v}" for k, v in sorted(roots.items())))


if __name__ == "__main__":
    main()
