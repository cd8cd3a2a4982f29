#!/bin/bash
# CLI tests: exit statuses, messages, and round trips through build/gongkai.
#   run.sh GONGKAI SOURCE_DIR SHARED_DIR
set -u
GK=$1
SRC=$2
SHARED=${3:-$SRC/../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0

ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# expect STATUS PATTERN -- command...: exit status and a pattern in its
# stdout+stderr (empty pattern: anything).
expect() {
    local want=$1 pattern=$2
    shift 3
    local out status
    out=$("$@" 2>&1)
    status=$?
    if [ "$status" != "$want" ]; then
        bad "$* → exit $status, want $want"$'\n'"$out"
    elif [ -n "$pattern" ] && ! grep -q -- "$pattern" <<<"$out"; then
        bad "$* → output lacks '$pattern'"$'\n'"$out"
    else
        ok
    fi
}

EX=$SRC/examples/final-2024.json

# Usage and version.
expect 2 "缺少命令" -- "$GK"
expect 2 "未知命令 'frobnicate'" -- "$GK" frobnicate
expect 0 "gongkai parse" -- "$GK" --help
expect 0 "gongkai check" -- "$GK" help check
expect 0 "^gongkai [0-9]" -- "$GK" --version
expect 2 "未知选项 '--bogus'" -- "$GK" parse --bogus "$EX"
expect 2 "缺少输入文件" -- "$GK" parse
expect 2 "缺少输入文件" -- "$GK" check
expect 2 "--format 应为 text、json、csv 或 html" -- "$GK" check --format xml "$EX"
expect 2 "缺少 -o" -- "$GK" render "$EX"
expect 2 "多余的参数" -- "$GK" rules extra

# Unreadable inputs: exit 2, message names the file and the reason.
expect 2 "$TMP/missing.txt: 无法打开" -- "$GK" parse "$TMP/missing.txt"
expect 2 "$TMP: 这是一个目录" -- "$GK" parse "$TMP"
: >"$TMP/empty.txt"
expect 2 "empty.txt: 文件为空" -- "$GK" parse "$TMP/empty.txt"
printf '{"format": "gongkai-report/1", "tables": [' >"$TMP/trunc.json"
expect 2 "trunc.json:1:.*JSON 语法错误" -- "$GK" parse "$TMP/trunc.json"
# Text documents: the example reads to its hand-written report; a GB18030
# copy reads the same; notes go to standard error.
"$GK" parse "$SRC/examples/final-2024.txt" >"$TMP/t.json" 2>"$TMP/t.err" && ok || bad "parse final-2024.txt"
[ ! -s "$TMP/t.err" ] && ok || bad "parse final-2024.txt printed notes: $(cat "$TMP/t.err")"
grep -q '"kind": "three_public"' "$TMP/t.json" && ok || bad "parse final-2024.txt: no three_public"
iconv -f UTF-8 -t GB18030 "$SRC/examples/final-2024.txt" >"$TMP/gbk.txt"
"$GK" parse "$TMP/gbk.txt" >"$TMP/g.json" 2>&1 && cmp -s "$TMP/t.json" "$TMP/g.json" && ok || bad "GB18030 copy reads differently"
expect 0 "0 个错误，0 个警告" -- "$GK" check "$SRC/examples/final-2024.txt"
# PDFs: a truncated one, and one whose page has no text (a scan) — exit 2
# with the reason.
printf '%%PDF-1.7\n' >"$TMP/x.pdf"
expect 2 "x.pdf: 无法读取 PDF" -- "$GK" parse "$TMP/x.pdf"
python3 "$SRC/tests/cli/mkpdf.py" scan "$TMP/scan.pdf"
expect 2 "scan.pdf: PDF 没有文字层" -- "$GK" check "$TMP/scan.pdf"
# --ocr: a page OCR'd that holds nothing; OCR off; a bad value.
expect 2 "scan.pdf: PDF 没有文字层（可能是扫描件），文字识别（OCR）也未读出文字" -- "$GK" parse --ocr always "$TMP/scan.pdf"
expect 2 "未启用文字识别（--ocr never）" -- "$GK" check --ocr=never "$TMP/scan.pdf"
expect 2 "--ocr 应为 auto、always 或 never" -- "$GK" render --ocr sometimes "$TMP/scan.pdf" -o "$TMP/x.md"
head -c 4096 /dev/urandom >"$TMP/noise.bin"
expect 2 "noise.bin" -- "$GK" check "$TMP/noise.bin"

# parse: a JSON report prints back unchanged; from standard input too.
"$GK" parse "$EX" >"$TMP/p.json" 2>&1 && cmp -s "$TMP/p.json" "$EX" && ok || bad "parse $EX is not identical"
"$GK" parse - <"$EX" >"$TMP/p2.json" 2>&1 && cmp -s "$TMP/p2.json" "$EX" && ok || bad "parse - is not identical"
# One bad file among good ones: the good ones are still printed, exit 2.
expect 2 "无法打开" -- "$GK" parse "$EX" "$TMP/missing.txt"

# render: .json round trip; a document in Markdown; failures leave no file.
"$GK" render "$EX" -o "$TMP/r.json" && cmp -s "$TMP/r.json" "$EX" && ok || bad "render .json differs"
"$GK" render "$EX" -o "$TMP/r.md" && grep -q '^| 项目 |' "$TMP/r.md" && ok || bad "render .md"
expect 2 "标准输出：写入失败" -- sh -c "'$GK' render '$EX' -o - >/dev/full"
# render writes a document from consistent figures only: the faulty example's
# errors are printed and nothing is written; --force writes it, saying so.
expect 1 "final-2024-faulty.txt: 输入有 9 个错误，未生成 $TMP/faulty.md" -- "$GK" render "$SRC/examples/final-2024-faulty.txt" -o "$TMP/faulty.md"
[ ! -e "$TMP/faulty.md" ] && ok || bad "render of an input with errors wrote it"
out=$("$GK" render "$SRC/examples/final-2024-faulty.txt" -o "$TMP/faulty.md" 2>&1)
grep -q "final-2024-faulty.txt:144: error\[EXP001\]" <<<"$out" && ok || bad "render: the input's errors are not named: $out"
expect 0 "输入有 9 个错误，按 --force 仍然生成" -- "$GK" render --force "$SRC/examples/final-2024-faulty.txt" -o "$TMP/faulty.md"
[ -s "$TMP/faulty.md" ] && ok || bad "render --force wrote nothing"
expect 2 "无法从扩展名判断输出格式" -- "$GK" render "$EX" -o "$TMP/r.doc"
expect 2 "无法写入" -- "$GK" render "$EX" -o "$TMP/no/such/dir/r.json"
# The rendered file has a new file's mode (0666 less the umask), not 0600;
# interrupted, render leaves no temporary file, whenever the signal comes.
(umask 022 && "$GK" render "$EX" -o "$TMP/m644.md") && [ "$(stat -c %a "$TMP/m644.md")" = 644 ] && ok || bad "render: mode $(stat -c %a "$TMP/m644.md"), want 644"
(umask 077 && "$GK" render "$EX" -o "$TMP/m600.md") && [ "$(stat -c %a "$TMP/m600.md")" = 600 ] && ok || bad "render: mode under umask 077"
mkdir -p "$TMP/sig"
for delay in 0.01 0.03 0.06 0.1 0.2; do
    "$GK" render "$SRC/examples/budget-2025-render.json" -o "$TMP/sig/r.pdf" & pid=$!
    sleep "$delay"; kill -INT "$pid" 2>/dev/null; wait "$pid"; st=$?
    { [ "$st" = 0 ] || [ "$st" = 130 ]; } && ok || bad "render interrupted after ${delay}s: exit $st"
done
[ -z "$(ls "$TMP/sig" | grep tmp-)" ] && ok || bad "render left $(ls "$TMP/sig")"
# A fact of the wrong kind: the path to it, what was expected, no file.
python3 -c 'import json, sys
d = json.load(open(sys.argv[1])); d["facts"]["统计/公务用车保有量"] = "1.5"; d["facts"]["去年/三公经费"] = "3"
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)' "$SRC/examples/final-2024-render.json" "$TMP/badfact.json"
expect 2 'badfact.json: facts.统计/公务用车保有量：应为非负整数，实为 "1.5"' -- "$GK" render "$TMP/badfact.json" -o "$TMP/badfact.md"
[ ! -e "$TMP/badfact.md" ] && ok || bad "render left a file after a bad fact"

