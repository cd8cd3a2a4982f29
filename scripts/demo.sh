#!/bin/bash
# make demo: gongkai on the project's own example documents (examples/).
set -euo pipefail
GK=${1:-build/gongkai}
cd "$(dirname "$0")/.."
OUT=${DEMO_OUT:-build/demo}
mkdir -p "$OUT"

step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "${*:2}"; }

step "规则目录 / the rule catalogue" "$GK rules"
"$GK" rules

step "读取公开文档 / read a published document (first lines)" "$GK parse examples/final-2024.txt"
"$GK" parse examples/final-2024.txt >"$OUT/parsed.json"
head -n 20 "$OUT/parsed.json"
echo "…"

step "审核 / check (text)" "$GK check examples/*.txt"
"$GK" check examples/final-2024.txt examples/final-2024-faulty.txt examples/budget-2025.txt || true

step "审核 / check (JSON, one line per file)" "$GK check --format json examples/final-2024.txt"
"$GK" check --format json examples/final-2024.txt >"$OUT/findings.jsonl"
cut -c1-300 "$OUT/findings.jsonl"
echo "…"

step "生成 / render the report as JSON, and read it back unchanged" \
     "$GK render examples/final-2024.json -o $OUT/final-2024.json"
"$GK" render examples/final-2024.json -o "$OUT/final-2024.json"
cmp examples/final-2024.json "$OUT/final-2024.json" && echo "round trip: identical"

step "生成公开文档 / render the complete document: PDF, HTML, Excel, Markdown" \
     "$GK render examples/budget-2025-render.json -o $OUT/budget-2025.pdf"
for ext in pdf html xlsx md; do
    "$GK" render examples/budget-2025-render.json -o "$OUT/budget-2025.$ext"
done
"$GK" check "$OUT/budget-2025.pdf" | tail -1
printf '\n生成的文档 / the rendered documents:\n'
for ext in pdf html xlsx md; do
    printf '  %s  (%s bytes)\n' "$(realpath "$OUT/budget-2025.$ext")" "$(stat -c %s "$OUT/budget-2025.$ext")"
done
