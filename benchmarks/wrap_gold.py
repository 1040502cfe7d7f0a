"""Write a hard-wrapped copy of a gold JSONL, every offset mapped (run by hand).

    python benchmarks/wrap_gold.py corpus/wikinews/gold.jsonl /tmp/wrapped.jsonl [--width 72]

Plain-text news is often hard-wrapped at 70-80 columns (wire feeds, press releases, mail
archives): paragraphs separated by blank lines, a newline wherever a line would pass the width.
The copy is for measuring quotex on such text against the same gold; the wrapping itself is
``tests/wrapping.py``'s ``wrap_document``, which ``tests/test_wrapped.py`` checks.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # run as a script: the repository is not on the path
    sys.path.insert(0, str(REPO_ROOT))

from tests.wrapping import wrap_document  # noqa: E402 - after the path is set


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path, help="gold JSONL: {id, text, quotes}")
    parser.add_argument("out", type=Path, help="where to write the wrapped copy")
    parser.add_argument("--width", type=int, default=72, help="columns (default 72)")
    args = parser.parse_args(argv)
    with args.gold.open(encoding="utf-8") as src, args.out.open("w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                dst.write(json.dumps(wrap_document(json.loads(line), args.width), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
