#!/usr/bin/env bash
# check --format html: the reviewer's report (src/write/findings_html.c).
#   report_html.sh GONGKAI SOURCE_DIR SHARED_DIR
# One page for a batch (a corpus PDF with findings, the faulty example, a
# clean one, an unreadable file): self-contained, every document text
# escaped, each finding listed once; then, in headless Chromium, every
# finding that has a place links to an element of the page marked with its
# severity, the filters hide and show, and a screenshot is left in the
# build folder (report_html.png) for a person to look at.  Exits 77
# (skipped) when Chromium is absent and all else passed.
set -u
GK=$1 SRC=$2 SHARED=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

PDF="$SHARED/corpus/sh-putuo-finance-2024-final-seeded-errors.pdf"
[ -f "$PDF" ] || PDF=
# Markup characters in a document's text must come out as text.  (Tags
# themselves do not reach the model: the text reader takes HTML input and
# strips them.)
sed 's|拟订全县|拟订"甲"<乙 \& 丙>丁<img src=x onerror=alert(1)>全县|' \
    "$SRC/examples/final-2024-faulty.txt" >"$TMP/hostile.txt"
printf 'not a document\n' >"$TMP/junk.txt"
"$GK" check --format html $PDF "$TMP/hostile.txt" "$SRC/examples/final-2024.txt" "$TMP/junk.txt" \
    >"$TMP/report.html" 2>"$TMP/err"
status=$?
[ "$status" = 2 ] && ok || bad "exit $status, want 2 (an unreadable file)"
"$GK" check --format json $PDF "$TMP/hostile.txt" "$SRC/examples/final-2024.txt" >"$TMP/report.json" 2>/dev/null

python3 - "$TMP/report.html" "$TMP/report.json" <<'PY' && ok || bad "static checks"
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
docs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
problems = []
if re.search(r'<(link|img|iframe)[^>]*(src|href)=["\']?(https?:)?//', html) or "src=x" in html.replace("src=x onerror", ""):
    problems.append("external resource")
if "<img src=x" in html:
    problems.append("document text not escaped")
if "&quot;甲&quot;&lt;乙 &amp; 丙&gt;丁" not in html:
    problems.append("the hostile text is not there as text")
if html.count('<section class="doc"') != 4:
    problems.append("want 4 sections, got %d" % html.count('<section class="doc"'))
if "无法读取" not in html:
    problems.append("the unreadable file is not said")
n = sum(len(d["findings"]) for d in docs)
items = html.count('<li class="finding"')
if items != n:
    problems.append("%d findings listed, JSON has %d" % (items, n))
for d in docs:
    for f in d["findings"]:
        msg = f["message"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")
        if msg not in html:
            problems.append("message missing: " + f["message"][:40])
if problems:
    print("\n".join(problems[:10]))
    sys.exit(1)
print("report: %d sections, %d findings listed" % (4, items))
PY

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "report_html: $pass passed, $fail failed"
    [ "$fail" = 0 ] || exit 1
    echo "SKIP: chromium is not installed (Debian package chromium)"
    exit 77
fi
SANDBOX=
[ "$(id -u)" = 0 ] && SANDBOX=--no-sandbox
chrome() {
    local log=$1
    shift
    timeout 120 "$CHROMIUM" --headless --disable-gpu $SANDBOX --user-data-dir="$TMP/profile" \
        --no-first-run --hide-scrollbars --enable-logging=stderr --v=0 "$@" >/dev/null 2>"$TMP/$log"
}
# In the page: each linked finding's anchor stands in an element marked
# with a severity; the index lists the documents; unticking 提示 hides the
# infos and nothing else.
cat >"$TMP/probe.js" <<'JS'
var bad = [], linked = 0;
document.querySelectorAll("li.finding a.where").forEach(function (a) {
  var t = document.getElementById(a.getAttribute("href").slice(1));
  var el = t && t.parentElement;
  linked++;
  if (!el || !/\bm-(error|warning|info)\b/.test(el.className) || !el.title)
    bad.push(a.getAttribute("href"));
});
var index = document.querySelectorAll("nav#index li").length;
var box = document.querySelector("input.f-sev[value=info]");
box.checked = false;
box.dispatchEvent(new Event("change"));
var shown = 0, hidden = 0, all = document.querySelectorAll("li.finding").length;
document.querySelectorAll("li.finding").forEach(function (li) {
  if (!li.classList.contains("hidden")) shown++;
  else if (li.dataset.severity === "info") hidden++;
});
var infos = document.querySelectorAll("li.finding[data-severity=info]").length;
console.log("gk-report linked=" + linked + " bad=" + bad.length + " index=" + index + " all=" + all +
            " infos=" + infos + " hidden=" + hidden + " shown=" + shown + " " + bad.slice(0, 3).join(","));
JS
python3 - "$TMP/report.html" "$TMP/probe.js" "$TMP/probe.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
probe = open(sys.argv[2], encoding="utf-8").read()
open(sys.argv[3], "w", encoding="utf-8").write(page.replace("</body>", "<script>" + probe + "</script></body>"))
PY
chrome probe.log --dump-dom "file://$TMP/probe.html"
line=$(grep -o 'gk-report [^"]*' "$TMP/probe.log" | head -1)
echo "$line"
python3 - "$line" <<'PY' && ok || bad "in the page: $line"
import sys, re
v = dict(re.findall(r"(\w+)=(\d+)", sys.argv[1]))
ok = v and int(v["linked"]) > 20 and v["bad"] == "0" and v["index"] == "4" and \
     v["hidden"] == v["infos"] and int(v["shown"]) == int(v["all"]) - int(v["infos"])
sys.exit(0 if ok else 1)
PY
if grep -q 'Uncaught' "$TMP/probe.log"; then bad "script error: $(grep Uncaught "$TMP/probe.log" | head -2)"; else ok; fi
chrome shot.log --screenshot="$PWD/report_html.png" --window-size=1280,1800 "file://$TMP/report.html"
[ -s "$PWD/report_html.png" ] && ok || bad "no screenshot"
echo "screenshot: $PWD/report_html.png"
echo "report_html: $pass passed, $fail failed"
[ "$fail" = 0 ]
