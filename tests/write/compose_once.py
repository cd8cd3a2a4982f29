#!/usr/bin/env python3
"""compose_once.py GONGKAI SOURCE_DIR — what compose decides, every writer says.

The 目录 (its parts, sections and tables, numbered as listed) and the cover's
date line are decided once, in src/write/compose.c; the writers only print
them.  For a document in the national order (examples/final-2024.txt) and one
in a template's own parts (`gongkai template budget`, rendered with --force:
it is blank), rendered as Markdown, HTML, PDF and Excel:

  - the four 目录 list the same entries, at the same levels, in the same order;
  - the cover's date is the one given with --date, in every format
    ("2026年1月15日"), and a date of the source's cover otherwise;
  - --serif sets the PDF's paragraphs in Noto Serif CJK SC and the HTML body
    in a serif stack;
  - a 目录 never leaves a page with a line or a few alone (PDF);
  - a bad --date is refused (exit 2) before anything is read.
"""
import html as htmlmod
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

GK, SRC = sys.argv[1], sys.argv[2]
TMP = tempfile.mkdtemp(prefix="gk-compose-once-")
FAILED = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + str(detail)))
    if not ok:
        FAILED.append(name)


def render(src, out, *opts):
    p = subprocess.run([GK, "render", *opts, src, "-o", out], capture_output=True, text=True)
    return p.returncode, p.stderr


# ---- The 目录 of each format, as (level, text) ---------------------------------------

def toc_md(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    i = lines.index("## 目录") + 2
    out = []
    while i < len(lines) and lines[i].strip():
        m = re.match(r"^( *)- (.*)$", lines[i])
        out.append((2 if m.group(1) else 1, m.group(2)))
        i += 1
    return out, date_after_title(lines)


def date_after_title(lines):
    for line in lines[:8]:
        if re.fullmatch(r"\d{4}年\d{1,2}月(\d{1,2}日)?", line.strip()):
            return line.strip()
    return None


def toc_html(path):
    s = open(path, encoding="utf-8").read()
    nav = s[s.index('<nav class="toc"'):s.index("</nav>")]
    out, depth = [], 0
    for m in re.finditer(r"<(/?)ol>|<li><a href=\"#[^\"]*\">(.*?)</a>", nav):
        if m.group(2) is None:
            depth += -1 if m.group(1) else 1
        else:
            out.append((depth, htmlmod.unescape(m.group(2))))
    d = re.search(r'<p class="date">(.*?)</p>', s)
    return out, d.group(1) if d else None


def toc_pdf(path):
    out, page = [], 2
    while True:
        p = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", path, "-"],
                           capture_output=True, text=True)
        entries = [l for l in p.stdout.split("\n") if re.search(r"\.{6,}\s*\d+\s*$", l)]
        if not entries:
            break
        for l in entries:
            text = re.sub(r"\s*\.{6,}\s*\d+\s*$", "", l)
            out.append((2 if text.startswith(" ") else 1, text.strip()))
        page += 1
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", path, "-"],
                           capture_output=True, text=True).stdout.split("\n")
    return out, date_after_title([l for l in first if l.strip()])


def xlsx_sheets(path):
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S):
            strings.append(htmlmod.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S))))
    wb = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    target = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
    target.update({k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="([^"]+)"', rels)})
    sheets = {}
    for name, rid in re.findall(r'<sheet name="([^"]+)"[^>]*r:id="([^"]+)"', wb):
        xml = z.read("xl/" + target[rid].lstrip("/").replace("xl/", "")).decode()
        rows = []
        for num, row in re.findall(r'<row r="(\d+)"[^>]*>(.*?)</row>', xml, re.S):
            cells = re.findall(r'<c r="A\d+"[^>]*t="s"[^>]*><v>(\d+)</v>', row)
            rows += [""] * (int(num) - 1 - len(rows))      # rows not written are blank
            rows.append(strings[int(cells[0])] if cells else "")
        sheets[htmlmod.unescape(name)] = rows
    return sheets


def toc_xlsx(path):
    sheets = xlsx_sheets(path)
    if "目录" in sheets:                       # a workbook in the source's parts
        rows = sheets["目录"]
        out = [(1, r) for r in rows[1:] if r]
        front = sheets.get("封面", [])
    else:
        rows = sheets["封面与说明"]
        i = rows.index("目录") + 1
        out = []
        while i < len(rows) and rows[i]:
            out.append((2 if rows[i].startswith("　　") else 1, rows[i].lstrip("　")))
            i += 1
        front = rows
    return out, date_after_title(front)


READERS = {"md": toc_md, "html": toc_html, "pdf": toc_pdf, "xlsx": toc_xlsx}


def agree(name, src, *opts, date=None):
    tocs = {}
    for fmt, read in READERS.items():
        out = os.path.join(TMP, f"{name}.{fmt}")
        rc, err = render(src, out, *opts)
        check(f"{name}: render {fmt}", rc == 0, err)
        if rc:
            return
        tocs[fmt] = read(out)
    md = tocs["md"][0]
    check(f"{name}: a 目录 of several entries", len(md) >= 4, md)
    for fmt, (toc, when) in tocs.items():
        check(f"{name}: {fmt}'s 目录 is Markdown's", toc == md,
              [x for x in zip(toc, md) if x[0] != x[1]][:3] or (len(toc), len(md)))
        if date:
            check(f"{name}: {fmt}'s cover date is {date}", when == date, when)
    return tocs


# The national order: parts, sections and tables, numbered within their part.
tocs = tocs_national = agree("national", os.path.join(SRC, "examples/final-2024.txt"),
                             "--date", "2026-01-15", date="2026年1月15日")
