#!/bin/bash
# The bad-input matrix: every kind of hostile or broken input, alone and in
# one batch with a good document.  Each must end in bounded time without a
# crash: exit 2 with a message naming the file and the reason, or partial
# results with a clear note.  Runs under ASan + UBSan too (make asan).
#   bad_input.sh GONGKAI SOURCE_DIR SHARED_DIR
set -u
GK=$1
SRC=$2
CORPUS=$3/corpus
TMP=$(mktemp -d)
trap 'chmod -R u+rwx "$TMP"; rm -rf "$TMP"' EXIT
pass=0 fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# case NAME STATUS PATTERN FILE: `check FILE` within the time limit, with
# that exit status and the pattern in its output (stdout and stderr).
LIMIT=120
case_() {
    local name=$1 want=$2 pattern=$3 file=$4 out status
    out=$(timeout $LIMIT "$GK" check -j 1 "$file" 2>&1)
    status=$?
    if [ "$status" = 124 ]; then
        bad "$name: still running after ${LIMIT}s"
    elif [ "$status" -gt 2 ]; then
        bad "$name: crashed (exit $status)"$'\n'"$(tail -5 <<<"$out")"
    elif [ "$status" != "$want" ]; then
        bad "$name: exit $status, want $want"$'\n'"$(tail -3 <<<"$out")"
    elif ! grep -q -- "$pattern" <<<"$out"; then
        bad "$name: output lacks '$pattern'"$'\n'"$(tail -3 <<<"$out")"
    else
        ok
    fi
}

D=$TMP/in
mkdir -p "$D"
EXAMPLE=$SRC/examples/final-2024.txt

: >"$D/empty.txt"
case_ "empty file" 2 "empty.txt: 文件为空" "$D/empty.txt"

printf ' \t\r\n\n   \n' >"$D/blank.txt"
case_ "only whitespace" 2 "blank.txt: 文件为空" "$D/blank.txt"

head -c 65536 /dev/urandom >"$D/noise.txt"
printf '\0' >>"$D/noise.txt"
case_ "binary noise" 2 "noise.txt: 不是文本文件" "$D/noise.txt"

printf '%%PDF-1.7\n1 0 obj\n<< /Type /Catalog' >"$D/cut.pdf"
case_ "truncated PDF (synthetic)" 2 "cut.pdf: 无法读取 PDF" "$D/cut.pdf"
if [ -f "$CORPUS/sh-putuo-wanli-2025-budget.pdf" ]; then
    size=$(stat -c %s "$CORPUS/sh-putuo-wanli-2025-budget.pdf")
    head -c $((size / 2)) "$CORPUS/sh-putuo-wanli-2025-budget.pdf" >"$D/half.pdf"
    case_ "truncated PDF (half a real one)" 2 "half.pdf: 无法读取 PDF.*不完整" "$D/half.pdf"
fi

python3 "$SRC/tests/cli/mkpdf.py" scan "$D/scan.pdf"
case_ "PDF without a text layer" 2 "scan.pdf: PDF 没有文字层" "$D/scan.pdf"

python3 "$SRC/tests/cli/mkpdf.py" encrypted "$D/locked.pdf"
case_ "encrypted PDF" 2 "locked.pdf: PDF 已加密，需要密码" "$D/locked.pdf"

iconv -f UTF-8 -t GB18030 "$EXAMPLE" >"$D/gbk.txt"
case_ "GBK (GB18030) text" 0 "gbk.txt: 0 个错误，0 个警告" "$D/gbk.txt"

iconv -f UTF-8 -t UTF-16 "$EXAMPLE" >"$D/utf16.txt"       # with a byte order mark
case_ "UTF-16 text" 0 "utf16.txt: 0 个错误，0 个警告" "$D/utf16.txt"

{ head -c 2000 "$EXAMPLE"; printf '\xff\xfe\xc3\x28'; tail -c +2001 "$EXAMPLE"; } >"$D/badutf8.txt"
case_ "invalid UTF-8" 0 "badutf8.txt: info\[READ001\]: 输入不是有效的 UTF-8 或 GB18030 文本" "$D/badutf8.txt"

head -c $((10 * 1024 * 1024)) /dev/zero | tr '\0' '7' >"$D/line.txt"
case_ "a 10 MB single line" 2 "line.txt:1: 此行超过 1 MiB" "$D/line.txt"

