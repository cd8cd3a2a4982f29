#!/bin/bash
# score.sh DIR [GONGKAI] — check every synthetic document in DIR (written by
# build/synth, with DIR/manifest.jsonl) and score the findings against the
# planted mistakes:
#   recall       a planted mistake is found if some error or warning finding
#                has a location on its line (a removed table: a COMP finding
#                anywhere in the document); also given per kind, and with
#                info findings counted ("any severity")
#   false errors error findings in clean documents; and, in faulty
#                documents, error findings with no location on a planted line
#                (these include the direct consequences of a changed cell,
#                such as its parent row's sum, so they are listed apart)
# Options through the environment: JOBS=N passes -j N to gongkai check when
# it has -j; SCORE_LIST=1 lists every miss and every false error.
set -euo pipefail
DIR=${1:?usage: score.sh DIR [GONGKAI]}
GK=${2:-$(dirname "$0")/../../build/gongkai}
[ -f "$DIR/manifest.jsonl" ] || { echo "score.sh: $DIR/manifest.jsonl missing" >&2; exit 2; }

par=()
if "$GK" check --help 2>&1 | grep -q -- ' -j'; then
    par=(-j "${JOBS:-$(nproc 2>/dev/null || echo 2)}")
fi
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
t0=$(date +%s.%N)
status=0
"$GK" check "${par[@]}" --format json "$DIR" >"$OUT" || status=$?
t1=$(date +%s.%N)
if [ "$status" -gt 1 ]; then
    echo "score.sh: gongkai check exited with $status" >&2
    exit 2
fi

python3 - "$DIR/manifest.jsonl" "$OUT" "$t0" "$t1" "${par[*]:-serial}" <<'EOF'
import json, os, sys
manifest, out, t0, t1, mode = sys.argv[1:6]
planted = {}
for line in open(manifest, encoding="utf-8"):
    if line.strip():
        o = json.loads(line)
        planted[o["file"]] = o["mistakes"]
found = {}
for line in open(out, encoding="utf-8"):
    if line.strip():
        o = json.loads(line)
        found[os.path.basename(o["file"])] = o.get("findings", [])
listing = os.environ.get("SCORE_LIST") == "1"

def lines_of(f):
    ls = {f.get("line")}
    for loc in f.get("locations") or []:
        ls.add(loc.get("line"))
    ls.discard(None)
    return ls

docs = len(planted)
missing = [f for f in planted if f not in found]
nmist = 0
hit = hit_any = 0
per_kind = {}
false_clean = false_faulty = 0
clean_docs = faulty_docs = 0
clean_warn = 0
for fname, mistakes in sorted(planted.items()):
    fs = found.get(fname, [])
    if not mistakes:
        clean_docs += 1
        for f in fs:
            if f["severity"] == "error":
                false_clean += 1
                if listing:
                    print(f"false error (clean doc) {fname}:{f.get('line')} {f['rule']} {f['message']}")
            elif f["severity"] == "warning":
                clean_warn += 1
                if listing:
                    print(f"warning (clean doc) {fname}:{f.get('line')} {f['rule']} {f['message']}")
        continue
    faulty_docs += 1
    planted_lines = {m["line"] for m in mistakes}
    removed = any(m["kind"] == "table_removed" for m in mistakes)
    for m in mistakes:
        nmist += 1
        k = per_kind.setdefault(m["kind"], [0, 0, 0])
        k[0] += 1
        if m["kind"] == "table_removed":
            ok = any(f["rule"].startswith("COMP") and f["severity"] in ("error", "warning") for f in fs)
            ok_any = any(f["rule"].startswith("COMP") for f in fs)
        else:
            ok = any(m["line"] in lines_of(f) for f in fs if f["severity"] in ("error", "warning"))
            ok_any = any(m["line"] in lines_of(f) for f in fs)
        hit += ok
        hit_any += ok_any
        k[1] += ok
        k[2] += ok_any
        if listing and not ok:
            print(f"missed {fname}:{m['line']} {m['kind']} {m['detail']}"
                  + (" (found as info)" if ok_any else ""))
    for f in fs:
        on_plan = bool(lines_of(f) & planted_lines) or (
            removed and f["rule"].startswith("COMP"))
        if f["severity"] == "error" and not on_plan:
            false_faulty += 1
            if listing:
                print(f"unplanned-line error (faulty doc) {fname}:{f.get('line')} {f['rule']} {f['message']}")

secs = float(t1) - float(t0)
def pct(a, b):
    return f"{100.0 * a / b:.2f}%" if b else "n/a"
print(f"documents            {docs} ({clean_docs} clean, {faulty_docs} with planted mistakes)"
      + (f", {len(missing)} without output" if missing else ""))
print(f"planted mistakes     {nmist}")
print(f"recall               {hit}/{nmist} = {pct(hit, nmist)} (error or warning on the line)")
print(f"recall, any severity {hit_any}/{nmist} = {pct(hit_any, nmist)} (info counted too)")
for kind in sorted(per_kind):
    n, h, ha = per_kind[kind]
    print(f"  {kind:<18} {h:>6}/{n:<6} {pct(h, n):>8}   any severity {pct(ha, n):>8}")
print(f"false errors, clean  {false_clean} in {clean_docs} clean documents"
      f" = {false_clean / clean_docs if clean_docs else 0:.4f} per document"
      f" (warnings: {clean_warn})")
print(f"errors off the planted lines in faulty documents {false_faulty}"
      f" = {false_faulty / faulty_docs if faulty_docs else 0:.4f} per document"
      " (mostly consequences of a changed cell: parent sums, linked tables)")
print(f"time                 {secs:.2f} s for gongkai check ({mode}), {docs / secs:.0f} docs/s")
EOF
