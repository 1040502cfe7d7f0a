"""Throughput of quotex on a local Dask cluster against ``quotex extract --jobs N``, on the Senate set.

Unpacks ``senate-press-releases.tar.xz`` (34,016 press releases, from the shared material) into a
temporary directory, then extracts every document twice, writing JSONL both times:

1. through ``quotex.dask.documents_bag`` on a ``LocalCluster`` of N single-threaded worker
   processes (the workers read the files themselves; startup is timed apart);
2. through the ``quotex extract DIR --jobs N -o OUT`` command, in a subprocess.

It prints documents per second for each, their ratio, the CPU seconds each used (worker and
driver processes: a figure that moves less than the wall time on a shared machine) and the number
of quotes each found (they must agree). Needs ``pip install '.[dask]'``. Run from the repository::

    python benchmarks/dask_senate.py                        # 2 workers, the shared tarball
    python benchmarks/dask_senate.py --docs DIR --workers 4 # an unpacked directory of *.txt
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from senate_full import count  # the same JSONL tally as the CLI benchmark; this folder is on the path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTEX_SHARED") or REPO_ROOT.parent / "shared")
TARBALL = SHARED / "news" / "senate-press-releases.tar.xz"


def cpu_seconds() -> float:
    """CPU seconds used so far by this process."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def read_pair(root: str, rel: str) -> tuple[str, str | None]:
    """``(id, text)`` of one file, read in the worker; ``None`` when it cannot be read."""
    from quotex.inputs import read_text_file

    doc = read_text_file(Path(root) / rel, rel)
    return doc.id, doc.text


def run_dask(docs: Path, workers: int, out: Path, partitions_per_worker: int) -> dict[str, float]:
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    from quotex.dask import documents_bag

    started = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(cluster)
    ready = time.perf_counter()
    workers_before = client.run(cpu_seconds)
    driver_before = cpu_seconds()
    try:
        relative = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.txt"))
        paths = db.from_sequence(relative, npartitions=workers * partitions_per_worker)
        rows = documents_bag(paths.map(lambda rel: read_pair(str(docs), rel)))
        out.mkdir()
        rows.map(json.dumps, ensure_ascii=False).to_textfiles(str(out / "part-*.jsonl"))
        done = time.perf_counter()
        workers_cpu = sum(client.run(cpu_seconds).values()) - sum(workers_before.values())
        cpu = workers_cpu + cpu_seconds() - driver_before
    finally:
        client.close()
        cluster.close()
    quotes = failed = 0
    for part in out.glob("part-*.jsonl"):
        for line in part.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            quotes += len(record["quotes"])
            failed += record["error"] is not None
    return {"documents": len(relative), "quotes": quotes, "failed": failed,
            "startup": ready - started, "seconds": done - ready, "cpu": cpu}


def run_cli(docs: Path, jobs: int, out: Path) -> dict[str, float]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "quotex", "extract", str(docs), "--jobs", str(jobs), "-o", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and its worker processes
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode not in (0, 1):
        raise SystemExit(f"quotex extract failed ({done.returncode}): {done.stderr}")
    documents, quotes, failed = count(out)
    return {"documents": documents, "quotes": quotes, "failed": failed, "startup": 0.0, "seconds": seconds,
            "cpu": cpu}


def report(name: str, figures: dict[str, float]) -> float:
    rate = figures["documents"] / figures["seconds"]
    print(f"{name:<28} {figures['documents']:>7,.0f} docs {figures['quotes']:>8,.0f} quotes "
          f"{figures['failed']:>4,.0f} failed {figures['seconds']:>7.1f} s {rate:>7,.0f} docs/s "
          f"{figures['cpu']:>7.1f} cpu s"
          + (f"  (+{figures['startup']:.1f} s cluster startup)" if figures["startup"] else ""))
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tarball", type=Path, default=TARBALL, help="the Senate tarball (default: %(default)s)")
    parser.add_argument("--docs", type=Path, help="an unpacked directory of *.txt instead of the tarball")
    parser.add_argument("--workers", type=int, default=2, help="Dask workers and CLI --jobs (default: 2)")
    parser.add_argument("--partitions-per-worker", type=int, default=16, help="bag partitions per worker")
    parser.add_argument("--cli-jobs", type=int, action="append",
                        help="--jobs values for the CLI run (repeatable; default: --workers)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="quotex-senate-") as tmp:
        work = Path(tmp)
        docs = args.docs
        if docs is None:
            if not args.tarball.is_file():
                raise SystemExit(f"no tarball at {args.tarball}: pass --tarball or --docs")
            print(f"unpacking {args.tarball} into {work}")
            with tarfile.open(args.tarball) as tar:
                tar.extractall(work, filter="data")
            docs = next(work.glob("*/docs"))
        dask_figures = run_dask(docs, args.workers, work / "dask-out", args.partitions_per_worker)
        dask_rate = report(f"dask, {args.workers} workers", dask_figures)
        for jobs in args.cli_jobs or [args.workers]:
            cli_figures = run_cli(docs, jobs, work / f"cli-{jobs}.jsonl")
            cli_rate = report(f"quotex extract --jobs {jobs}", cli_figures)
            print(f"{'':<28} dask / cli: {dask_rate / cli_rate:.2f}"
                  + ("" if cli_figures["quotes"] == dask_figures["quotes"] else "  QUOTE COUNTS DIFFER"))


if __name__ == "__main__":
    main()
