"""``python -m quotex``: the command line."""

from __future__ import annotations

import sys

from quotex.cli import main

if __name__ == "__main__":
    sys.exit(main())
