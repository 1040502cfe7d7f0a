"""Instructions per article of the rules engine, counted by callgrind: a figure that the load of
the machine does not move, for comparing two builds or two versions of the engine.

    python benchmarks/instructions.py [CORPUS_DIR]

runs ``extract`` over every article of the corpus (default: the bundled Wikinews articles) under
``valgrind --tool=callgrind``, once with one pass and once with three after the same warm-up, and
prints the difference per article and pass: loading, imports and the lexicons drop out. The build
that is imported is measured (``quotex.compiled()`` says which). It takes some minutes.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# callgrind's closing line: "==123== Collected : 5369057285"
COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def passes(corpus: Path, count: int) -> None:
    """One warm-up pass over the corpus, then ``count`` more."""
    import quotex

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt"))]
    extractor = quotex.Extractor(engine="rules")
    for _ in range(count + 1):
        for text in texts:
            extractor.extract(text)


def counted(corpus: Path, count: int) -> int:
    """Instructions of a run with ``count`` passes after the warm-up."""
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out", sys.executable, __file__,
             "--passes", str(count), str(corpus)],
            capture_output=True, text=True, check=True,
        )
    found = COLLECTED.search(run.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "corpus" / "wikinews" / "docs")
    parser.add_argument("--passes", type=int, help=argparse.SUPPRESS)  # the run under callgrind
    args = parser.parse_args()
    if args.passes is not None:
        passes(args.corpus, args.passes)
        return
    import quotex

    docs = len(list(args.corpus.rglob("*.txt")))
    per_article = (counted(args.corpus, 3) - counted(args.corpus, 1)) / 2 / docs
    build = "compiled" if quotex.compiled() else "pure Python"
    print(f"{per_article / 1e6:.3f} M instructions per article ({docs} articles of {args.corpus}, {build})")


if __name__ == "__main__":
    main()
