#!/usr/bin/env python3
"""labels.py — every error and warning gongkai gives on the corpus, labeled by hand.

tests/findings/labels.tsv holds one line per finding (error or warning) that
`gongkai check --format json` gives on the documents of ../shared/corpus, each
checked by a person against the source and marked

    real    a mistake of the document (the note says which)
    false   not a mistake of the document (the note says the cause: misreading,
            a rule relating the wrong quantities, a blank template …)

Columns (tab-separated; '#' starts a comment line):
    file         path under the corpus folder (wild/xian-b6aea555.pdf)
    fingerprint  the finding's JSON `fingerprint` (rule, tables, rows, columns,
                 figures and quoted words; not page, line or file: docs/format.md)
    rule         BUD023 …
    severity     error | warning
    verdict      real | false
    note         why, in Chinese or English; the figures help the next reader

Use:
    labels.py GONGKAI CORPUS [--check]       the test: exit 1 when a finding is not
                                             on the list or a `real` entry is no
                                             longer produced; prints the share real
    labels.py GONGKAI CORPUS --unlabeled     the findings not on the list, as lines to
                                             add (verdict `?`, the message as note):
                                             replace `?` by real/false, write the note
    labels.py GONGKAI CORPUS --prune         rewrite the list without the entries no
                                             longer produced (after a change that
                                             removed findings on purpose)
    -j N  documents checked at once (default 2)

Documents: the corpus's top-level *.txt and *.pdf, reprint/, templates/ and
wild/ (DOCS below), each checked on its own as corpus-score does.  A `false`
entry that is no longer produced is good news and only noted; a `real` one is a
failure: a known mistake of a document is not found any more (or its figures
changed: then --unlabeled shows it again under its new fingerprint).
"""
import argparse, collections, concurrent.futures as cf, glob, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
LIST = os.path.join(HERE, 'labels.tsv')
DOCS = ['*.txt', '*.pdf', 'reprint/*', 'templates/*', 'wild/*']
EXT = ('.pdf', '.txt', '.xlsx', '.html', '.htm', '.md', '.json')
COLS = ['file', 'fingerprint', 'rule', 'severity', 'verdict', 'note']


def documents(corpus, skip_scans=False):
    out = set()
    for pat in DOCS:
        out.update(p for p in glob.glob(os.path.join(corpus, pat))
                   if p.lower().endswith(EXT) and os.path.isfile(p)
                   and not (skip_scans and p.endswith('.scan.pdf')))
    return sorted(out)


def check_one(gk, corpus, path, ocr=True):
    p = subprocess.run([gk, 'check', '--format', 'json'] + ([] if ocr else ['--ocr', 'never']) +
                       [path], capture_output=True, timeout=600)
    rel = os.path.relpath(path, corpus)
    if p.returncode == 2:          # unreadable (scan, not a disclosure): no findings
        return rel, []
    if p.returncode not in (0, 1):
        raise SystemExit(f'{rel}: gongkai check exit {p.returncode}: {p.stderr.decode()[-300:]}')
    out = []
    for line in p.stdout.decode().splitlines():
        d = json.loads(line)
        for f in d.get('findings', []):
            if f['severity'] in ('error', 'warning'):
                out.append(f)
    return rel, out


def findings(gk, corpus, jobs, skip_scans=False):
    with cf.ThreadPoolExecutor(jobs) as ex:
        return list(ex.map(lambda p: check_one(gk, corpus, p, not skip_scans),
                           documents(corpus, skip_scans)))


def load():
    entries, problems = collections.OrderedDict(), []
    with open(LIST, encoding='utf-8') as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            cells = line.split('\t')
            if len(cells) != len(COLS):
                problems.append(f'labels.tsv:{n}: {len(cells)} columns, expected {len(COLS)}')
                continue
            e = dict(zip(COLS, cells))
            if e['verdict'] not in ('real', 'false'):
                problems.append(f'labels.tsv:{n}: verdict "{e["verdict"]}" is not real|false')
            if not e['note'].strip():
                problems.append(f'labels.tsv:{n}: no note (say which mistake, or the cause)')
            key = (e['file'], e['fingerprint'])
            if key in entries:
                problems.append(f'labels.tsv:{n}: {e["file"]} {e["fingerprint"]} listed twice')
            entries[key] = e
    return entries, problems


