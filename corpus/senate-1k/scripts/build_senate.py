#!/usr/bin/env python3
"""Build the senate-press-releases corpus from Grimmer's raw files.

Input : RAW dir = <checkout of lintool/GrimmerSenatePressReleases>/raw
Output: OUT dir with docs/*.txt (one release per file, UTF-8, paragraphs separated
        by a blank line; first paragraph = the original all-caps headline),
        metadata.tsv, excluded.tsv.
Only the consistently formatted subset is kept (all-caps headline on line 1,
one paragraph per following line); files whose punctuation/newlines were
stripped upstream are skipped, as are likely third-party reprints.
"""
import hashlib, os, re, sys, datetime, collections

RAW, OUT = sys.argv[1], sys.argv[2]
MIN_WORDS, MAX_WORDS = 60, 4000
MONTHS = {m: i for i, m in enumerate(
    ['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'], 1)}
# third-party / reprint markers (copyrighted material that a senator's office
# re-posted); such documents are dropped to keep the corpus public-domain.
REPRINT = re.compile(
    r"\((AP|Reuters)\)|Associated Press|\bReuters\b|Bloomberg News|Copyright|"
    r"All rights reserved|\bop-?ed\b|reprinted|appeared in (the|today's)|"
    r"editorial (board|page)|\bBy [A-Z][a-z]+ [A-Z][a-z]+\s*$", re.M)
HEAD = re.compile(r"^[A-Z0-9][^a-z]{10,}$")

def parse_name(fn):
    m = re.match(r"(\d{1,2})([A-Z][a-z]{2})(\d{4})([A-Za-z]+?)(\d+)\.txt$", fn)
    if not m:
        return None, None
    d, mon, y, _, n = m.groups()
    try:
        date = datetime.date(int(y), MONTHS[mon], int(d)).isoformat()
    except (KeyError, ValueError):
        return None, None
    return date, n

def main():
    os.makedirs(os.path.join(OUT, 'docs'), exist_ok=True)
    seen = {}
    meta, excl = [], []
    reasons = collections.Counter()
    for sen in sorted(os.listdir(RAW)):
        d = os.path.join(RAW, sen)
        if not os.path.isdir(d) or sen.startswith('Senate'):
            continue
        for fn in sorted(os.listdir(d)):
            src = f"raw/{sen}/{fn}"
            raw = open(os.path.join(d, fn), 'rb').read()
            try:
                t = raw.decode('utf-8')
            except UnicodeDecodeError:
                t = raw.decode('cp1252', errors='replace')
            t = t.replace('\r\n', '\n').replace('\r', '\n')
            lines = t.split('\n')
            head = lines[0].strip()
            if not HEAD.match(head) or '\n   ' not in t:
                reasons['unformatted'] += 1; excl.append((src, 'unformatted')); continue
            # drop leftover MS-Word conditional-comment markers (3 docs upstream)
            paras = [re.sub(r'!-\[(?:if [^\]]*|endif)\]-\s*', '', l) for l in lines[1:]]
            paras = [re.sub(r'[ \t]+', ' ', l).strip() for l in paras]
            paras = [p for p in paras if p]
            body = '\n\n'.join(paras)
            nw = len(body.split())
            if nw < MIN_WORDS or nw > MAX_WORDS:
                reasons['length'] += 1; excl.append((src, f'length:{nw}')); continue
            if REPRINT.search(body):
                reasons['reprint'] += 1; excl.append((src, 'reprint-marker')); continue
            key = hashlib.sha1(re.sub(r'\W+', ' ', body).lower().encode()).hexdigest()
            if key in seen:
                reasons['duplicate'] += 1; excl.append((src, 'dup-of:' + seen[key])); continue
            date, n = parse_name(fn)
            if date is None:
                reasons['badname'] += 1; excl.append((src, 'unparsable-name')); continue
            doc_id = f"{date}_{sen}_{n}"
            seen[key] = doc_id
            text = head + '\n\n' + body + '\n'
            with open(os.path.join(OUT, 'docs', doc_id + '.txt'), 'w', encoding='utf-8') as f:
                f.write(text)
            meta.append((doc_id, sen, date, head, src, str(nw), str(len(paras))))
    with open(os.path.join(OUT, 'metadata.tsv'), 'w', encoding='utf-8') as f:
        f.write('id\tsenator_dir\tdate\theadline\tsource_file\twords\tparagraphs\n')
        for r in sorted(meta):
            f.write('\t'.join(x.replace('\t', ' ') for x in r) + '\n')
    with open(os.path.join(OUT, 'excluded.tsv'), 'w', encoding='utf-8') as f:
        f.write('source_file\treason\n')
        for r in excl:
            f.write('\t'.join(r) + '\n')
    print('kept', len(meta), dict(reasons))

main()
