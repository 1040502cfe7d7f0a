"""Run the full Senate press-release set (34,016 articles, 94 MB) through ``quotex extract``.

    python benchmarks/senate_full.py [--archive PATH] [--jobs 1 2] [--keep]

The archive is unpacked into a temporary directory (never into the repository), then the command
runs over it once for each ``--jobs`` value, writing JSONL into the same temporary directory. For
each run: documents/s, MB/s, quotes found, failed documents, the peak resident memory of the
largest single process (``ru_maxrss`` of the run's process tree) and, sampled every 50 ms from
``/proc``, of the whole tree (command plus workers). At the end: the speed-up of each run over
the first, and whether all outputs are byte for byte identical. Exit status 1 if they are not.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTEX_SHARED") or REPO_ROOT.parent / "shared")
ARCHIVE = SHARED / "news" / "senate-press-releases.tar.xz"


def unpack(archive: Path, into: Path) -> Path:
    """Unpack ``archive`` into ``into``; returns the directory of its ``*.txt`` articles."""
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    docs = sorted(into.rglob("docs"))
    if not docs:
        raise SystemExit(f"{archive}: no docs/ directory inside")
    return docs[0]


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of ``pid`` and all its descendants, from ``/proc``."""
    total = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
        todo.extend(int(c) for c in children)
    return total


def run_once(docs: Path, out: Path, jobs: int) -> dict[str, Any]:
    """One ``quotex extract`` run; its time and memory, measured from a fresh helper process.

    ``ru_maxrss`` of ``RUSAGE_CHILDREN`` is a maximum over every child ever waited for, so each
    run is launched from a helper of its own, whose children are that run's processes only.
    """
    command = [sys.executable, "-m", "quotex", "extract", str(docs), "-o", str(out), "--force",
               "--jobs", str(jobs)]
    helper = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "elapsed = time.perf_counter() - t\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "cpu = usage.ru_utime + usage.ru_stime\n"
        "print(json.dumps({'seconds': elapsed, 'max_rss': usage.ru_maxrss * 1024, 'cpu': cpu,\n"
        "                  'status': p.returncode, 'stderr': p.stderr}))\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.Popen([sys.executable, "-c", helper, *command], env=env, stdout=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.wait(0.05):
            peak = max(peak, tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    stop.set()
    sampler.join()
    result: dict[str, Any] = json.loads(stdout)
    result["tree_rss"] = peak
    result["load"] = os.getloadavg()[0]
    return result


def count(out: Path) -> tuple[int, int, int]:
    """Documents, quotes and failed documents in a JSONL output."""
    docs = quotes = failed = 0
    with out.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            docs += 1
            quotes += len(record["quotes"])
            failed += "error" in record
    return docs, quotes, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--archive", type=Path, default=ARCHIVE, help=f"default: {ARCHIVE}")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to run (default: 1 2)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (its path is printed)")
    args = parser.parse_args(argv)
    if not args.archive.exists():
        parser.error(f"{args.archive} not found (set QUOTEX_SHARED or pass --archive)")

    work = Path(tempfile.mkdtemp(prefix="quotex-senate-"))
    if work.resolve().is_relative_to(REPO_ROOT):
        parser.error("the temporary directory must lie outside the repository")
    try:
        started = time.perf_counter()
        docs_dir = unpack(args.archive, work)
        files = sorted(docs_dir.rglob("*.txt"))
        size = sum(p.stat().st_size for p in files)
        took = time.perf_counter() - started
        print(f"unpacked {len(files):,} files, {size / 1e6:.1f} MB, into {work} in {took:.1f} s")
        print(f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}")
        runs: list[dict[str, Any]] = []
        for jobs in args.jobs:
            out = work / f"quotes-jobs{jobs}.jsonl"
            result = run_once(docs_dir, out, jobs)
            n_docs, quotes, failed = count(out)
            result.update(jobs=jobs, out=out, docs=n_docs, quotes=quotes, failed=failed)
            runs.append(result)
            seconds = result["seconds"]
            print(f"--jobs {jobs}: {n_docs:,} documents in {seconds:.1f} s = {n_docs / seconds:,.0f} docs/s, "
                  f"{size / 1e6 / seconds:.2f} MB/s; {quotes:,} quotes, {failed:,} failed; peak RSS "
                  f"{result['max_rss'] / 2**20:,.0f} MiB (largest process), {result['tree_rss'] / 2**20:,.0f} MiB "
                  f"(all processes); {result['cpu']:.1f} s of CPU; exit status {result['status']}; "
                  f"load average {result['load']:.2f} at the end (other work on the machine slows the runs)")
            print("   " + result["stderr"].strip().replace("\n", "\n   "))
        first = runs[0]
        identical = True
        for run in runs[1:]:
            same = run["out"].read_bytes() == first["out"].read_bytes()
            identical &= same
            print(f"--jobs {run['jobs']} vs --jobs {first['jobs']}: {first['seconds'] / run['seconds']:.2f}x the "
                  f"speed; output {'identical' if same else 'DIFFERENT'}")
        return 0 if identical else 1
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
