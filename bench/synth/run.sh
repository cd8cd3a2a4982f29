#!/bin/bash
# bench/synth/run.sh — throughput of `gongkai check` on synthetic 决算
# documents, against `wc -m` over the same files in the same run.
#
# Generates COUNT (default 10000) documents with build/synth into a temporary
# folder, then for the first 10 and for all of them times
#   wc -m FILES                         (one process)
#   gongkai check --format json FILES   serially (-j 1) and with -j NPROC
#                                        (when check has -j)
# and prints wall seconds, documents/s, MB/s, the ratio to wc -m, CPU seconds
# (user + system) and their ratio, and the peak RSS
# (/usr/bin/time -v; Debian package `time`). With 10 documents every command
# is run ROUNDS10 (default 20) times and the times are per run.
# Finally the planted mistakes are scored (score.sh) on the same folder.
#   BUILD=build-synth COUNT=10000 SEED=1 bench/synth/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
GK=$BUILD/gongkai
SYNTH=$BUILD/synth
COUNT=${COUNT:-10000}
SEED=${SEED:-1}
ROUNDS10=${ROUNDS10:-20}
NPROC=$(nproc 2>/dev/null || echo 2)
[ -x "$GK" ] && [ -x "$SYNTH" ] || { echo "run.sh: build $GK and $SYNTH first" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
    echo "run.sh: /usr/bin/time missing; installing the Debian package 'time'" >&2
    apt-get install -y time >/dev/null
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
t0=$(date +%s.%N)
"$SYNTH" --seed "$SEED" --count "$COUNT" --out "$TMP/docs"
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v n="$COUNT" 'BEGIN { printf "generated %d documents in %.2f s (%.0f docs/s)\n", n, b - a, n / (b - a) }'

modes=("-j 1")
if "$GK" check --help 2>&1 | grep -q -- ' -j'; then
    modes+=("-j $NPROC")
fi

# measure ROUNDS CMD...: wall time per run (date), CPU time (user + system)
# per run and peak RSS (time -v) of running CMD ROUNDS times; prints
# "SECONDS CPU_SECONDS RSS_KB".
measure() {
    local rounds=$1
    shift
    local a b rss=0 r cpu=0
    a=$(date +%s.%N)
    for ((i = 0; i < rounds; i++)); do
        /usr/bin/time -v -o "$TMP/time.txt" "$@" >/dev/null 2>"$TMP/stderr" || {
            s=$?
            # gongkai check exits 1 when a document has an error finding
            [ $s -eq 1 ] || { echo "run.sh: $* exited with $s" >&2; cat "$TMP/stderr" >&2; exit 2; }
        }
        r=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/time.txt")
        [ "$r" -gt "$rss" ] && rss=$r
        cpu=$(awk -F': ' -v c="$cpu" '/(User|System) time \(seconds\)/ { c += $2 } END { print c }' "$TMP/time.txt")
    done
    b=$(date +%s.%N)
    awk -v a="$a" -v b="$b" -v n="$rounds" -v r="$rss" -v c="$cpu" 'BEGIN { printf "%.6f %.6f %d\n", (b - a) / n, c / n, r }'
}

bench() {
    local n=$1 rounds=$2
    local files=()
    for ((k = 0; k < n; k++)); do files+=("$(printf '%s/docs/doc-%05d.txt' "$TMP" "$k")"); done
    local bytes
    bytes=$(cat "${files[@]}" | wc -c)
    echo
    echo "== $n documents, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')$([ "$rounds" -gt 1 ] && echo ", $rounds runs each, times per run")"
    printf '%-36s %9s %8s %7s %8s %8s %9s %10s\n' command "wall s" docs/s MB/s "÷ wc -m" "cpu s" "cpu ÷ wc" "peak RSS"
    read -r wsec wcpu wrss < <(measure "$rounds" wc -m "${files[@]}")
    awk -v s="$wsec" -v c="$wcpu" -v n="$n" -v b="$bytes" -v r="$wrss" 'BEGIN {
        printf "%-36s %9.4f %8.0f %7.1f %8s %8.3f %9s %7.1f MB\n", "wc -m", s, n / s, b / 1e6 / s, "1.00", c, "1.00", r / 1024 }'
    for m in "${modes[@]}"; do
        # shellcheck disable=SC2086
        read -r gsec gcpu grss < <(measure "$rounds" "$GK" check $m --format json "${files[@]}")
        awk -v s="$gsec" -v w="$wsec" -v c="$gcpu" -v wc="$wcpu" -v n="$n" -v b="$bytes" -v r="$grss" \
            -v m="gongkai check $m --format json" 'BEGIN {
            printf "%-36s %9.4f %8.0f %7.1f %8.2f %8.3f %9s %7.1f MB\n", m, s, n / s, b / 1e6 / s, s / w, c,
                   (wc > 0 ? sprintf("%.2f", c / wc) : "n/a"), r / 1024 }'
    done
}

bench 10 "$ROUNDS10"
bench "$COUNT" 1

echo
echo "== planted mistakes ($COUNT documents)"
"$(dirname "$0")/score.sh" "$TMP/docs" "$GK" 2>/dev/null
