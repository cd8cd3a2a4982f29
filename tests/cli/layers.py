#!/usr/bin/env python3
"""The folders of src/ are layers, and includes between them point one way:

    cli → write → rules → narrative → read → model → util

A file may include its own folder and any folder to its right, never one to
its left (write and rules may both use what is below them; a reader knows
nothing of rules, the model nothing of readers).  Checked on the relative
includes ("../model/arena.h"), which are how src/ folders reach each other.
    layers.py SOURCE_DIR
"""
import os, re, sys

ORDER = ['cli', 'write', 'rules', 'narrative', 'read', 'model', 'util']
rank = {name: i for i, name in enumerate(ORDER)}
src = os.path.join(sys.argv[1], 'src')
include = re.compile(r'#\s*include\s+"\.\./(\w+)/')
wrong, seen = [], 0
for folder in sorted(os.listdir(src)):
    if folder not in rank:
        wrong.append(f'src/{folder}/: a folder that is no layer (add it to ORDER)')
        continue
    for name in sorted(os.listdir(os.path.join(src, folder))):
        path = os.path.join(src, folder, name)
        for n, line in enumerate(open(path, encoding='utf-8'), 1):
            m = include.match(line.strip())
            if not m:
                continue
            seen += 1
            to = m.group(1)
            if to not in rank or rank[to] <= rank[folder]:
                wrong.append(f'src/{folder}/{name}:{n}: {folder} includes {to}')
for w in wrong:
    print('wrong way:', w)
ok = not wrong and seen > 0
print(f'layers: {1 if ok else 0} passed, {0 if ok else 1} failed ({seen} includes between folders)')
sys.exit(0 if ok else 1)
