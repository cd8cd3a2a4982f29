#!/usr/bin/env python3
"""Prepare two `gongkai parse` outputs for tests/write/same_tables.py.

Usage: align_tables.py EXPECTED.json ACTUAL.json OUT_EXPECTED.json OUT_ACTUAL.json [SKIP]

same_tables.py pairs tables by their place in the list: one table missing
from ACTUAL would pair every later table with the wrong one.  Here each
table of EXPECTED is paired with the next table of ACTUAL of its kind, in
order, and ACTUAL is rewritten in EXPECTED's order (a table it lacks
becomes an empty one of kind "missing", so that its cells count as not
read; tables it has beyond EXPECTED's are dropped).  The table number and
the empty-table note are compared without their spaces ("公开 01 表" and
"公开01表" print the same words: a PDF does not tell a space typed in the
text from the gap its producer puts between Chinese and digits).  With
SKIP, the tables of EXPECTED whose kind starts with SKIP ("perf_": the 绩效
forms) are left out of both.
"""
import json
import re
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def squeeze(t):
    for key in ("number", "empty_note"):
        if isinstance(t.get(key), str):
            t[key] = re.sub(r"\s+", "", t[key])
    return t


def main():
    want, got = load(sys.argv[1]), load(sys.argv[2])
    skip = sys.argv[5] if len(sys.argv) > 5 else None
    theirs = list(got["tables"])
    used = [False] * len(theirs)
    aligned = []
    for t in want["tables"]:
        squeeze(t)
        match = None
        for i, o in enumerate(theirs):
            if not used[i] and o["kind"] == t["kind"]:
                used[i] = True
                match = squeeze(o)
                break
        aligned.append(match if match else {"kind": "missing", "rows": []})
    if skip:
        keep = [i for i, t in enumerate(want["tables"]) if not t["kind"].startswith(skip)]
        want["tables"] = [want["tables"][i] for i in keep]
        aligned = [aligned[i] for i in keep]
    got["tables"] = aligned
    for path, doc in ((sys.argv[3], want), (sys.argv[4], got)):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)


main()
