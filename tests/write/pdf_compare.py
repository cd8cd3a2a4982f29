#!/usr/bin/env python3
"""Compare the tables of two `gongkai parse` outputs: the input document's
and the rendered PDF's.

    pdf_compare.py GONGKAI INPUT PDF [KIND ...]

Tables are matched by kind, in order.  Positions (line, page, box) are not
compared, nor `sources` (how a cell was read, e.g. placed by arithmetic):
the figures, codes, labels, titles, numbers and units are.  Prints one line
per table and a summary; exits 1 when a table of a KIND given does not
round-trip (a regression), else 0.
"""
import json
import subprocess
import sys

IGNORED = {"line", "page", "box", "note_line", "sources"}


def parse(gongkai, path):
    run = subprocess.run([gongkai, "parse", path], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"gongkai parse {path} failed ({run.returncode}): {run.stderr.strip()}")
    return json.loads(run.stdout)


def clean(o):
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items() if k not in IGNORED}
    if isinstance(o, list):
        return [clean(v) for v in o]
    return o


def cells(rows):
    """Every cell as (row index, code, label, side, column) → value."""
    out = {}
    for i, r in enumerate(rows):
        for col, v in (r.get("cells") or {}).items():
            out[(i, r.get("code"), r.get("label"), r.get("side"), col)] = v
    return out


def main():
    gongkai, source, pdf, *must = sys.argv[1:]
    a = clean(parse(gongkai, source)["tables"])
    b = clean(parse(gongkai, pdf)["tables"])
    by_kind = {}
    for t in b:
        by_kind.setdefault(t["kind"], []).append(t)
    same, cells_all, cells_same, failed, extra = 0, 0, 0, [], []
    for t in a:
        u = by_kind.get(t["kind"], [])
        u = u.pop(0) if u else None
        want = cells(t.get("rows", []))
        got = cells(u.get("rows", [])) if u else {}
        ok_cells = sum(1 for k, v in want.items() if got.get(k) == v)
        cells_all += len(want)
        cells_same += ok_cells
        identical = u is not None and t == u
        same += identical
        print(f"  {'same' if identical else 'DIFF'}  {t['kind']:<28} rows {len(t.get('rows', []))}/"
              f"{len(u.get('rows', [])) if u else 0}  cells {ok_cells}/{len(want)}")
        if t["kind"] in must and not identical:
            failed.append(t["kind"])
        if identical and t["kind"] not in must:
            extra.append(t["kind"])
    print(f"  round trip: {same}/{len(a)} tables identical, {cells_same}/{cells_all} cells")
    if extra:
        print(f"  also round-trips now (add to the list in tests/write/pdf.sh): {' '.join(extra)}")
    if failed:
        print(f"  REGRESSION: no longer round-trips: {' '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