# Text above 16 MiB is refused before it is read whole: a 200 MB file (a
# sparse one: no disk needed) or a stream of 20 MB, in little memory.
{ echo "某局2024年度部门决算"; } >"$D/huge.txt"
truncate -s 200M "$D/huge.txt"
case_ "a 200 MB text" 2 "huge.txt: 文件过大（超过 16 MiB）" "$D/huge.txt"
rss=$(python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$GK" check "$D/huge.txt")
[ -n "$rss" ] && [ "$rss" -lt 300000 ] && ok || bad "a 200 MB text: peak RSS ${rss} KB, want < 300 MB"
# A PDF is mapped, not read: a 200 MB one (a sparse 200 MB image on a page
# of text) costs the text poppler reads, not its size.
python3 - "$D/huge.pdf" <<'PY'
import sys
n = 200 * 1000 * 1000
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        b"<< /Length 63 >>\nstream\nBT /F1 12 Tf 72 720 Td (Hello) Tj ET q 9 0 0 9 0 0 cm /Im1 Do Q\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", None]
with open(sys.argv[1], "wb") as out:
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % (i + 1))
        if o is None:
            out.write(b"<< /Type /XObject /Subtype /Image /Width 1000 /Height %d /ColorSpace"
                      b" /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n" % (n // 1000, n))
            out.seek(n, 1)                      # a hole: no disk
            out.write(b"\nendstream")
        else:
            out.write(o)
        out.write(b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for o in offsets:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
PY
case_ "a 200 MB PDF" 2 "huge.pdf: 未识别出部门预算/决算公开文档的内容" "$D/huge.pdf"
rss=$(python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$GK" check "$D/huge.pdf")
[ -n "$rss" ] && [ "$rss" -lt 300000 ] && ok || bad "a 200 MB PDF: peak RSS ${rss} KB, want < 300 MB"
rm -f "$D/huge.pdf"
out=$(head -c $((20 * 1024 * 1024)) /dev/zero | tr '\0' 'x' | timeout $LIMIT "$GK" check - 2>&1)
[ $? = 2 ] && grep -q -- "-: 文件过大（超过 16 MiB）" <<<"$out" && ok || bad "a 20 MB stream: $out"

awk 'BEGIN {
    print "某局2024年度部门决算"; print "支出决算表"; print "金额单位：万元"
    print "项目\t\t本年支出合计\t基本支出\t项目支出"; print "\t栏次\t1\t2\t3"
    for (i = 0; i < 100000; i++) printf "2101501\t行政运行\t%d.%02d\t%d.%02d\t\n", i, i % 100, i, i % 100
}' >"$D/rows.txt"
case_ "a table of 100,000 rows" 1 "rows.txt: [0-9]* 个错误" "$D/rows.txt"

awk 'BEGIN { for (i = 0; i < 100000; i++) printf "{\"a\":"; print "1" }' >"$D/deep.json"
case_ "deeply nested JSON" 2 "deep.json:1:[0-9]*: " "$D/deep.json"

awk 'BEGIN {
    printf "{\"format\": \"gongkai-report/1\", \"tables\": ["
    for (i = 0; i < 100000; i++) printf "%s{\"kind\": \"expense\", \"title\": \"支出决算表\", \"rows\": [{\"code\": \"2101501\", \"cells\": {\"本年支出合计\": \"1.00\"}}]}", (i ? "," : "")
    print "]}"
}' >"$D/huge.json"
case_ "oversized JSON (100,000 tables)" 0 "huge.json: 0 个错误" "$D/huge.json"

sed '0,/464\.03/s//1234567890123456789012345678901234567890.03/' "$EXAMPLE" >"$D/digits.txt"
# The figure is not read (READ001) and not taken for a blank: the identities
# of its row are not evaluated, so no error is claimed (exit 0).
case_ "a number with 40 digits" 0 "digits.txt:[0-9]*: info\[READ001\]: .*位数过多，未读取" "$D/digits.txt"

mkdir "$D/nothing"
case_ "a directory without documents" 2 "nothing: 目录中没有可检查的文档" "$D/nothing"
out=$(timeout $LIMIT "$GK" parse "$D/nothing" 2>&1)
[ $? = 2 ] && grep -q "nothing: 这是一个目录" <<<"$out" && ok || bad "parse DIR: $out"

ln -s "$D/missing.txt" "$D/dangling.txt"
case_ "a dangling link" 2 "dangling.txt: 无法打开" "$D/dangling.txt"
case_ "a path through a file" 2 "empty.txt/x.txt: 无法打开" "$D/empty.txt/x.txt"
if [ "$(id -u)" != 0 ]; then                # root reads anything
    printf 'x' >"$D/secret.txt"
    chmod 000 "$D/secret.txt"
    case_ "an unreadable file" 2 "secret.txt: 无法打开" "$D/secret.txt"
fi

# All of them in one batch, with a good document in the middle: the good
# one is still checked and reported, in its place; exit 2.
cp "$SRC/examples/final-2024-faulty.txt" "$D/m-good.txt"
out=$(timeout $((LIMIT * 4)) "$GK" check -j 2 "$D" 2>&1)
status=$?
[ "$status" = 2 ] && ok || bad "batch: exit $status, want 2"
grep -q "m-good.txt: 9 个错误，1 个警告" <<<"$out" && ok || bad "batch: the good document was not reported"
grep -q "^共 [0-9]* 个文件：.*，[1-9][0-9]* 个无法读取" <<<"$out" && ok || bad "batch: no summary"$'\n'"$(tail -3 <<<"$out")"

echo "bad input: $pass passed, $fail failed"
[ "$fail" = 0 ]