# A rendered HTML document reads back as its Markdown does: <!DOCTYPE>, comments
# and character references (&quot;三公&quot;) are markup, not text.
"$GK" render "$SRC/examples/final-2024.txt" -o "$TMP/h.html" && "$GK" render "$SRC/examples/final-2024.txt" -o "$TMP/h.md" || bad "render .html/.md"
findings() { "$GK" check "$1" 2>&1 | grep -o '\(error\|warning\|info\)\[.*'; }
if [ -n "$(findings "$TMP/h.md")" ] && [ "$(findings "$TMP/h.html")" = "$(findings "$TMP/h.md")" ]; then ok; else bad "check h.html differs from h.md"$'\n'"$(diff <(findings "$TMP/h.html") <(findings "$TMP/h.md"))"; fi
"$GK" parse "$TMP/h.html" >"$TMP/h.json" && grep -q '"unit": "示例县医疗保障局"' "$TMP/h.json" &&
    grep -q '"title": "财政拨款\\"三公\\"经费支出决算表"' "$TMP/h.json" && ! grep -q 'DOCTYPE\|&quot;' "$TMP/h.json" && ok || bad "parse h.html: unit, title"
# The page's CSS is no text: no paragraph with a style rule, and about the
# Markdown's paragraphs (the HTML adds its cover lines and charts' labels,
# the Markdown its charts' items; its CSS once added about a hundred lines).
"$GK" parse "$TMP/h.md" >"$TMP/hm.json"
python3 -c 'import json, sys
h, m = ([p["text"] for p in json.load(open(f))["narrative"]] for f in sys.argv[1:])
assert not any("{" in t or "font-" in t for t in h), [t for t in h if "{" in t][:3]
assert len(m) - 10 <= len(h) <= len(m) + 30, (len(h), len(m))' "$TMP/h.json" "$TMP/hm.json" && ok || bad "h.html: CSS read as paragraphs"

