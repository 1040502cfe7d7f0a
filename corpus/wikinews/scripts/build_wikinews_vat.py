#!/usr/bin/env python3
"""Build wikinews-en-2019-2020 from vanatteveldt/wikinews data/wikinews_{2019,2020}.csv.
Each article -> docs/<date>_<slug>.txt : title, blank line, paragraphs separated by
blank lines. Only whitespace normalisation and removal of a leading
'Weekday, Month D, YYYY' dateline paragraph; text otherwise unchanged."""
import csv, os, re, sys, urllib.parse, unicodedata
SRC, OUT = sys.argv[1], sys.argv[2]
csv.field_size_limit(10**9)
os.makedirs(os.path.join(OUT, 'docs'), exist_ok=True)
DATELINE = re.compile(r'^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ \d{1,2}, \d{4}$')
rows = []
for fn in ('wikinews_2019.csv', 'wikinews_2020.csv'):
    rows += list(csv.DictReader(open(os.path.join(SRC, fn), encoding='utf-8')))
meta, seen = [], set()
for r in rows:
    url = r['url'].replace('.org//wiki/', '.org/wiki/')
    if url in seen:
        continue
    seen.add(url)
    paras = [re.sub(r'\s+', ' ', p.replace('\xa0', ' ')).strip() for p in re.split(r'\n\s*\n', r['text'])]
    paras = [p for p in paras if p]
    while paras and DATELINE.match(paras[0]):
        paras.pop(0)
    if not paras:
        continue
    slug = urllib.parse.unquote(url.rsplit('/wiki/', 1)[1])
    slug = unicodedata.normalize('NFKD', slug).encode('ascii', 'ignore').decode()
    slug = re.sub(r'[^A-Za-z0-9]+', '_', slug).strip('_')[:80]
    doc_id = f"{r['date']}_{slug}"
    title = r['title'].strip()
    with open(os.path.join(OUT, 'docs', doc_id + '.txt'), 'w', encoding='utf-8') as f:
        f.write(title + '\n\n' + '\n\n'.join(paras) + '\n')
    meta.append((doc_id, r['date'], title, url, str(sum(len(p.split()) for p in paras)), str(len(paras))))
with open(os.path.join(OUT, 'metadata.tsv'), 'w', encoding='utf-8') as f:
    f.write('id\tdate\ttitle\turl\twords\tparagraphs\n')
    for m in sorted(meta):
        f.write('\t'.join(x.replace('\t', ' ') for x in m) + '\n')
print('kept', len(meta))
