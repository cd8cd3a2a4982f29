#!/usr/bin/env python3
"""Check the structure of a page written by `gongkai render X -o out.html`.

Usage: html_check.py PAGE.html [--title T] [--tables N]

Checks, with python3's html.parser:
  - every element closed, in order (void and self-closed SVG elements aside);
  - the head: lang="zh-CN", charset, viewport, title (= T), author, generator;
  - nothing fetched or run: no script, link, img, iframe, src=, url(, @import;
    every href is "#id" and the id exists; ids are unique;
  - the 目录 links to every h1/h2 after it and to every table, in order;
  - every table (N of them): caption, thead before tbody, th scope="col" or
    "colgroup" (for a span) in the head, td or th scope="row" in the body;
    every row covers exactly the <col> count after colspan and rowspan,
    without overlaps; every row is one line of source with a tab between
    columns (the text reader's cell boundaries); figures right-aligned;
  - every svg is role="img" labelled by its own <title> and <desc>;
  - no tag over 80 characters or over two lines: the text reader strips
    tags line by line, up to 80 characters (src/read/lines.c).
Prints a summary line; exits 1 with the problems found.
"""
import re
import sys
from html.parser import HTMLParser

VOID = {"meta", "link", "br", "col", "img", "input", "hr", "wbr", "area", "base", "source",
        "track", "embed", "param"}
FIGURE = re.compile(r"^-?\d[\d,]*\.\d+$")


class Table:
    def __init__(self, line):
        self.line = line
        self.ncols = 0
        self.caption = False
        self.sections = []
        self.pending = {}          # column -> rows still covered by a rowspan from above
        self.rows = []             # (source line, columns covered)
        self.row = None


class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.bad = []
        self.ids = {}
        self.hrefs = []
        self.head = {}
        self.title = None
        self.text_into = None      # list collecting text of the current element of interest
        self.tables = []
        self.table = None
        self.section = None
        self.cell = None           # (attrs, text parts)
        self.in_nav = False
        self.in_cover = False
        self.toc = []
        self.targets = []          # ids of h1/h2 after the 目录 and of tables, in order
        self.seen_toc = False
        self.svgs = []
        self.row_headers = 0
        self.figures = 0
        self.style = []

    def err(self, msg):
        self.bad.append(f"line {self.getpos()[0]}: {msg}")

    # ---- elements ----
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.element(tag, a)
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.element(tag, dict(attrs))
        if tag not in VOID and not any(t == "svg" for t, _ in self.stack):
            self.err(f"<{tag}/> outside SVG")

    def element(self, tag, a):
        line = self.getpos()[0]
        if tag in ("script", "link", "img", "iframe", "object", "embed"):
            self.err(f"<{tag}> in a self-contained page")
        if "src" in a:
            self.err(f"src= on <{tag}>")
        if "id" in a:
            if a["id"] in self.ids:
                self.err(f"id {a['id']} twice")
            self.ids[a["id"]] = tag
        if tag == "a":
            href = a.get("href", "")
            if not href.startswith("#"):
                self.err(f"link to {href!r}")
            self.hrefs.append(href[1:])
            if self.in_nav:
                self.toc.append(href[1:])
        if tag == "html":
            self.head["lang"] = a.get("lang")
        if tag == "meta":
            if "charset" in a:
                self.head["charset"] = a["charset"]
            if "name" in a:
                self.head[a["name"]] = a.get("content")
        if tag == "title" and not any(t == "svg" for t, _ in self.stack):
            self.text_into = []
        if tag == "style":
            self.text_into = []
        if tag == "nav" and "toc" in a.get("class", ""):
            self.in_nav = True
            self.seen_toc = True
        if tag == "header" and "cover" in a.get("class", ""):
            self.in_cover = True
        if tag in ("h1", "h2") and self.seen_toc and not self.in_nav and not self.in_cover:
            self.targets.append(a.get("id"))
        if tag == "section" and "table-block" in a.get("class", ""):
            self.targets.append(a.get("id"))
        if tag == "svg":
            self.svgs.append({"attrs": a, "children": []})
        if tag in ("title", "desc") and self.stack and self.stack[-1][0] == "svg":
            self.svgs[-1]["children"].append((tag, a.get("id")))
        self.table_element(tag, a, line)

    def table_element(self, tag, a, line):
        if tag == "table":
            if self.table:
                self.err("a table in a table")
            self.table = Table(line)
            return
        t = self.table
        if not t:
            if tag in ("tr", "td", "th", "thead", "tbody", "caption", "col"):
                self.err(f"<{tag}> outside a table")
            return
        if tag == "caption":
            if t.ncols or t.sections:
                self.err("caption not first in its table")
            t.caption = True
        elif tag == "col":
            t.ncols += int(a.get("span", 1))
        elif tag in ("thead", "tbody"):
            t.sections.append(tag)
            self.section = tag
        elif tag == "tr":
            if self.section is None:
                self.err("row outside thead/tbody")
            t.row = {"line": line, "taken": set(k for k, v in t.pending.items() if v > 0),
                     "next": 0}
        elif tag in ("td", "th"):
            if t.row is None:
                self.err(f"<{tag}> outside a row")
                return
            cs, rs = int(a.get("colspan", 1)), int(a.get("rowspan", 1))
            if cs < 1 or rs < 1:
                self.err(f"span {cs}x{rs}")
            c = t.row["next"]
            while c in t.row["taken"]:
                c += 1
            for k in range(c, c + cs):
                if k in t.row["taken"]:
                    self.err(f"cell overlaps column {k}")
                t.row["taken"].add(k)
                if rs > 1:
                    t.pending[k] = rs      # this row and rs - 1 below
            t.row["next"] = c + cs
            scope = a.get("scope")
            if self.section == "thead":
                if tag != "th":
                    self.err("td in thead")
                elif scope != ("colgroup" if cs > 1 else "col"):
                    self.err(f"header cell scope {scope!r} for colspan {cs}")
            elif tag == "th":
                if scope != "row":
                    self.err(f"body th scope {scope!r}")
                self.row_headers += 1
            self.cell = (a, [])

    def handle_endtag(self, tag):
        if not self.stack:
            self.err(f"</{tag}> with nothing open")
            return
        open_tag, a = self.stack.pop()
        if open_tag != tag:
            self.err(f"</{tag}> closes <{open_tag}>")
            return
        if tag == "title" and self.text_into is not None and not any(
                t == "svg" for t, _ in self.stack):
            self.title = "".join(self.text_into)
            self.text_into = None
        if tag == "style" and self.text_into is not None:
            self.style.append("".join(self.text_into))
            self.text_into = None
        if tag == "nav":
            self.in_nav = False
        if tag == "header":
            self.in_cover = False
        t = self.table
        if tag in ("td", "th") and self.cell:
            attrs, parts = self.cell
            text = "".join(parts).strip()
            if FIGURE.match(text):
                self.figures += 1
                if "r" not in attrs.get("class", "").split():
                    self.err(f"figure {text} not right-aligned")
            self.cell = None
        if tag == "tr" and t and t.row:
            taken = t.row["taken"]
            if taken != set(range(t.ncols)):
                self.err(f"row covers columns {sorted(taken)}, the table has {t.ncols}")
            if not taken:
                self.err("a row without cells")
            if self.getpos()[0] != t.row["line"]:
                self.err("a row over more than one line of source")
            t.rows.append((t.row["line"], len(taken)))
            for k in list(t.pending):
                t.pending[k] -= 1
                if t.pending[k] <= 0:
                    del t.pending[k]
            t.row = None
        if tag in ("thead", "tbody"):
            self.section = None
        if tag == "table" and t:
            if not t.caption:
                self.err("table without caption")
            if "tbody" not in t.sections or (t.sections[0] != "thead" and len(t.sections) > 1):
                self.err(f"table sections {t.sections}")
            if t.pending:
                self.err("a rowspan past the last row")
            self.tables.append(t)
            self.table = None

    def handle_data(self, data):
        if self.text_into is not None:
            self.text_into.append(data)
        if self.cell:
            self.cell[1].append(data)


