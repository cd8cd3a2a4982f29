#!/usr/bin/env python3
"""A large 决算 report for bench/render.sh: examples/final-2024.txt's
report with its 收入, 支出 and 一般公共预算财政拨款支出 tables given ROWS 项
rows each (real codes and names from data/catalog/functional.tsv, figures
drawn from a fixed seed and summed up to 款, 类 and 合计, so the tables
stay consistent).

    render_doc.py GONGKAI SOURCE_DIR ROWS OUT.json

And, for the HTML side when the HTML writer is not built:

    render_doc.py --html DOC.md OUT.html

turns the document's Markdown (gongkai render X -o X.md) into a plain HTML
page with the same headings, paragraphs and tables.
"""
import html
import json
import random
import subprocess
import sys


def catalog(source):
    rows = []
    for line in open(f"{source}/data/catalog/functional.tsv", encoding="utf-8"):
        if line.startswith("#"):
            continue
        code, name = line.split("\t")[:2]
        rows.append((code, name))
    return rows


def coded_rows(cat, n, columns, rng):
    """合计, then 类/款/项 rows for the first n 项 codes, figures summed up."""
    items = [(c, name) for c, name in cat if len(c) == 7][:n]
    values = {}
    for code, _ in items:
        parts = [rng.randint(0, 50000) for _ in columns[1:]]
        values[code] = [sum(parts)] + parts
    def total(prefix):
        sums = [0] * len(columns)
        for code, v in values.items():
            if code.startswith(prefix):
                sums = [a + b for a, b in zip(sums, v)]
        return sums
    names = dict(cat)
    out, seen = [], set()
    def row(code, label, v):
        cells = {col: f"{x // 100}.{x % 100:02d}" for col, x in zip(columns, v) if x}
        out.append({"code": code, "label": label, "cells": cells})
    row(None, "合计", total(""))
    for code, name in items:
        for prefix in (code[:3], code[:5]):
            if prefix not in seen:
                seen.add(prefix)
                row(prefix, names.get(prefix, prefix), total(prefix))
        row(code, name, values[code])
    return out


def make_report(gongkai, source, n, out):
    r = json.loads(subprocess.run([gongkai, "parse", f"{source}/examples/final-2024.txt"],
                                  capture_output=True, text=True, check=True).stdout)
    cat = catalog(source)
    rng = random.Random(7)
    columns = {"income": ["本年收入合计", "财政拨款收入", "其他收入"],
               "expense": ["本年支出合计", "基本支出", "项目支出"],
               "gpb_expense": ["合计", "基本支出", "项目支出"]}
    for t in r["tables"]:
        if t["kind"] in columns:
            t["rows"] = coded_rows(cat, n, columns[t["kind"]], rng)
    json.dump(r, open(out, "w", encoding="utf-8"), ensure_ascii=False)


def markdown_to_html(md, out):
    body, table = [], []
    def flush():
        if not table:
            return
        body.append("<table>")
        for i, cells in enumerate(table):
            if i == 1 and all(set(c.strip()) <= set("-:") for c in cells):
                continue
            tag = "th" if i == 0 else "td"
            body.append("<tr>" + "".join(f"<{tag}>{html.escape(c.strip())}</{tag}>" for c in cells) + "</tr>")
        body.append("</table>")
        table.clear()
    for line in open(md, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("|"):
            table.append(line.strip("|").split("|"))
            continue
        flush()
        if line.startswith("#"):
            level = min(len(line) - len(line.lstrip("#")), 6)
            body.append(f"<h{level}>{html.escape(line.lstrip('#').strip())}</h{level}>")
        elif line.startswith("- "):
            body.append(f"<p>{html.escape(line[2:])}</p>")
        elif line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    flush()
    css = ("body{font-family:'Noto Serif CJK SC',serif;font-size:11pt}"
           "h1,h2,h3,table{font-family:'Noto Sans CJK SC',sans-serif}"
           "table{border-collapse:collapse;width:100%;font-size:9pt;page-break-inside:auto}"
           "td,th{border:0.5pt solid #444;padding:2pt 4pt}td{text-align:right}"
           "tr{page-break-inside:avoid}@page{size:A4;margin:25mm 20mm}")
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"<!DOCTYPE html><html lang=zh-CN><head><meta charset=utf-8><style>{css}</style>"
                f"</head><body>{''.join(body)}</body></html>")


if __name__ == "__main__":
    if sys.argv[1] == "--html":
        markdown_to_html(sys.argv[2], sys.argv[3])
    else:
        make_report(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