# rules: the catalogue.
expect 0 "^CLS001 *error" -- "$GK" rules

# check: the consistent example has no error; JSON output is one line per file.
expect 0 "0 个错误" -- "$GK" check "$EX"
out=$("$GK" check --format json "$EX" "$EX")
[ "$(wc -l <<<"$out")" = 2 ] && ok || bad "check --format json: want 2 lines"
grep -q '"file":"'"$EX"'","status":"clean","unit":"示例县医疗保障局","year":2024,"kind":"final"' <<<"$out" && ok || bad "check json header: $out"

# A planted classification mistake is an error / warning at its line.
sed 's/"code": "2101501"/"code": "21015O1"/' "$EX" | sed 's/"O1"/"O1"/' >"$TMP/bad.json"
expect 2 "科目代码应只含数字" -- "$GK" check "$TMP/bad.json"
sed 's/"code": "2210201", "label": "住房公积金"/"code": "2210201", "label": "购房补贴"/' "$EX" >"$TMP/name.json"
expect 0 "warning\[CLS003\]: 科目 2210201 的名称为“住房公积金”，表中为“购房补贴”" -- "$GK" check "$TMP/name.json"
sed 's/"code": "2210201"/"code": "221020"/' "$EX" >"$TMP/form.json"
expect 1 "error\[CLS001\]: 科目代码“221020”格式不正确" -- "$GK" check "$TMP/form.json"
expect 1 "" -- "$GK" check --quiet "$TMP/form.json"
n=$("$GK" check --quiet "$TMP/form.json" | grep -c "warning\|info")
[ "$n" = 0 ] && ok || bad "--quiet printed $n non-errors"
# --min-severity: the findings below it are left out of every format (the
# summary still counts them); a bad level is bad usage.
FAULTY="$SRC/examples/final-2024-faulty.txt"
for fmt in text json csv; do
    case $fmt in
    text) info='info\[' ;;
    json) info='"severity":"info"' ;;
    csv) info=',提示,' ;;
    esac
    all=$("$GK" check --format $fmt "$FAULTY" 2>/dev/null | grep -c -- "$info")
    some=$("$GK" check --format $fmt --min-severity warning "$FAULTY" 2>/dev/null | grep -c -- "$info")
    warn=$("$GK" check --format $fmt --min-severity=warning "$FAULTY" 2>/dev/null | grep -c 'DOC001')
    [ "$all" -gt 0 ] && [ "$some" = 0 ] && [ "$warn" -ge 1 ] && ok ||
        bad "--min-severity warning --format $fmt: $some of $all infos left, $warn DOC001"
done
expect 1 "9 个错误，1 个警告，2 条提示" -- "$GK" check --min-severity error "$FAULTY"
expect 2 "--min-severity 应为 error、warning 或 info" -- "$GK" check --min-severity fatal "$FAULTY"

# annotate: the PDF with its findings drawn on it; check's exit status; not a PDF → 2.
PDF="$SHARED/corpus/sh-putuo-finance-2024-final-seeded-errors.pdf"
if [ -f "$PDF" ]; then
    expect 1 "已标注 [0-9]* 处，写入 $TMP/annotated.pdf" -- "$GK" annotate "$PDF" -o "$TMP/annotated.pdf"
    [ "$(pdftotext "$TMP/annotated.pdf" - | wc -l)" = "$(pdftotext "$PDF" - | wc -l)" ] && ok ||
        bad "annotate: the annotated PDF does not read as its source"
    cmp -s -n "$(stat -c %s "$PDF")" "$PDF" "$TMP/annotated.pdf" && ok || bad "annotate: the source's bytes changed"
fi
expect 2 "不是 PDF：只有 PDF 才能标注" -- "$GK" annotate "$SRC/examples/final-2024.txt" -o "$TMP/not-annotated.pdf"
[ ! -e "$TMP/not-annotated.pdf" ] && ok || bad "annotate of a text left a file"
expect 2 "缺少 -o 输出文件" -- "$GK" annotate "$SRC/examples/final-2024.txt"