def main():
    path = sys.argv[1]
    args = sys.argv[2:]
    want_title = args[args.index("--title") + 1] if "--title" in args else None
    want_tables = int(args[args.index("--tables") + 1]) if "--tables" in args else None
    src = open(path, encoding="utf-8").read()
    c = Check()
    c.feed(src)
    c.close()
    if c.stack:
        c.err(f"left open: {[t for t, _ in c.stack]}")
    for m in re.finditer(r"<[^<>]*>", src):
        if len(m.group(0)) > 80 or "\n" in m.group(0):
            c.bad.append(f"a tag the text reader keeps: {m.group(0)[:60]}…")
            break
    lines = src.split("\n")
    for t in c.tables:
        for line, n in t.rows:
            tabs = lines[line - 1].count("\t")
            if tabs != t.ncols - 1:
                c.bad.append(f"line {line}: {tabs} tabs in a row of {t.ncols} columns")
    if not src.startswith("<!DOCTYPE html>\n"):
        c.bad.append("no <!DOCTYPE html> first")
    h = c.head
    for key, want in (("lang", "zh-CN"), ("charset", "utf-8"),
                      ("viewport", "width=device-width, initial-scale=1")):
        if h.get(key) != want:
            c.bad.append(f"{key} = {h.get(key)!r}, want {want!r}")
    if not h.get("author"):
        c.bad.append("no meta author")
    if not (h.get("generator") or "").startswith("gongkai"):
        c.bad.append(f"generator {h.get('generator')!r}")
    if not c.title or (want_title is not None and c.title != want_title):
        c.bad.append(f"title {c.title!r}, want {want_title!r}")
    style = "".join(c.style)
    for s in ("url(", "@import"):
        if s in style:
            c.bad.append(f"{s} in the style")
    for href in c.hrefs:
        if href not in c.ids:
            c.bad.append(f"link #{href} leads nowhere")
    if not c.seen_toc:
        c.bad.append("no 目录")
    elif c.toc != c.targets:
        c.bad.append(f"目录 {c.toc} != headings and tables {c.targets}")
    for s in c.svgs:
        a = s["attrs"]
        if a.get("role") != "img":
            c.bad.append("svg without role=img")
        labels = (a.get("aria-labelledby") or "").split()
        kids = dict(s["children"])
        if "title" not in kids or "desc" not in kids or labels != [kids["title"], kids["desc"]]:
            c.bad.append(f"svg labelled {labels} by {s['children']}")
    if want_tables is not None and len(c.tables) != want_tables:
        c.bad.append(f"{len(c.tables)} tables, want {want_tables}")
    rows = sum(len(t.rows) for t in c.tables)
    if c.figures and not c.row_headers:
        c.bad.append("figures in the tables, but no row headers")
    for b in c.bad[:30]:
        print(b)
    print(f"{path.rsplit('/', 1)[-1]}: {len(c.tables)} tables, {rows} rows, "
          f"{c.row_headers} row headers, {len(c.ids)} ids, {len(c.toc)} 目录 links, "
          f"{len(c.svgs)} charts, {len(c.bad)} problems")
    sys.exit(1 if c.bad else 0)


main()