def one_line(s):
    return ' '.join(s.replace('\t', ' ').split())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('gongkai')
    ap.add_argument('corpus')
    ap.add_argument('-j', type=int, default=2)
    ap.add_argument('--skip-scans', action='store_true',
                    help='no OCR: leave out the scanned PDFs (OCR takes minutes under ASan)')
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument('--check', action='store_true')
    mode.add_argument('--unlabeled', action='store_true')
    mode.add_argument('--prune', action='store_true')
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        print(f'labels.py: no corpus at {a.corpus}: skipped')
        return 77 if not (a.unlabeled or a.prune) else 2
    entries, problems = load()
    produced = {}
    for rel, fs in findings(a.gongkai, a.corpus, a.j, a.skip_scans):
        for f in fs:
            produced[rel, f['fingerprint']] = (rel, f)
    new = [v for k, v in produced.items() if k not in entries]
    gone = [e for k, e in entries.items() if k not in produced
            and not (a.skip_scans and k[0].endswith('.scan.pdf'))]

    if a.unlabeled:
        for rel, f in new:
            where = f['locations'][0]
            place = '/'.join(x for x in (where.get('table'), where.get('row'), where.get('column'))
                             if x)
            note = f"p{f.get('page')} {place} {one_line(f['message'])}".replace('pNone ', '')
            print('\t'.join([rel, f['fingerprint'], f['rule'], f['severity'], '?', note]))
        print(f'# {len(new)} findings not on the list', file=sys.stderr)
        return 0
    if a.prune:
        keep = {k for k in entries if k in produced}
        with open(LIST, encoding='utf-8') as fh:
            lines = fh.readlines()
        with open(LIST, 'w', encoding='utf-8') as fh:
            for line in lines:
                cells = line.rstrip('\n').split('\t')
                if (line.startswith('#') or not line.strip() or len(cells) != len(COLS)
                        or (cells[0], cells[1]) in keep):
                    fh.write(line)
        print(f'removed {len(gone)} entries no longer produced')
        return 0

    # The test.
    labeled = [entries[k] for k in produced if k in entries]
    tally = collections.Counter((e['severity'], e['verdict']) for e in labeled)
    real = sum(v for (s, v2), v in tally.items() if v2 == 'real')
    print(f'findings (errors + warnings) produced: {len(produced)}; labeled {len(labeled)}; '
          f'real {real} ({100.0 * real / max(1, len(labeled)):.1f}% of labeled); '
          f'errors real {tally["error", "real"]}/{tally["error", "real"] + tally["error", "false"]}, '
          f'warnings real {tally["warning", "real"]}/'
          f'{tally["warning", "real"] + tally["warning", "false"]}')
    for p in problems:
        print('FAIL', p)
    for rel, f in new:
        print(f'FAIL not on the list: {rel} {f["fingerprint"]} {f["severity"]}[{f["rule"]}] '
              f'p{f.get("page")}: {one_line(f["message"])[:200]}')
    lost = [e for e in gone if e['verdict'] == 'real']
    for e in lost:
        print(f'FAIL a real mistake no longer reported: {e["file"]} {e["fingerprint"]} '
              f'{e["rule"]}: {e["note"][:160]}')
    for e in gone:
        if e['verdict'] == 'false':
            print(f'note: false finding gone (remove with --prune): {e["file"]} '
                  f'{e["fingerprint"]} {e["rule"]}')
    if new:
        print(f'{len(new)} findings not on the list: label them '
              f'(tests/findings/labels.py GONGKAI CORPUS --unlabeled >> tests/findings/labels.tsv)')
    return 1 if problems or new or lost else 0


if __name__ == '__main__':
    sys.exit(main())
