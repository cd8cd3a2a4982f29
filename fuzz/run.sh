#!/bin/bash
# Run the libFuzzer targets, each for a while, on seed corpora built here.
#
#   fuzz/run.sh BUILD SECONDS [TARGET…]     (make fuzz: build-fuzz, FUZZ_SECONDS)
#
# TARGET is amount, text, pdf, json, formula, xlsx or render (default: all, one
# after the other).  The working corpora live in BUILD/fuzz-corpus/TARGET and grow from
# run to run; seeds are copied into them at the start of each run:
#   amount   a few printed amounts written here
#   text     ../shared/corpus/*.txt (and *.pages.txt), examples/*.txt, whole
#            and cut into pieces of about 4 KB
#   pdf      fuzz/seeds/table.pdf, ../shared/corpus/*.pdf under 400 KB
#   json     examples/final-2024.json, tests/expected/*.json, and
#            `gongkai parse` (BUILD/gongkai) of the corpus documents and of
#            the 4 KB pieces of the text documents
#   render   the json seeds and examples/*.json (reports to compose and write)
#   formula  data/rules/*.rules
#   xlsx     the examples rendered to .xlsx (BUILD/gongkai), the 2026
#            templates, and their sheet, shared-string and styles parts as
#            the "\n--\n"-separated XML the target packs itself
# Documents of the shared corpus are only ever copied to BUILD, never into
# the repository.  A crash, leak, timeout or out-of-memory leaves its input in
# BUILD/fuzz-artifacts/TARGET/ and makes this script fail; keep it as a
# regression test in tests/regress/TARGET/ (fuzz/README.md).
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:?usage: fuzz/run.sh BUILD SECONDS [TARGET...]}
SECONDS_EACH=${2:?usage: fuzz/run.sh BUILD SECONDS [TARGET...]}
shift 2
TARGETS=${*:-amount text pdf json formula xlsx render}
SHARED=${GK_SHARED_DIR:-../shared}/corpus
CORPUS=$BUILD/fuzz-corpus
ARTIFACTS=$BUILD/fuzz-artifacts
LOGS=$BUILD/fuzz-logs
mkdir -p "$LOGS"

# Copy files into a corpus directory under a name of their content, so that
# copying again adds nothing.
seed() {
    local dir=$1 f sum
    shift
    mkdir -p "$dir"
    for f in "$@"; do
        [ -f "$f" ] || continue
        sum=$(sha1sum < "$f" | cut -c1-40)
        [ -e "$dir/$sum" ] || cp "$f" "$dir/$sum"
    done
}

seed_amount() {
    local dir=$CORPUS/amount i=0 s
    mkdir -p "$dir"
    for s in '1,234.56' '341. 39' '138 . 59' '３４１．３９' '-12.5' '－12.5' '−12.5' '-' '—' '——' \
             '' '　' '9.18 9.18' '9.1\n9.18' '101.80\n341.39' '9223372036854775807' \
             '0.000000001\n-92233720368.54775808' '1，234，567.80\n0.5' '5.43\n5.4' '12%%'; do
        printf -- "$s" > "$dir/seed$((i++))"
    done
}

