#!/bin/sh
# Labels by meaning: the 一般公共预算 row of a 财政拨款收支总表, spelled as
# the templates and the published documents spell it, is the row the
# 情况说明 states — never "均为0万元" beside a table that holds the figure.
# (The split is stated when the 支出总计 row's fund columns agree; a table
# whose sides disagree gets none: the last case.)
#   label_variants.sh GONGKAI SRC
GK=$1 SRC=$2
TMP=$(mktemp -d) || exit 2
trap 'rm -rf "$TMP"' EXIT
python3 - "$GK" "$SRC/examples/budget-2025-render.json" "$TMP" <<'PY'
import json, subprocess, sys
gk, src, tmp = sys.argv[1:4]
base = json.load(open(src, encoding="utf-8"))
# the five spellings of the templates (1. / 1、 / 一、 numbered, bare) and
# those common in published documents
VARIANTS = ["一般公共预算", "一、一般公共预算", "1. 一般公共预算", "1、一般公共预算", "（一）一般公共预算",
            "一般公共预算拨款", "一般公共预算资金", "一般公共预算拨款收入", "一般公共预算财政拨款",
            "财政拨款/一般公共预算拨款", "财政拨款收入/一般公共预算"]
FUND2 = ["政府性基金", "政府性基金预算", "政府性基金拨款", "政府性基金预算拨款收入"]
bad = 0
for i, label in enumerate(VARIANTS):
    doc = json.loads(json.dumps(base))
    t = next(t for t in doc["tables"] if t["kind"] == "budget_fiscal_summary")
    rows = [r for r in t["rows"] if r.get("side") == "收入"]
    rows[0]["label"] = label
    # a 政府性基金 figure too, so that the sentence lists both funds
    rows[1]["label"] = FUND2[i % len(FUND2)]
    rows[1]["cells"] = {"金额": "10000.00"}
    rows[3]["cells"] = {"金额": "4205268.70"}
    total = next(r for r in t["rows"] if r.get("side") == "支出" and r["label"] == "支出总计")
    total["cells"] = {"合计": "4205268.70", "一般公共预算财政拨款": "4195268.70",
                      "政府性基金预算财政拨款": "10000.00"}
    path = "%s/v%d.json" % (tmp, i)
    json.dump(doc, open(path, "w", encoding="utf-8"), ensure_ascii=False)
    out = subprocess.run([gk, "render", "--force", path, "-o", "%s/v%d.md" % (tmp, i)],
                         capture_output=True, text=True)
    md = open("%s/v%d.md" % (tmp, i), encoding="utf-8").read() if out.returncode == 0 else ""
    part = md.split("二、财政拨款收支预算情况")[-1].split("###")[0]
    ok = "一般公共预算拨款419.52687万元" in part and "政府性基金预算拨款1.00万元" in part
    print("%s %-28s %s" % ("ok  " if ok else "FAIL", label + " / " + rows[1]["label"],
                           "" if ok else part.strip()[:300]))
    bad += not ok
# the two sides disagree (支出总计 has no fund columns): no split stated
doc = json.loads(json.dumps(base))
t = next(t for t in doc["tables"] if t["kind"] == "budget_fiscal_summary")
total = next(r for r in t["rows"] if r.get("side") == "支出" and r["label"] == "支出总计")
total["cells"] = {"合计": "4195268.70"}
json.dump(doc, open(tmp + "/d.json", "w", encoding="utf-8"), ensure_ascii=False)
subprocess.run([gk, "render", "--force", tmp + "/d.json", "-o", tmp + "/d.md"], capture_output=True)
part = open(tmp + "/d.md", encoding="utf-8").read().split("二、财政拨款收支预算情况")[-1].split("###")[0]
ok = "财政拨款支出预算419.52687万元。" in part and "一般公共预算拨款" not in part
print("%s sides disagree: %s" % ("ok  " if ok else "FAIL", "" if ok else part.strip()[:300]))
bad += not ok
sys.exit(1 if bad else 0)
PY