if tocs:
    md = tocs["md"][0]
    check("national: tables listed, numbered in their part",
          (2, "一、收入支出决算总表") in md and (2, "十一、政府采购支出情况表") in md, md)
    check("national: four parts", sum(1 for l, _ in md if l == 1) == 4, md)

# A template's own parts: the parts as its 目录 lists them.
blank = os.path.join(TMP, "blank.xlsx")
subprocess.run([GK, "template", "budget", "--year", "2027", "-o", blank], check=True)
tocs = agree("template", blank, "--force", "--date", "2027-01", date="2027年1月")
if tocs:
    md = tocs["md"][0]
    check("template: parts only, as its 目录", all(l == 1 for l, _ in md) and len(md) >= 4, md)

# The source cover's date when none is given.
doc = json.load(open(os.path.join(SRC, "examples/budget-2025-render.json"), encoding="utf-8"))
wb = os.path.join(TMP, "dated.xlsx")
rc, err = render(blank, wb, "--force", "--date", "2026-12-01")
rc2, err2 = render(wb, os.path.join(TMP, "dated.md"), "--force")
check("a cover's own date is kept when rendered again",
      rc == 0 and rc2 == 0 and toc_md(os.path.join(TMP, "dated.md"))[1] == "2026年12月1日",
      (err, err2, toc_md(os.path.join(TMP, "dated.md"))[1] if rc2 == 0 else None))

# --serif.
serif_pdf, serif_html = os.path.join(TMP, "serif.pdf"), os.path.join(TMP, "serif.html")
src = os.path.join(SRC, "examples/final-2024.txt")
render(src, serif_pdf, "--serif")
render(src, serif_html, "--serif")
fonts = subprocess.run(["pdffonts", serif_pdf], capture_output=True, text=True).stdout
check("--serif: the PDF's body in Noto Serif CJK SC", "NotoSerifCJK" in fonts.replace(" ", ""), fonts)
plain = subprocess.run(["pdffonts", os.path.join(TMP, "national.pdf")], capture_output=True,
                       text=True).stdout
check("no --serif: no serif face embedded", "Serif" not in plain, plain)
check("--serif: the HTML body's class", '<body class="serif">' in open(serif_html, encoding="utf-8").read())

# HTML printed (Chromium, when installed): the 目录 on one page, no table's
# title alone at the foot of a page.
page_html = os.path.join(TMP, "national.html")
s = open(page_html, encoding="utf-8").read()
check("HTML print: captions kept with their tables",
      "caption, .cap { break-inside: avoid; break-after: avoid; }" in s)
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if chromium:
    printed = os.path.join(TMP, "printed.pdf")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + os.path.join(TMP, "chromium"), "--no-pdf-header-footer",
                    "--print-to-pdf=" + printed, "file://" + page_html],
                   capture_output=True, timeout=180)
    if os.path.exists(printed):
        pages = subprocess.run(["pdftotext", "-layout", printed, "-"], capture_output=True,
                               text=True).stdout.split("\f")
        entries = [t for _, t in tocs_national["md"][0]]
        first = next(p for p in pages if sum(e in p for e in entries) >= 12)
        check("HTML print: the 目录 on one page", all(e in first for e in entries),
              [e for e in entries if e not in first])
        titles = [re.sub(r"^[一二三四五六七八九十]+、", "", t) for l, t in tocs_national["md"][0]
                  if l == 2 and "表" in t]
        alone = []
        for k, p in enumerate(pages[1:], 2):
            lines = [l.strip() for l in p.split("\n") if l.strip()]
            if lines and any(lines[-1] == t for t in titles):
                alone.append((k, lines[-1]))
        check("HTML print: no table title alone at a page's foot", not alone, alone)
    else:
        print("skip: chromium printed nothing")
else:
    print("skip: no chromium")

# A 目录 that would spill a line or two onto a page of its own is set tighter.
base = {k: v for k, v in doc["facts"].items() if not k.startswith("概况/")}
for n in range(1, 9):          # 26 … 33 lines: a 目录 page and some over
    doc["facts"] = dict(base, **{f"概况/第{k + 1}节": "内容。" for k in range(n)})
    path = os.path.join(TMP, f"toc{n}.json")
    json.dump(doc, open(path, "w", encoding="utf-8"), ensure_ascii=False)
    pdf = os.path.join(TMP, f"toc{n}.pdf")
    rc, err = render(path, pdf, "--force")
    if rc:
        check(f"{n} sections: render", False, err)
        continue
    per_page, page = [], 2
    while True:
        t = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", pdf, "-"],
                           capture_output=True, text=True).stdout
        k = len([l for l in t.split("\n") if re.search(r"\.{6,}\s*\d+\s*$", l)])
        if not k:
            break
        per_page.append(k)
        page += 1
    check(f"{n} sections in 概况: no 目录 page of fewer than 4 lines {per_page}",
          len(per_page) == 1 or per_page[-1] >= 4, per_page)

# A bad date is refused before anything is read.
for bad in ["2026-13-01", "2026-02-30", "26-01-01", "2026/01/01", "2026-1-5", ""]:
    rc, err = render(os.path.join(SRC, "examples/final-2024.txt"), os.path.join(TMP, "bad.md"),
                     "--date", bad)
    check(f"--date '{bad}' refused", rc == 2 and "日期" in err, (rc, err))
rc, _ = render(os.path.join(SRC, "examples/final-2024.txt"), os.path.join(TMP, "leap.md"),
               "--date", "2024-02-29")
check("--date 2024-02-29 taken", rc == 0)

shutil.rmtree(TMP, ignore_errors=True)
if FAILED:
    print(f"{len(FAILED)} failed")
    sys.exit(1)
print("all passed")
