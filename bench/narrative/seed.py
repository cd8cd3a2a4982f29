#!/usr/bin/env python3
"""bench/narrative/seed.py — seeded mistakes in the narrative of real budgets.

For every budget document given (a PDF is first turned into its page text with
GK_PDF_TEXT=1 gongkai parse, which gongkai reads back as the same document; a
.txt is used as it is), every narrative amount and percentage gongkai extracts
(GK_NAR_DEBUG=1 check) is changed, one at a time, in a copy of the text: the
digit before its decimal point is raised by one ("352.67" → "353.67", "0" →
"1", "100.00%" → "101.00%").  The copy is checked; the mistake counts as
reported when an error or warning that the unedited document does not have
points at the edited line or the two lines around it (a sentence wraps).

Printed: per document and in total, the figures edited and reported, split by
what the figure is — an amount bound to a cell (B), a change or earlier year's
amount tied to one through a checked claim (T), an amount bound to nothing (-),
a percentage (%) — and the errors of the unedited documents (each should be a
mistake of the document: tests/findings/labels.tsv says which are real).

  bench/narrative/seed.py [--gk build/gongkai] [--list] FILE...
  bench/narrative/seed.py ../shared/corpus/*budget*.pdf ../shared/corpus/004*.txt
--list prints every figure not reported (file, line, what, text).
"""
import argparse, collections, json, os, re, subprocess, sys, tempfile


def page_text(gk, path, tmp):
    if not path.lower().endswith('.pdf'):
        return open(path, encoding='utf-8').read()
    p = subprocess.run([gk, 'parse', '--ocr', 'never', path], env=dict(os.environ, GK_PDF_TEXT='1'),
                       capture_output=True)
    return p.stderr.decode('utf-8', errors='replace')


def check(gk, path):
    p = subprocess.run([gk, 'check', '--ocr', 'never', '--format', 'json', path], capture_output=True)
    try:
        return json.loads(p.stdout.decode().splitlines()[0]).get('findings', [])
    except Exception:
        return None


def key(f):
    return (f['rule'], f.get('line'), f['message'])


def figures(gk, path):
    p = subprocess.run([gk, 'check', '--ocr', 'never', path], env=dict(os.environ, GK_NAR_DEBUG='1'),
                       capture_output=True)
    out = []
    for ln in p.stderr.decode('utf-8', errors='replace').splitlines():
        f = ln.split('\t')
        if f[0] == 'NAR' and len(f) >= 8:
            if f[1] == 'X':          # a threshold, no amount
                continue
            out.append((f[1], int(f[3][1:]), f[7], f[6]))
        elif f[0] == 'PCT' and len(f) >= 6:
            out.append(('%', int(f[2][1:]), f[5], f[4]))
    return out


def mutate(line, text, k):
    """The line with the k-th occurrence of the figure (its units digit) raised
    by one, or None when the line does not hold k + 1 of them (a figure
    wrapped over two lines)."""
    pat = r'\s?'.join(re.escape(ch) for ch in text).replace(r'\,', r'[,，]?')
    hits = [m for m in re.finditer(r'(?<![\d.])' + pat + r'(?![\d])', line)]
    if len(hits) <= k:
        return None
    m = hits[k]
    s = m.group(0)
    dot = s.find('.')
    i = (dot if dot >= 0 else len(s)) - 1
    while i >= 0 and not s[i].isdigit():
        i -= 1
    if i < 0:
        return None
    s2 = s[:i] + str((int(s[i]) + 1) % 10) + s[i + 1:]
    if s2.lstrip('0,') == '' or (s2[0] == '0' and len(s2) > 1 and s2[1] not in '.'):
        return None
    return line[:m.start()] + s2 + line[m.end():]


def near(f, line):
    lines = [f.get('line')] + [l.get('line') for l in f.get('locations') or []]
    return any(l is not None and abs(l - line) <= 2 for l in lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gk', default='build/gongkai')
    ap.add_argument('--list', action='store_true')
    ap.add_argument('files', nargs='+')
    a = ap.parse_args()
    total = collections.Counter()
    base_errors = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in a.files:
            name = os.path.basename(path)
            stem = re.sub(r'\.(pdf|txt)$', '', name)
            text = page_text(a.gk, path, tmp)
            src = os.path.join(tmp, stem + ('.pages.txt' if path.lower().endswith('.pdf') else '.txt'))
            open(src, 'w', encoding='utf-8').write(text)
            base = check(a.gk, src)
            if base is None:
                print(f'{name}: unreadable', file=sys.stderr)
                continue
            base_keys = {key(f) for f in base}
            base_errors += [(name, f) for f in base if f['severity'] == 'error']
            lines = text.split('\n')
            c = collections.Counter()
            seen = collections.Counter()
            for what, ln, fig, subject in figures(a.gk, src):
                if ln < 1 or ln > len(lines):
                    continue
                k = seen[ln, fig]
                seen[ln, fig] += 1
                edited = mutate(lines[ln - 1], fig, k)
                c[what, 'figures'] += 1
                if edited is None:
                    c[what, 'skipped'] += 1
                    continue
                c[what, 'edited'] += 1
                copy = lines[:]
                copy[ln - 1] = edited
                dst = os.path.join(tmp, 'edit-' + os.path.basename(src))
                open(dst, 'w', encoding='utf-8').write('\n'.join(copy))
                found = check(a.gk, dst) or []
                hit = [f for f in found if f['severity'] in ('error', 'warning') and key(f) not in base_keys
                       and near(f, ln)]
                if hit:
                    c[what, 'reported'] += 1
                elif a.list:
                    print(f'  miss {name}:{ln} [{what}] {subject} {fig}')
            total.update(c)
            print(f'{name}: ' + report(c) + f'; unedited: {sum(f["severity"] == "error" for f in base)} errors')
    print('total: ' + report(total))
    for what in ('B', 'T', '-', '%'):
        e, r = total[what, 'edited'], total[what, 'reported']
        if e:
            print(f'  {what}: {r}/{e} reported ({100 * r / e:.1f}%)')
    e = sum(total[w, 'edited'] for w in ('B', 'T')) + total['%', 'edited']
    r = sum(total[w, 'reported'] for w in ('B', 'T')) + total['%', 'reported']
    print(f'  checked amounts (B+T) and percentages: {r}/{e} reported ({100 * r / max(e, 1):.1f}%)')
    e = sum(total[w, 'edited'] for w in ('B', 'T', '-', '%'))
    r = sum(total[w, 'reported'] for w in ('B', 'T', '-', '%'))
    print(f'  all edited figures: {r}/{e} reported ({100 * r / max(e, 1):.1f}%)')
    print(f'unedited documents: {len(base_errors)} errors')
    for name, f in base_errors:
        print(f'  {name}:{f.get("line")}: {f["rule"]}: {f["message"][:100]}')


def report(c):
    parts = []
    for what in ('B', 'T', '-', '%'):
        if c[what, 'figures']:
            parts.append(f'{what} {c[what, "reported"]}/{c[what, "edited"]}'
                         + (f' (+{c[what, "skipped"]} not editable)' if c[what, 'skipped'] else ''))
    return ', '.join(parts)


if __name__ == '__main__':
    main()
