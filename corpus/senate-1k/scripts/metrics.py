#!/usr/bin/env python3
"""Rough quote/attribution statistics for a directory tree of .txt documents."""
import os, re, sys, json
QCHR = re.compile(r'["\u201c\u201d]')
QPAIR = re.compile(r'"[^"\n]{8,}?"|\u201c[^\u201d\n]{8,}?\u201d')
SAID = re.compile(r'\bsaid\b', re.I)
RV = re.compile(r'\b(said|says|say|told|tells|stated|states|added|adds|announced|explained|noted|asked|argued|claimed|warned|insisted|commented|remarked|declared|according to)\b', re.I)
def stats(root):
    n = b = w = dq = dp = s = rv = p3 = npairs = 0
    for dp_, _, fs in os.walk(root):
        for f in fs:
            if not f.endswith('.txt'): continue
            t = open(os.path.join(dp_, f), encoding='utf-8', errors='replace').read()
            n += 1; b += len(t.encode('utf-8')); ww = len(t.split()); w += ww
            dq += bool(QCHR.search(t)); pr = QPAIR.findall(t); npairs += len(pr); dp += bool(pr)
            s += len(SAID.findall(t)); rv += len(RV.findall(t))
            p3 += len([x for x in re.split(r'\n\s*\n', t) if x.strip()]) >= 3
    return dict(docs=n, bytes=b, MB=round(b/1e6, 2), words=w, words_per_doc=round(w/max(n,1)),
                pct_docs_any_dquote=round(100*dq/max(n,1), 1), pct_docs_quote_pair=round(100*dp/max(n,1), 1),
                quote_pairs_per_doc=round(npairs/max(n,1), 2),
                said_per_1k_words=round(1000*s/max(w,1), 2), reporting_verbs_per_1k_words=round(1000*rv/max(w,1), 2),
                pct_docs_3plus_paragraphs=round(100*p3/max(n,1), 1))
if __name__ == '__main__':
    out = {}
    for spec in sys.argv[1:]:
        name, root = spec.split('=', 1)
        out[name] = stats(root)
        print(name, json.dumps(out[name]))
