#!/usr/bin/env python3
"""After `update_translations`: a text that only moved to another context (a class renamed, a
dialog made a class of its own) keeps its translation. lupdate's same-text heuristic fills such an
entry but leaves it unfinished; this marks it finished when the old file (git's HEAD) had exactly
that source translated the same way, finished. Everything else stays as lupdate left it.

    tools/ts_keep_moved.py translations/finwave_zh_CN.ts
"""
import subprocess
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
old = ET.fromstring(subprocess.run(['git', 'show', 'HEAD:' + path], capture_output=True, check=True).stdout)
finished = set()
for m in old.iter('message'):
    t = m.find('translation')
    if t is not None and t.get('type') is None and m.find('source') is not None:
        finished.add((m.find('source').text, t.text))

text = open(path, encoding='utf-8').read()
tree = ET.fromstring(text)
kept = 0
for m in tree.iter('message'):
    t = m.find('translation')
    if t is not None and t.get('type') == 'unfinished' and (m.find('source').text, t.text) in finished:
        kept += 1
# Edit the text itself, so the file keeps lupdate's layout: one entry at a time, in order.
out, pos = [], 0
for m in tree.iter('message'):
    src = m.find('source').text
    t = m.find('translation')
    start = text.find('<message', pos)
    end = text.find('</message>', start) + len('</message>')
    chunk = text[start:end]
    if t is not None and t.get('type') == 'unfinished' and (src, t.text) in finished:
        chunk = chunk.replace('<translation type="unfinished">', '<translation>', 1)
    out.append(text[pos:start] + chunk)
    pos = end
out.append(text[pos:])
open(path, 'w', encoding='utf-8').write(''.join(out))
print(f'{path}: {kept} moved texts keep their translation')
