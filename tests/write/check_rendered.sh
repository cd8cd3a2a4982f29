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
# Published documents rendered again (Markdown): the 情况说明 is written from
# the tables, so none of the source's narrative mistakes (NAR…) survive, and
# the document is titled 部门 or 单位 as its tables are (no DOC005).  What
# the writer adds where the source has no figures is a visible placeholder:
# the seeded 财政局 copy, its 支出决算表 removed, gets "文档未包含“支出决算表”"
# in 说明三, not "本年支出合计0万元"; 004 (a 单位预算) is titled so; the
# 规划局's 第一部分 stops where its tables begin (its source prints no
# 第二部分 heading before them).
SHARED=${SHARED:-$SRC/../shared}
if [ -d "$SHARED/corpus" ]; then
    for f in "$SHARED"/corpus/*.pdf "$SHARED"/corpus/*.txt; do
        name=$(basename "$f")
        "$GK" render --force "$f" -o "$TMP/corpus.md" 2>"$TMP/err" || { bad "render $name: $(cat "$TMP/err")"; continue; }
        out=$("$GK" check "$TMP/corpus.md")
        wrong=$(grep -E ': (error|warning)\[(NAR[0-9]+|DOC005)\]' <<<"$out")
        [ -z "$wrong" ] && ok || bad "$name rendered:"$'\n'"$wrong"
        case $name in
        sh-putuo-finance-2024-final-seeded-errors.pdf)
            grep -q '文档未包含“支出决算表”，本节的数字【待填写】' "$TMP/corpus.md" \
                && ! grep -q '本年支出合计0万元' "$TMP/corpus.md" && ok \
                || bad "$name: 说明三 without the 支出决算表" ;;
        004_*)
            grep -q '^# 凤县医疗保障局2024年单位预算' "$TMP/corpus.md" && ok \
                || bad "$name: title $(head -1 "$TMP/corpus.md")" ;;
        sh-putuo-planning-2024-final.pdf)
            ! sed -n '/^## 第一部分/,/^## 第二部分/p' "$TMP/corpus.md" | grep -q '情况说明' && ok \
                || bad "$name: 第一部分 runs into the 情况说明" ;;
        esac
    done
fi
# Excel keeps the facts (sheet 补充信息): the workbook renders the same
# document again, every fact equal and in order; a bad fact in it is refused
# with its sheet and row.
if [[ " $* " == *" xlsx "* ]]; then
    for f in "$SRC"/examples/*-render.json; do
        name=$(basename "$f" .json)
        "$GK" render "$f" -o "$TMP/$name.xlsx" && "$GK" render "$TMP/$name.xlsx" -o "$TMP/$name.again.json" \
            && "$GK" render "$TMP/$name.xlsx" -o "$TMP/$name.again.md" || { bad "$name: xlsx → json/md"; continue; }
        python3 -c 'import json, sys
a, b = (json.load(open(p))["facts"] for p in sys.argv[1:])
assert list(a.items()) == list(b.items()), "facts differ"' "$f" "$TMP/$name.again.json" && ok || bad "$name: facts not kept in .xlsx"
        grep -q ': 0 个错误，0 个警告，0 条提示$' <<<"$("$GK" check "$TMP/$name.again.md")" && ok \
            || bad "$name: .xlsx rendered again is not clean"
    done
    python3 - "$TMP/final-2024-render.xlsx" "$TMP/bad.xlsx" <<'PY'
import sys, zipfile
src, dst = sys.argv[1:]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "xl/sharedStrings.xml":
            data = data.replace(b"<t>398.56</t>", "<t>三九八</t>".encode())
        zout.writestr(item, data)
PY
    out=$("$GK" parse "$TMP/bad.xlsx" 2>&1 >/dev/null); status=$?
    [ "$status" = 2 ] && grep -q '工作表“补充信息”）：第 5 行（事项“上年/收入支出总计”）：应为金额或数字（如 "80.91"），实为 "三九八"' <<<"$out" \
        && ok || bad "bad fact in .xlsx: exit $status: $out"
fi
echo "check_rendered: $pass passed, $fail failed"
[ "$fail" = 0 ]
