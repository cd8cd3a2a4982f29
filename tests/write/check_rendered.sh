#!/usr/bin/env bash
# A rendered document passes gongkai check: from a consistent report with
# every fact given (examples/*-render.json), no finding of any severity in
# any format; from a report without facts (the example documents), no
# error and no warning but DOC001 at the visible 【待填写】 placeholders.
#   check_rendered.sh GONGKAI SOURCE_DIR FORMAT...
set -u
GK=$1 SRC=$2
shift 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

for fmt in "$@"; do
    for f in "$SRC"/examples/*-render.json; do
        name=$(basename "$f" .json)
        if ! "$GK" render "$f" -o "$TMP/$name.$fmt" 2>"$TMP/err"; then
            bad "render $name.$fmt: $(cat "$TMP/err")"; continue
        fi
        out=$("$GK" check "$TMP/$name.$fmt")
        grep -q ': 0 个错误，0 个警告，0 条提示$' <<<"$out" && ok || bad "$name.$fmt:"$'\n'"$out"
    done
    for f in final-2024.txt budget-2025.txt; do
        name=${f%.txt}
        "$GK" render "$SRC/examples/$f" -o "$TMP/$name.$fmt" 2>"$TMP/err" || { bad "render $f → .$fmt: $(cat "$TMP/err")"; continue; }
        out=$("$GK" check "$TMP/$name.$fmt")
        others=$(grep -E ': (error|warning)\[' <<<"$out" | grep -v 'warning\[DOC001\]')
        placeholders=$(grep -c 'warning\[DOC001\]' <<<"$out")
        [ -z "$others" ] && [ "$placeholders" -gt 0 ] && ok \
            || bad "$f → .$fmt: want DOC001 warnings only, got $placeholders and:"$'\n'"$others"
    done
done
echo "check_rendered: $pass passed, $fail failed"
[ "$fail" = 0 ]
