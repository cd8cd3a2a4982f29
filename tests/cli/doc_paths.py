#!/usr/bin/env python3
"""Every repository path that README.md and docs/ name exists.

A path is a word starting with one of the repository's top-level folders
(docs/, src/, include/, tests/, bench/, examples/, scripts/, data/, fuzz/,
tools/, cmake/) in Markdown text, links or code.  Globs and placeholders
(*, …, TARGET) are checked by the folder before them.
    doc_paths.py SOURCE_DIR
"""
import os, re, sys

src = sys.argv[1]
TOP = ('docs', 'src', 'include', 'tests', 'bench', 'examples', 'scripts', 'data', 'fuzz',
       'tools', 'cmake')
word = re.compile(r'(?<![\w./-])((?:%s)/[\w./*…-]*)' % '|'.join(TOP))
files = [os.path.join(src, 'README.md')] + [
    os.path.join(src, 'docs', f) for f in sorted(os.listdir(os.path.join(src, 'docs')))
    if f.endswith('.md')] + [
    os.path.join(src, d, 'README.md') for d in ('bench', 'fuzz', 'examples')
    if os.path.exists(os.path.join(src, d, 'README.md'))]
missing = []
for f in files:
    for n, line in enumerate(open(f, encoding='utf-8'), 1):
        for m in word.finditer(line):
            p = m.group(1).rstrip('.,;:)/')
            if len(p.partition('/')[2]) == 1:
                continue                # "docs/s": documents a second, no path
            # A placeholder or glob: the folder before it must exist.
            fixed = re.split(r'[*…]|/[A-Z]+\b', p)[0]
            if fixed != p:
                fixed = os.path.dirname(fixed) if not fixed.endswith('/') else fixed
            if not os.path.exists(os.path.join(src, fixed)):
                missing.append(f'{os.path.relpath(f, src)}:{n}: {p}')
for m in missing:
    print('missing:', m)
print(f'doc paths: {0 if missing else 1} passed, {1 if missing else 0} failed')
sys.exit(1 if missing else 0)
