#!/usr/bin/env python3
"""A figure read by OCR with low confidence, one misread digit of which
breaks an identity, is a warning that says "疑为识别错误" and names the cell;
the same figure read with confidence (or from text) is an error.

Usage: ocr_doubt.py GONGKAI SOURCE_DIR
The example report's 支出决算表 row 2101103 公务员医疗补助 has its 本年支出合计
3.42 changed to 8.42 (3 read as 8), in a copy of its JSON.
"""
import json
import subprocess
import sys
import tempfile


def check(gk, doc):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    out = subprocess.run([gk, "check", "--format", "json", f.name], capture_output=True,
                         text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def findings(result):
    for doc in result:
        for x in doc.get("findings", []):
            yield x


def main():
    gk, src = sys.argv[1], sys.argv[2]
    doc = json.loads(subprocess.run([gk, "parse", src + "/examples/final-2024.txt"],
                                    capture_output=True, text=True, check=True).stdout)
    row = None
    for t in doc["tables"]:
        if t["kind"] == "expense":
            row = next(r for r in t["rows"] if r.get("code") == "2101103")
    assert row and row["cells"]["本年支出合计"] == "3.42", row
    row["cells"]["本年支出合计"] = "8.42"
    bad = []

    # Read from text (no confidence): an error, no OCR hint.
    xs = [x for x in findings(check(gk, doc)) if "8.42" in x["message"] or "15.29" in x["message"]]
    if not xs or any("疑为识别错误" in x["message"] for x in xs) or \
            not any(x["severity"] == "error" for x in xs):
        bad.append(f"without OCR: {[(x['severity'], x['message']) for x in xs]}")

    # Read by OCR, unsure (confidence 62): warnings naming the cell.
    row.setdefault("sources", {})["本年支出合计"] = {"ocr_confidence": 62}
    xs = [x for x in findings(check(gk, doc)) if "8.42" in x["message"] or "15.29" in x["message"]]
    hinted = [x for x in xs if "识别为 8.42（置信度 62），若为 3.42 则成立" in x["message"]]
    tree = [x for x in hinted
            if "疑为识别错误：2101103 公务员医疗补助的本年支出合计 识别为 8.42" in x["message"]]
    if len(hinted) != 2 or len(hinted) != len(xs) or not tree or \
            any(x["severity"] != "warning" for x in xs):
        bad.append(f"OCR 62: {[(x['severity'], x['message']) for x in xs]}")

    # Read by OCR, sure of it (98): an error again.
    row["sources"]["本年支出合计"] = {"ocr_confidence": 98}
    xs = [x for x in findings(check(gk, doc)) if "8.42" in x["message"] or "15.29" in x["message"]]
    if any("疑为识别错误" in x["message"] for x in xs) or \
            not any(x["severity"] == "error" for x in xs):
        bad.append(f"OCR 98: {[(x['severity'], x['message']) for x in xs]}")

    for b in bad:
        print("FAIL", b)
    print("ok" if not bad else f"{len(bad)} failures")
    sys.exit(1 if bad else 0)


main()