# The text documents cut into pieces of about 4 KB at line ends, in
# BUILD/fuzz-seeds/text: single tables and paragraphs run a hundred times
# faster than whole documents.
text_pieces() {
    local out=$BUILD/fuzz-seeds/text f
    mkdir -p "$out"
    for f in "$SHARED"/*.txt examples/*.txt; do
        [ -f "$f" ] && split -C 4096 -d -a 3 "$f" "$out/$(basename "$f")."
    done
}

seed_text() {
    text_pieces
    seed "$CORPUS/text" "$SHARED"/*.txt examples/*.txt "$BUILD"/fuzz-seeds/text/*
}

seed_pdf() {
    local small=() f
    for f in "$SHARED"/*.pdf; do
        [ -f "$f" ] && [ "$(stat -c %s "$f")" -lt 400000 ] && small+=("$f")
    done
    seed "$CORPUS/pdf" fuzz/seeds/table.pdf "${small[@]}"
}

seed_json() {
    local out=$BUILD/fuzz-seeds/json f
    mkdir -p "$out"
    text_pieces
    if [ -x "$BUILD/gongkai" ]; then
        for f in "$SHARED"/*.txt "$SHARED"/*.pdf examples/*.txt fuzz/seeds/table.pdf \
                 "$BUILD"/fuzz-seeds/text/*; do
            [ -f "$f" ] || continue
            [ -s "$out/$(basename "$f").json" ] ||
                ASAN_OPTIONS=detect_leaks=0 "$BUILD/gongkai" parse "$f" \
                    > "$out/$(basename "$f").json" 2>/dev/null || true
        done
    fi
    seed "$CORPUS/json" examples/final-2024.json tests/expected/*.json "$out"/*.json
}

seed_render() {                 # reports: the JSON target's seeds
    seed_json
    seed "$CORPUS/render" examples/*.json tests/expected/*.json "$BUILD"/fuzz-seeds/json/*.json
}

seed_formula() {
    seed "$CORPUS/formula" data/rules/*.rules
}

seed_xlsx() {
    local out=$BUILD/fuzz-seeds/xlsx f i
    mkdir -p "$out"
    if [ -x "$BUILD/gongkai" ]; then
        for f in examples/final-2024.txt examples/budget-2025.txt; do
            [ -s "$out/$(basename "$f").xlsx" ] ||
                ASAN_OPTIONS=detect_leaks=0 "$BUILD/gongkai" render "$f" -o "$out/$(basename "$f").xlsx" \
                    2>/dev/null || true
        done
    fi
    for f in "$SHARED"/templates/*.xlsx; do
        [ -f "$f" ] && cp "$f" "$out/"
    done
    for f in "$out"/*.xlsx; do
        [ -f "$f" ] || continue
        for i in 2 7 8 14; do      # a sheet, the shared strings, the styles, a second sheet
            { unzip -p "$f" "xl/worksheets/sheet$i.xml"; printf '\n--\n'
              unzip -p "$f" xl/sharedStrings.xml; printf '\n--\n'
              unzip -p "$f" xl/styles.xml; printf '\n--\n'
              unzip -p "$f" xl/worksheets/sheet1.xml; } > "$out/$(basename "$f").$i.parts" 2>/dev/null
        done
    done
    seed "$CORPUS/xlsx" "$out"/*
}

# Options per target: inputs are short amounts, whole documents or rule files.
options() {
    case $1 in
    amount)  echo "-max_len=128" ;;
    text)    echo "-dict=fuzz/text.dict -timeout=10 -max_len=8192" ;;   # 10× the runs of whole documents
    pdf)     echo "-timeout=60 -close_fd_mask=2" ;;   # poppler alone can take 30 s on a damaged PDF
    json)    echo "-dict=fuzz/json.dict -timeout=10 -max_len=16384" ;;
    render)  echo "-dict=fuzz/json.dict -timeout=20 -max_len=16384" ;;
    formula) echo "-dict=fuzz/formula.dict -timeout=10" ;;
    xlsx)    echo "-dict=fuzz/xlsx.dict -timeout=10 -max_len=262144" ;;
    esac
}

failed=""
for t in $TARGETS; do
    bin=$BUILD/fuzz/fuzz_$t
    if [ ! -x "$bin" ]; then
        echo "fuzz: $bin missing (cmake --build $BUILD --target fuzz_all)" >&2
        exit 2
    fi
    "seed_$t"
    mkdir -p "$ARTIFACTS/$t"
    log=$LOGS/$t.log
    # shellcheck disable=SC2046
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$bin" -max_total_time="$SECONDS_EACH" -print_final_stats=1 \
               -artifact_prefix="$ARTIFACTS/$t/" $(options "$t") "$CORPUS/$t" > "$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")
    last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 | sed 's/.*\(cov: [0-9]*\).*\(ft: [0-9]*\).*\(corp: [^ ]*\).*/\1 \2 \3/')
    printf 'fuzz_%-8s %8s runs in %4ss  %s\n' "$t" "${runs:-?}" "${secs:-?}" "$last"
    if [ $rc -ne 0 ]; then
        echo "fuzz_$t FAILED (exit $rc); the end of $log:" >&2
        grep -v '^#[0-9]' "$log" | tail -40 >&2
        failed="$failed $t"
    fi
done
if [ -n "$failed" ]; then
    echo "fuzz: failures in:$failed; inputs in $ARTIFACTS/" >&2
    exit 1
fi
