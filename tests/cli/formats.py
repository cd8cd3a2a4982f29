#!/usr/bin/env python3
"""Every output format of `check` over the whole corpus: valid UTF-8, the
same findings in text, JSON and CSV, and a CSV that loads with one row per
document at least (pandas too, where it is installed).  Without OCR
(--ocr never): the scans are files that cannot be read here — their OCR,
three times over in the ASan build, would take the better part of an hour;
tests/read/ocr_scan.sh reads them.
    formats.py GONGKAI CORPUS_DIR
"""
import collections, csv, io, json, re, subprocess, sys

gk, corpus = sys.argv[1], sys.argv[2]
fail = []


def run(fmt):
    p = subprocess.run([gk, 'check', '-j', '2', '--ocr', 'never', '--format', fmt, corpus],
                       capture_output=True,
                       timeout=1800)
    if p.returncode not in (0, 1, 2):
        fail.append(f'{fmt}: exit {p.returncode}')
    try:
        p.stderr.decode('utf-8')
        return p.stdout.decode('utf-8')
    except UnicodeDecodeError as e:
        fail.append(f'{fmt}: not UTF-8: {e}')
        return p.stdout.decode('utf-8', 'replace')


# Findings per (file, rule, severity), as each format tells them.
text, js, rows = run('text'), run('json'), run('csv')
in_text = collections.Counter()
line = re.compile(r'^(.+?)(?::第\d+页)?(?::\d+)?: (error|warning|info)\[(\w+)\]: ')
for l in text.splitlines():
    m = line.match(l)
    if m:
        in_text[m.group(1), m.group(3), m.group(2)] += 1
in_json, json_docs = collections.Counter(), set()
for l in js.splitlines():
    d = json.loads(l)
    json_docs.update(d.get('files', [d['file']]))
    for f in d.get('findings', []):
        where = f['locations'][0].get('file', d['file'])
        in_json[where, f['rule'], f['severity']] += 1
in_csv, csv_docs = collections.Counter(), set()
SEVERITY = {'错误': 'error', '警告': 'warning', '提示': 'info'}
for r in csv.DictReader(io.StringIO(rows, newline='')):
    csv_docs.add(r['文件'])
    if r['级别']:
        in_csv[r['文件'], r['规则'], SEVERITY[r['级别']]] += 1
if not in_json:
    fail.append('no finding at all: the comparison would prove nothing')
if in_text != in_json:
    fail.append(f'text and JSON differ: {sorted((in_text - in_json).items())[:3]} / '
                f'{sorted((in_json - in_text).items())[:3]}')
if in_csv != in_json:
    fail.append(f'CSV and JSON differ: {sorted((in_csv - in_json).items())[:3]} / '
                f'{sorted((in_json - in_csv).items())[:3]}')
if csv_docs != json_docs:
    fail.append(f'documents: CSV {len(csv_docs)}, JSON {len(json_docs)}: '
                f'{sorted(csv_docs ^ json_docs)[:3]}')
try:
    import pandas
    frame = pandas.read_csv(io.StringIO(rows))
    if frame['文件'].nunique() != len(csv_docs):
        fail.append(f'pandas: {frame["文件"].nunique()} documents, csv: {len(csv_docs)}')
except ImportError:
    pass
for f in fail:
    print('FAIL:', f)
print(f'formats: {0 if fail else 1} passed, {1 if fail else 0} failed '
      f'({len(json_docs)} documents, {sum(in_json.values())} findings)')
sys.exit(1 if fail else 0)
