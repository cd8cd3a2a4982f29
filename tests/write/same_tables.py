#!/usr/bin/env python3
"""Compare the tables of two `gongkai parse` outputs cell by cell.

Usage: same_tables.py EXPECTED.json ACTUAL.json
Prints each difference and "cells M/N"; exits 0 only when every table,
row and cell of EXPECTED is in ACTUAL with the same value (positions are
not compared: a rendered document puts things on other lines; rows
with the same code, label and side pair in the order they are read).
"""
import json
import sys


def tables(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    out = []
    for t in doc["tables"]:
        rows = [((r.get("code"), r.get("label"), r.get("side")), r["cells"]) for r in t["rows"]]
        out.append((t["kind"], (t.get("unit"), t.get("number"), t.get("empty_note")), rows))
    return out


def main():
    want, got = tables(sys.argv[1]), tables(sys.argv[2])
    cells = matched = 0
    bad = []
    if [t[0] for t in want] != [t[0] for t in got]:
        bad.append(f"tables {[t[0] for t in want]} != {[t[0] for t in got]}")
    for i, (kind, meta, rows) in enumerate(want):
        other = got[i] if i < len(got) and got[i][0] == kind else None
        if other is None:
            bad.append(f"{kind}: missing")
            cells += sum(len(c) for _, c in rows)
            continue
        if meta != other[1]:
            bad.append(f"{kind}: unit/number/note {meta} != {other[1]}")
        if len(rows) != len(other[2]):
            bad.append(f"{kind}: {len(rows)} rows != {len(other[2])}")
        # Rows with the same key (a label printed twice, as 工资福利支出
        # under 人员经费 and under 专项业务经费) pair in order of reading.
        theirs = {}
        for key, c in other[2]:
            theirs.setdefault(key, []).append(c)
        for key, c in rows:
            cells += len(c)
            if not theirs.get(key):
                bad.append(f"{kind}: row {key} missing")
                continue
            t = theirs[key].pop(0)
            for col, v in c.items():
                if t.get(col) == v:
                    matched += 1
                else:
                    bad.append(f"{kind}: {key} {col} {v} != {t.get(col)}")
            extra = set(t) - set(c)
            if extra:
                bad.append(f"{kind}: {key} extra cells {sorted(extra)}")
    for b in bad[:40]:
        print(b)
    print(f"cells {matched}/{cells}")
    sys.exit(0 if not bad else 1)


main()