# Fingerprints: the same finding, the same fingerprint, whatever its line —
# the faulty example and its rendering (other lines) share the table findings';
# --accept leaves accepted ones out of the verdict, says how many, and refuses
# an acceptance without a reason.
fps() { "$GK" check --format json "$1" | python3 -c 'import json, sys
d = json.loads(sys.stdin.readline())
print(" ".join(sorted(f["rule"] + ":" + f["fingerprint"] + ":" + str(f["line"]) for f in d["findings"] if f["rule"] in ("EXP001", "BAS001", "FUND001"))))'; }
"$GK" render --force "$FAULTY" -o "$TMP/faulty-again.md" 2>/dev/null
a=$(fps "$FAULTY") b=$(fps "$TMP/faulty-again.md")
[ -n "$a" ] && [ "$(sed 's/:[0-9]* / /g; s/:[0-9]*$//' <<<"$a")" = "$(sed 's/:[0-9]* / /g; s/:[0-9]*$//' <<<"$b")" ] && [ "$a" != "$b" ] && ok ||
    bad "fingerprints differ after rendering: $a / $b"
"$GK" check --format json "$FAULTY" | python3 -c 'import json, sys
for f in json.loads(sys.stdin.readline())["findings"]:
    if f["rule"] in ("EXP001", "BAS001"): print(f["fingerprint"], " 经复核：示例中故意植入")' >"$TMP/accept.txt"
echo "# 复核清单" >>"$TMP/accept.txt"
expect 1 "7 个错误，1 个警告，2 条提示（另有 2 条已接受，见 --accept）" -- "$GK" check --accept "$TMP/accept.txt" "$FAULTY"
n=$("$GK" check --accept "$TMP/accept.txt" --format json "$FAULTY" | python3 -c 'import json, sys; d = json.loads(sys.stdin.readline()); print(d["accepted"], len(d["findings"]))')
[ "$n" = "2 10" ] && ok || bad "--accept json: $n"
printf '%s\n' "$(head -c 16 "$TMP/accept.txt")" >"$TMP/noreason.txt"
expect 2 "noreason.txt:1: 指纹“.*”后缺少接受理由" -- "$GK" check --accept "$TMP/noreason.txt" "$FAULTY"

# --rules: a user's own formula adds findings; a bad file is refused.
cat >"$TMP/my.rules" <<'RULES'
[MY001] warning 自定义示例：基本支出合计不应超过行政运行（2101501）支出
expense["合计"].基本支出 <= expense[2101501].本年支出合计
RULES
expect 0 "warning\[MY001\]" -- "$GK" check --rules "$TMP/my.rules" "$SRC/examples/final-2024.txt"
printf '[X1] error x\nexpense[*].a = \n' >"$TMP/bad.rules"
expect 2 "bad.rules:2: 应为表类型" -- "$GK" check --rules "$TMP/bad.rules" "$SRC/examples/final-2024.txt"
expect 2 "no/such.rules: 无法打开" -- "$GK" check --rules "$TMP/no/such.rules" "$SRC/examples/final-2024.txt"
# The planted table mistakes of the faulty example are errors at their lines.
expect 1 "final-2024-faulty.txt:144: error\[EXP001\]: .*使 3 个平衡关系不成立（EXP001、EXP002、EXP002）" -- "$GK" check "$SRC/examples/final-2024-faulty.txt"
out=$("$GK" check "$SRC/examples/final-2024-faulty.txt" | grep -A2 ':144: error\[EXP001\]')
grep -q '^    | 21011  行政事业单位医疗  10.2  10.29' <<<"$out" && ok || bad "no source line under the finding: $out"
grep -q '^    |                          ^^^^$' <<<"$out" && ok || bad "no caret under 10.2: $out"

# A directory is walked: its documents in name order (sub-directories too,
# hidden files and other extensions skipped); the worst status wins.
mkdir -p "$TMP/docs/b" "$TMP/docs/.hidden"
cp "$SRC/examples/final-2024.txt" "$TMP/docs/b/2.txt"
cp "$SRC/examples/final-2024-faulty.txt" "$TMP/docs/1.txt"
cp "$SRC/examples/final-2024.txt" "$TMP/docs/.hidden/3.txt"
cp "$SRC/examples/README.md" "$TMP/docs/notes.doc"
"$GK" render "$SRC/examples/budget-2025.txt" -o "$TMP/docs/c.md"
out=$("$GK" check "$TMP/docs/" | grep '个错误' | grep -v '^共')
[ "$(printf '%s\n' "$out" | sed 's/:.*//')" = "$TMP/docs/1.txt"$'\n'"$TMP/docs/b/2.txt"$'\n'"$TMP/docs/c.md" ] && ok || bad "directory walk: $out"
expect 1 "" -- "$GK" check "$TMP/docs"
rm "$TMP/docs/c.md"
# What a walk takes: extensions in any case; a FIFO is passed over with a note
# (opening it would wait forever); a linked folder is followed once (a link
# back up is no loop); a file that is no disclosure is skipped, named it fails.
mkdir -p "$TMP/walk/sub"
cp "$SRC/examples/final-2024.txt" "$TMP/walk/sub/A.TXT"
mkfifo "$TMP/walk/pipe.txt"
ln -s .. "$TMP/walk/sub/up"
ln -s "$TMP/walk/sub" "$TMP/walk/again"
printf '# 会议纪要\n\n讨论了下一步工作安排。\n' >"$TMP/walk/minutes.md"
out=$(timeout 20 "$GK" check --format json "$TMP/walk" 2>"$TMP/walk.err"); st=$?
[ "$st" = 0 ] && ok || bad "walk: exit $st, want 0 (a skipped file does not fail the batch): $(cat "$TMP/walk.err")"
[ "$(grep -c '"status"' <<<"$out")" = 2 ] && grep -q 'A.TXT","status":"clean"' <<<"$out" \
    && grep -q 'minutes.md","status":"skipped","reason":"未识别出' <<<"$out" && ok || bad "walk: $out"
grep -q 'pipe.txt: 不是普通文件' "$TMP/walk.err" && grep -q 'minutes.md: 已跳过' "$TMP/walk.err" \
    && ok || bad "walk: notes: $(cat "$TMP/walk.err")"
"$GK" check "$TMP/walk" 2>/dev/null | grep -q '^共 2 个文件：.*0 个无法读取，1 个已跳过' && ok || bad "walk: summary"
expect 2 "minutes.md: 未识别出" -- "$GK" check "$TMP/walk/minutes.md"
rm "$TMP/walk/pipe.txt"
# "--" ends the options: a file whose name starts with "-".
cp "$SRC/examples/final-2024.txt" "$TMP/-x.txt"
(cd "$TMP" && expect 0 "0 个错误" -- "$GK" check -- -x.txt)
(cd "$TMP" && "$GK" parse -- -x.txt | grep -q '"format": "gongkai-report/1"') && ok || bad "parse -- -x.txt"
# Batches: -j N checks documents at once, output in input order, the same
# bytes as one at a time; an unreadable document does not stop the others;
# a closing summary (stdout for text, stderr for JSON and CSV).
for i in 1 2 3 4 5 6; do cp "$SRC/examples/final-2024-faulty.txt" "$TMP/docs/b/f$i.txt"; done
printf 'noise\x00\x01\x02' >"$TMP/docs/b/f3.txt"
"$GK" check --format json -j 1 "$TMP/docs" >"$TMP/j1.json" 2>"$TMP/j1.err"; s1=$?
"$GK" check --format json -j 3 "$TMP/docs" >"$TMP/j3.json" 2>"$TMP/j3.err"; s3=$?
[ "$s1" = 2 ] && [ "$s3" = 2 ] && ok || bad "-j: exit $s1 and $s3, want 2 (one unreadable)"
cmp -s "$TMP/j1.json" "$TMP/j3.json" && ok || bad "-j 3 output differs from -j 1"
[ "$(wc -l <"$TMP/j3.json")" = 8 ] && ok || bad "-j 3: want 8 JSON lines (the unreadable one too): $(wc -l <"$TMP/j3.json")"
[ "$(sed 's/^{"file": *"\([^"]*\)".*/\1/' "$TMP/j3.json" | sed 's|.*/||' | tr '\n' ' ')" = "1.txt 2.txt f1.txt f2.txt f3.txt f4.txt f5.txt f6.txt " ] \
    && ok || bad "-j 3: order: $(cut -c1-60 "$TMP/j3.json")"
python3 - "$TMP/j3.json" <<'PY' && ok || bad "-j 3: JSON status and reason: $(cut -c1-100 "$TMP/j3.json")"
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
status = {d["file"].rsplit("/", 1)[1]: d["status"] for d in docs}
assert status == {"1.txt": "findings", "2.txt": "clean", "f1.txt": "findings", "f2.txt": "findings",
                  "f3.txt": "unreadable", "f4.txt": "findings", "f5.txt": "findings",
                  "f6.txt": "findings"}, status
f3 = next(d for d in docs if d["file"].endswith("f3.txt"))
assert "不是文本文件" in f3["reason"] and "findings" not in f3, f3
PY
grep -q 'f3.txt: 不是文本文件' "$TMP/j3.err" && ok || bad "-j 3: no reason for f3.txt: $(cat "$TMP/j3.err")"
grep -q '^共 8 个文件：.*1 个无法读取；用时' "$TMP/j3.err" && ok || bad "-j 3: no summary on stderr: $(cat "$TMP/j3.err")"
"$GK" check -j 2 "$TMP/docs" | tail -1 | grep -q '^共 8 个文件：' && ok || bad "text: no summary on stdout"
expect 2 "-j 后应为 1–256 之间的整数" -- "$GK" check -j 0 "$EX"
expect 2 "-j 后应为 1–256 之间的整数" -- "$GK" check --jobs=x "$EX"
# A progress line on stderr when it is a terminal (script(1) gives one),
# none otherwise.
if command -v script >/dev/null; then
    script -qec "'$GK' check -j 2 --format json '$TMP/docs' >/dev/null" /dev/null | tr '\r' '\n' \
        | grep -q '^.\[K\[#*\] 8/8 个文件  错误 [0-9]*  警告 [0-9]*  无法读取 1' && ok || bad "no progress line on a terminal"
fi
grep -q '个文件  错误' "$TMP/j3.err" && bad "progress line on a file" || ok
# CSV: a header, one row a finding, one for a document with none (clean,
# unreadable, skipped), each with the document's 单位, 年度, 类型 and status;
# fields with commas or quotes quoted; a byte order mark with --bom only.
"$GK" check --format csv -j 2 "$TMP/docs" >"$TMP/out.csv" 2>/dev/null
[ "$(head -c 3 "$TMP/out.csv" | od -An -tx1 | tr -d ' ')" != efbbbf ] && ok || bad "csv: a BOM without --bom"
"$GK" check --format csv --bom "$TMP/docs/b/2.txt" | head -c 3 | od -An -tx1 | tr -d ' ' | grep -q '^efbbbf$' && ok || bad "csv --bom: no BOM"
head -1 "$TMP/out.csv" | grep -q '^文件,单位,年度,类型,状态,级别,规则,页,行,表,科目或行,栏目,应为,实为,说明'$'\r''$' && ok || bad "csv: header: $(head -1 "$TMP/out.csv")"
grep -q '^[^,]*/1.txt,示例县医疗保障局,2024,final,findings,错误,EXP001,,144,expense,21011,本年支出合计,10.29,10.2,' "$TMP/out.csv" && ok || bad "csv: no EXP001 row at 144"
grep -q '^[^,]*/f3.txt,,,,unreadable,,,,,,,,,,不是文本文件' "$TMP/out.csv" && ok || bad "csv: no unreadable row"
grep -q '^[^,]*/b/2.txt,示例县医疗保障局,2024,final,clean,,,,,,,,,,'$'\r''$' "$TMP/out.csv" && ok || bad "csv: no row for the clean document"
python3 - "$TMP/out.csv" "$TMP/j3.json" <<'PY' && ok || bad "csv: does not load, or differs from the JSON"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
docs = [json.loads(l) for l in open(sys.argv[2])]
assert {r["文件"] for r in rows} == {d["file"] for d in docs}
for d in docs:
    mine = [r for r in rows if r["文件"] == d["file"]]
    assert {r["状态"] for r in mine} == {d["status"]}, (d["file"], mine[:1])
    n = len(d.get("findings", []))
    assert len(mine) == max(n, 1), (d["file"], len(mine), n)
PY
errors=$(grep -c ',错误,' "$TMP/out.csv")
[ "$errors" = "$(grep -c '"severity": *"error"' <(tr '{' '\n' <"$TMP/j3.json"))" ] && ok || bad "csv: $errors error rows, JSON differs"
cp "$SRC/examples/final-2024-faulty.txt" "$TMP/a,\"b\".txt"
"$GK" check --format csv "$TMP/a,\"b\".txt" | sed -n 2p | grep -q '^"[^"]*/a,""b""\.txt",示例县医疗保障局,2024,final,findings,错误,' && ok || bad "csv: a name with , and \" not quoted"

# -v: the formulas not evaluated, and why.
expect 0 "BUD001 收支预算总表：收入总计应等于支出总计：文档中没有财务收支预算总表" -- "$GK" check -v "$SRC/examples/final-2024.txt"

# 机关运行经费 (公开10表) against the 公用经费: equal for a 行政单位 (XT010), at
# most it for a 部门 that also holds 事业单位 (XT012; XT010 not evaluated).
# (The 合计 moved alone also breaks its own sum: exit 1.)
sed '292s/39.56/29.56/' "$SRC/examples/final-2024.txt" >"$TMP/office.txt"
expect 1 "office.txt:292: warning\[XT010\]" -- "$GK" check "$TMP/office.txt"
sed -e '292s/39.56/29.56/' -e '64s/本级（行政单位）/本级（行政单位），另有所属事业单位 2 家/' "$SRC/examples/final-2024.txt" >"$TMP/office2.txt"
out=$("$GK" check -v "$TMP/office2.txt")
grep -q 'XT010 .*仅适用于行政单位的文档' <<<"$out" && ! grep -q 'XT01[02]\]' <<<"$out" && ok || bad "XT010 on a 部门 with 事业单位: $out"
sed -e '292s/39.56/49.56/' -e '64s/本级（行政单位）/本级（行政单位），另有所属事业单位 2 家/' "$SRC/examples/final-2024.txt" >"$TMP/office3.txt"
expect 1 "office3.txt:292: warning\[XT012\]" -- "$GK" check "$TMP/office3.txt"

# A kind printed two ways is rendered the way its rows are: a coded
# 政府性基金预算支出功能分类预算表 (not the two-sided 收支表 of the same kind,
# which rendered it empty) keeps its rows and figures (--force: the narrative
# still says 政府性基金 is 0).
python3 - "$SRC/examples/budget-2025.txt" "$TMP/gf.txt" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i = lines.index("2025年部门政府性基金预算支出功能分类预算表")
assert lines[i + 5] == "\t合计\t\t\t", lines[i + 5]
lines[i + 5:i + 6] = ["\t合计\t100.00\t\t100.00", "229\t其他支出\t100.00\t\t100.00",
                      "22960\t彩票公益金安排的支出\t100.00\t\t100.00",
                      "2296002\t用于社会福利的彩票公益金支出\t100.00\t\t100.00"]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
"$GK" render --force "$TMP/gf.txt" -o "$TMP/gf.md" 2>/dev/null && "$GK" parse "$TMP/gf.md" >"$TMP/gf.json" 2>/dev/null
python3 - "$TMP/gf.json" <<'PY' && ok || bad "a coded 政府性基金 table rendered: rows lost"
import json, sys
t = next(t for t in json.load(open(sys.argv[1]))["tables"] if t["kind"] == "budget_gov_fund")
rows = {r["code"] or r["label"]: r["cells"] for r in t["rows"]}
assert rows["2296002"] == {"合计": "100.00", "项目支出": "100.00"}, rows
assert rows["合计"]["合计"] == "100.00" and len(rows) == 4, rows
PY

# A document in two files (情况说明 and 报表, as Beijing publishes them): the
# budget example cut into its narrative and its tables.  Apart, the narrative
# binds nothing (DOC006 says why) and the tables miss their narrative; as one
# (--as-one, or paired in a folder) they check as the whole example does.
B=$SRC/examples/budget-2025.txt
mkdir -p "$TMP/two"
{ sed -n 1,52p "$B"; sed -n '210,$p' "$B"; } >"$TMP/two/a-narrative.txt"
{ sed -n 1,4p "$B"; sed -n 53,209p "$B"; } >"$TMP/two/b-tables.txt"
grep -q '^第三部分' "$TMP/two/a-narrative.txt" && ! grep -q '^2025年部门财务收支预算总表' "$TMP/two/a-narrative.txt" && grep -q '^2025年部门财务收支预算总表' "$TMP/two/b-tables.txt" && ok || bad "budget example: the cut lines moved"
expect 0 "info\[DOC006\]" -- "$GK" check "$TMP/two/a-narrative.txt"
whole=$("$GK" check --stats "$B" | tail -1 | sed 's/^[^:]*: //')
out=$("$GK" check --stats --as-one "$TMP/two/a-narrative.txt" "$TMP/two/b-tables.txt")
[ "$(tail -1 <<<"$out" | sed 's/^[^:]*: //')" = "$whole" ] && grep -q "a-narrative.txt + .*b-tables.txt: 0 个错误" <<<"$out" && ok || bad "--as-one: $out; want $whole"
out=$("$GK" check --stats -j 2 "$TMP/two")
grep -q "a-narrative.txt + .*b-tables.txt: 0 个错误，0 个警告，0 条提示" <<<"$out" && grep -q "共 2 个文件" <<<"$out" && ok || bad "a folder of two halves: $out"
"$GK" check --format json --as-one "$TMP/two/b-tables.txt" "$TMP/two/a-narrative.txt" >"$TMP/two.json"
python3 - "$TMP/two.json" "$TMP/two" <<'PY' && ok || bad "--as-one JSON: $(cat "$TMP/two.json")"
import json, sys
doc = json.loads(open(sys.argv[1]).read())
d = sys.argv[2]
assert doc["files"] == [d + "/b-tables.txt", d + "/a-narrative.txt"], doc["files"]
assert doc["unit"] == "示例县医疗保障局" and doc["year"] == 2025 and doc["kind"] == "budget", doc
assert doc["narrative"]["bound"] > 30, doc["narrative"]
PY
# A narrative with a second narrative of the same unit: no pair (each is the
# other's shape only when one has tables), both checked alone.
cp "$TMP/two/a-narrative.txt" "$TMP/two/c-narrative.txt"
out=$("$GK" check "$TMP/two")
[ "$(grep -c 'info\[DOC006\]' <<<"$out")" = 2 ] && ! grep -q ' + ' <<<"$out" && ok || bad "two narratives and one table file paired: $out"
expect 2 "--as-one 需要同一文档的两个文件" -- "$GK" check --as-one "$TMP/two/a-narrative.txt"
# A 报表 that names neither unit nor year (Beijing's print neither) pairs
# with the narrative whose amounts it holds; an unrelated narrative in the
# folder (other figures, its own unit) stays alone.
mkdir -p "$TMP/anon"
cp "$TMP/two/a-narrative.txt" "$TMP/anon/"
sed -e '1,4d' -e 's/示例县医疗保障局//g' -e 's/2025年//g' "$TMP/two/b-tables.txt" >"$TMP/anon/b-tables.txt"
"$GK" parse "$TMP/anon/b-tables.txt" 2>/dev/null | tr -d '\n ' | grep -q '"unit":null,"year":null' && ok || bad "the anonymous 报表 still names its unit or year"
sed -e 's/示例县医疗保障局/另一县卫生健康局/g' -e 's/[0-9]\{2,\}\.[0-9][0-9]/1&/g' "$TMP/two/a-narrative.txt" >"$TMP/anon/c-other.txt"
out=$("$GK" check --stats "$TMP/anon")
grep -q "a-narrative.txt + .*b-tables.txt: 0 个错误，0 个警告，0 条提示" <<<"$out" && grep -q "c-other.txt: .*1 条提示" <<<"$out" \
    && ok || bad "an anonymous 报表 in a folder: $out"
# The Beijing pair of the corpus: its 报表 names no unit; checked with the
# folder's other narratives, it pairs with its own.
if [ -d "$3/corpus/wild" ]; then
    mkdir -p "$TMP/bj"
    cp "$3"/corpus/wild/beijing-ab3cf851.pdf "$3"/corpus/wild/beijing-ab3cf851-tables.pdf \
       "$3"/corpus/wild/beijing-0e0df07d.pdf "$3"/corpus/wild/beijing-11c60eb8.pdf "$TMP/bj/"
    "$GK" check --format json "$TMP/bj" 2>/dev/null >"$TMP/bj.json"
    python3 - "$TMP/bj.json" "$TMP/bj" <<'PY' && ok || bad "the Beijing pair: $(cut -c1-200 "$TMP/bj.json")"
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
d = sys.argv[2]
assert len(docs) == 3, len(docs)
pair = [x for x in docs if "files" in x]
assert len(pair) == 1 and pair[0]["files"] == [d + "/beijing-ab3cf851.pdf", d + "/beijing-ab3cf851-tables.pdf"], pair
assert pair[0]["coverage"]["tables"] >= 10 and pair[0]["year"] == 2026, pair[0]["coverage"]
PY
fi

# A published PDF: tables found by title, findings at page and line.
CORPUS=$3/corpus
if [ -d "$CORPUS" ]; then
    "$GK" parse "$CORPUS/sh-putuo-planning-2024-final.pdf" >"$TMP/p.json" 2>/dev/null && ok || bad "parse planning pdf"
    n=$(grep -c '"kind": "\(summary\|income\|expense\|fiscal_summary\|gpb_expense\|gpb_basic\|gov_fund\|state_capital\|three_public\)"' "$TMP/p.json")
    [ "$n" = 9 ] && ok || bad "planning pdf: $n of the nine 决算 tables"
    expect 1 "sh-putuo-planning-2024-final.pdf:第[0-9]*页:[0-9]*: error\[" -- "$GK" check "$CORPUS/sh-putuo-planning-2024-final.pdf"
    # JSON findings locate a PDF cell by its box: 财政局's 社会保障和就业 326.71
    # in the summary on page 6, against 326.72 in the 支出决算表 on page 10.
    "$GK" check --format json "$CORPUS/sh-putuo-finance-2024-final.pdf" >"$TMP/f.json"
    python3 - "$TMP/f.json" <<'PY' && ok || bad "finance pdf: JSON locations without the cells' boxes"
import json, sys
doc = json.load(open(sys.argv[1]))
f = next(f for f in doc["findings"] if f["rule"] == "XT003")
(a, b) = f["locations"]
assert (a["page"], a["value"], b["page"], b["value"]) == (6, "326.71", 10, "326.72"), f
for loc in (a, b):
    x0, y0, x1, y1 = loc["box"]
    assert 0 < x0 < x1 < 596 and 0 < y0 < y1 < 843 and x1 - x0 < 60, loc
PY
fi

# Texts that read but are no disclosure: refused (exit 2) naming the file, the
# title line and the reason; skipped when a folder is walked.  A 情况说明
# without tables is a disclosure.
mkdir -p "$TMP/nd"
printf '关于公开2026年部门预算的通知\n各单位：\n请于规定时间内公开本单位2026年部门预算。\n' >"$TMP/nd/notice.txt"
expect 2 "notice.txt:1: 不是部门预算/决算公开文档：标题“关于公开2026年部门预算的通知”" -- "$GK" check "$TMP/nd/notice.txt"
expect 0 "notice.txt: 已跳过" -- "$GK" check "$TMP/nd"
printf '某市某某局\n2026 年度部门预算信息公开\n一、部门情况说明\n本部门主要职责是……。\n' >"$TMP/nd/prose.txt"
expect 0 '"unit": "某市某某局"' -- "$GK" parse "$TMP/nd/prose.txt"
if [ -d "$CORPUS/wild" ]; then
    expect 2 "changsha-d84cecfe.pdf:第1页:1: 不是部门预算/决算公开文档" -- "$GK" check "$CORPUS/wild/changsha-d84cecfe.pdf"
    expect 2 "guangzhou-69435bae.pdf: 不是部门预算/决算公开文档.*只有绩效目标表" -- "$GK" check "$CORPUS/wild/guangzhou-69435bae.pdf"
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
