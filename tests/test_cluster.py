"""quotex on a local Spark and a local Dask cluster: the rows equal what ``quotex extract`` writes.

The documents are the seed articles and the Wikinews gold set. The expected rows are built here,
independently of ``quotex.tables``, from the JSONL that the installed command writes with
``--with-text``. Spark needs pyspark and Java; Dask needs dask[dataframe,distributed]; the tests of
an engine are skipped, saying why, only where those are absent.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import quotex
from quotex import Extractor
from quotex.tables import DOCUMENT_COLUMN_NAMES, QUOTE_COLUMN_NAMES
from tests.conftest import CORPUS, SHARED, run_quotex

GOLD_FILES = (CORPUS / "seeds" / "gold.jsonl", CORPUS / "wikinews" / "gold.jsonl")
SAY = "“We will not sign this,” Foreign Minister Anna Berg said on Monday. Officials said talks had failed."
# Some 4 s of work for the compiled rules (7 s pure; 3,000 copies took the compiled build under
# its limit), against a time limit that a document like SAY (a fraction of a
# millisecond) stays far below: the stages' checks stop LONG, without a timer.
LONG = " ".join([SAY] * 15000)
TIGHT = 0.25
# pyspark 4 warns about pandas 3 when a pandas-based function is planned; mapInArrow uses no pandas
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")


# ---------------------------------------------------------------- what `quotex extract` writes


@pytest.fixture(scope="module")
def documents() -> list[tuple[str, str]]:
    """``(id, text)`` of every gold document, in file order."""
    pairs = []
    for path in GOLD_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                pairs.append((record["id"], record["text"]))
    assert len(pairs) > 30
    return pairs


@pytest.fixture(scope="module")
def cli_records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The JSONL lines of ``quotex extract --with-text`` over the gold files."""
    out = tmp_path_factory.mktemp("cli") / "quotes.jsonl"
    done = run_quotex("extract", *GOLD_FILES, "--with-text", "-o", out)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sum(len(r["quotes"]) for r in records) > 100
    return records


def flat_quote(quote: dict[str, Any]) -> dict[str, Any]:
    """One JSONL quote as the fields of a quote row (less ``doc_id``, ``quote_index``, ``error``)."""
    cue, source = quote["cue"] or [None, None], quote["source"] or [None, None]
    return {
        "kind": quote["kind"],
        "content": [{"start": s, "end": e} for s, e in quote["content"]],
        "content_text": quote["content_text"],
        "cue_start": cue[0], "cue_end": cue[1], "cue_text": quote["cue_text"],
        "source_start": source[0], "source_end": source[1], "source_text": quote["source_text"],
        "speaker": quote["speaker"],
        "speaker_title": quote["speaker_title"],
        "speaker_affiliation": quote["speaker_affiliation"],
        "speaker_gender": quote["speaker_gender"],
        "source_type": quote["source_type"],
        "source_id": quote["source_id"],
        "via": [{"name": v["name"], "source_type": v["source_type"],
                 "start": v["span"][0] if v["span"] else None, "end": v["span"][1] if v["span"] else None}
                for v in quote["via"]],
        "hedged": quote["hedged"],
        "confidence": quote["confidence"],
        "rule": quote["rule"],
    }


def expected_quote_rows(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for record in records:
        if "error" in record:
            rows.append({**dict.fromkeys(QUOTE_COLUMN_NAMES), "doc_id": record["id"], "error": record["error"]})
            continue
        for index, quote in enumerate(record["quotes"]):
            rows.append({"doc_id": record["id"], "quote_index": index, **flat_quote(quote), "error": None})
    return rows


def expected_document_rows(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"doc_id": r["id"], "quotes": [flat_quote(q) for q in r["quotes"]], "sources": r.get("sources", []),
             "error": r.get("error")} for r in records]


def expected_failures() -> list[tuple[object, object, str]]:
    """``(id, text, error)`` of documents that must fail, each with the reason it must give."""
    too_long = "x" * 200
    failed = next(Extractor(max_chars=100).extract_many([too_long]))
    error = failed.error
    assert error is not None and error.startswith("[E108]") and failed.code == "E108"
    return [(7, None, "[E302] no text: give the document a text"), (8, too_long, error)]


def by_key(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (r["doc_id"] or "", r.get("quote_index") or 0))


def test_columns_cover_the_record_fields(cli_records: list[dict[str, Any]]) -> None:
    rows = expected_quote_rows(cli_records)
    assert tuple(rows[0]) == QUOTE_COLUMN_NAMES
    assert tuple(expected_document_rows(cli_records)[0]) == DOCUMENT_COLUMN_NAMES


def test_partition_rows_keep_input_order_across_chunks() -> None:
    from quotex import tables

    say = '"We will not sign this," Foreign Minister Anna Berg said on Monday.'
    items: list[object] = []
    for i in range(2 * Extractor().batch_size + 5):
        items.append((i, say) if i % 3 else (i, None) if i % 2 else ("x", 5))
    items.insert(70, "not a pair")
    rows = tables.document_table_rows(items)
    assert len(rows) == len(items)
    for item, row in zip(items, rows):
        if not isinstance(item, tuple):
            assert row["doc_id"] is None and row["error"].startswith("[E405]")
        elif item[1] is None:
            assert row == {"doc_id": str(item[0]), "quotes": [], "sources": [],
                           "error": "[E302] no text: give the document a text"}
        elif not isinstance(item[1], str):
            assert row["doc_id"] == "x" and row["error"].startswith("[E011]")
        else:
            assert row["doc_id"] == str(item[0]) and row["error"] is None and len(row["quotes"]) == 1


def test_partition_records_a_document_over_its_time_limit_and_goes_on() -> None:
    from quotex import tables

    items = [("a", SAY), ("long", LONG), ("b", None), ("c", SAY)]
    Extractor().extract(SAY)  # the word lists load before any budget starts
    rows = tables.document_table_rows(items, Extractor(timeout=TIGHT))
    assert [r["doc_id"] for r in rows] == ["a", "long", "b", "c"]
    assert rows[1]["error"].startswith("[E303]") and rows[1]["quotes"] == []
    assert rows[2]["error"] == "[E302] no text: give the document a text"
    assert rows[0]["error"] is None and rows[3]["error"] is None and rows[0]["quotes"] and rows[3]["quotes"]


# ---------------------------------------------------------------- the core imports no engine


def test_import_quotex_imports_no_cluster_engine() -> None:
    engines = ("pyspark", "py4j", "dask", "distributed", "pandas", "pyarrow")
    code = (
        "import sys, quotex, quotex.cli, quotex.tables\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {engines!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_worker_env(),
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# ---------------------------------------------------------------- helpers for the clusters


def _package_root() -> str:
    """The directory the tested ``quotex`` is imported from: the workers must import the same one."""
    return str(Path(quotex.__file__).resolve().parent.parent)


def _worker_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [_package_root(), env.get("PYTHONPATH")]))
    return env


def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


@pytest.fixture(scope="module")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One local Spark session with two cores for the whole module."""
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install '.[spark]')")
    pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install '.[spark]')")
    if _java() is None:
        pytest.skip("Spark needs Java 17 or later: no java on PATH and no JAVA_HOME")
    from pyspark.sql import SparkSession

    with pytest.MonkeyPatch.context() as patch:
        for name, value in _worker_env().items():
            patch.setenv(name, value)
        patch.setenv("PYSPARK_PYTHON", sys.executable)
        patch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        session = (
            SparkSession.builder.master("local[2]")
            .appName("quotex-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.local.dir", str(tmp_path_factory.mktemp("spark")))
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        try:
            yield session
        finally:
            session.stop()


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    """One local Dask cluster of two single-threaded worker processes for the whole module."""
    pytest.importorskip("dask.dataframe", reason="dask[dataframe] is not installed (pip install '.[dask]')")
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install '.[dask]')")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONPATH", _worker_env()["PYTHONPATH"])
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40,
        )
        client = distributed.Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()


def _plain(rows: list[Any]) -> list[dict[str, Any]]:
    """Spark rows as plain dicts, nested rows included."""
    return [row.asDict(recursive=True) for row in rows]


# ---------------------------------------------------------------- Spark


def test_spark_quote_rows_equal_the_cli_output(spark: Any, cli_records: list[dict[str, Any]]) -> None:
    from quotex.cluster.spark import quote_schema, quotes_dataframe

    docs = spark.read.schema("id string, text string").json([str(p) for p in GOLD_FILES])
    quotes = quotes_dataframe(docs)
    assert quotes.schema == quote_schema()
    assert by_key(_plain(quotes.collect())) == by_key(expected_quote_rows(cli_records))


def test_spark_document_rows_equal_the_cli_output(
    spark: Any, documents: list[tuple[str, str]], cli_records: list[dict[str, Any]]
) -> None:
    from quotex.cluster.spark import documents_dataframe

    docs = spark.createDataFrame(documents, "id string, text string").repartition(3)
    rows = _plain(documents_dataframe(docs).collect())
    assert by_key(rows) == by_key(expected_document_rows(cli_records))


def test_spark_accounts_for_every_failed_document(spark: Any, documents: list[tuple[str, str]]) -> None:
    from quotex.cluster.spark import documents_dataframe, quotes_dataframe

    failures = expected_failures()
    extractor = Extractor(max_chars=100)
    docs = spark.createDataFrame([(i, t) for i, t, _ in failures], "n long, body string")
    quotes = _plain(quotes_dataframe(docs, id_col="n", text_col="body", extractor=extractor).collect())
    assert [(r["doc_id"], r["error"]) for r in by_key(quotes)] == sorted((str(i), e) for i, _, e in failures)
    assert all(r[c] is None for r in quotes for c in QUOTE_COLUMN_NAMES if c not in ("doc_id", "error"))
    # with documents that succeed among them, every document still gets exactly one row
    mixed = spark.createDataFrame([*documents, *((str(i), t) for i, t, _ in failures)], "id string, text string")
    rows = _plain(documents_dataframe(mixed.repartition(4), extractor=Extractor(max_chars=100)).collect())
    assert sorted(r["doc_id"] for r in rows) == sorted([d for d, _ in documents] + [str(i) for i, _, _ in failures])


def test_spark_rejects_bad_columns_at_once(spark: Any) -> None:
    from quotex.cluster.spark import quotes_dataframe

    docs = spark.createDataFrame([(1, 2)], "id long, text long")
    with pytest.raises(ValueError, match=r"\[E406\] id_col='doc'"):
        quotes_dataframe(docs, id_col="doc")
    with pytest.raises(TypeError, match=r"\[E407\] text column 'text' is bigint"):
        quotes_dataframe(docs)


def test_spark_workers_keep_one_extractor_each(spark: Any) -> None:
    from quotex import tables

    extractor = Extractor()

    def probe(_: Any) -> list[tuple[int, int]]:
        return [(os.getpid(), id(tables.worker_extractor(extractor)))]

    seen = spark.sparkContext.parallelize(range(8), 8).mapPartitions(probe).collect()
    by_process: dict[int, set[int]] = {}
    for pid, instance in seen:
        by_process.setdefault(pid, set()).add(instance)
    assert len(seen) == 8
    assert all(len(instances) == 1 for instances in by_process.values()), by_process


# ---------------------------------------------------------------- Dask


def test_dask_bag_rows_equal_the_cli_output(dask_client: Any, cli_records: list[dict[str, Any]]) -> None:
    import dask.bag as db

    from quotex.cluster.dask import documents_bag, quotes_bag

    lines = db.read_text([str(p) for p in GOLD_FILES], blocksize=100_000).map(json.loads)
    pairs = lines.map(lambda record: (record["id"], record["text"]))
    assert pairs.npartitions > 2
    assert quotes_bag(pairs).compute() == expected_quote_rows(cli_records)
    assert documents_bag(pairs).compute() == expected_document_rows(cli_records)


def test_dask_dataframe_rows_equal_the_cli_output(
    dask_client: Any, documents: list[tuple[str, str]], cli_records: list[dict[str, Any]]
) -> None:
    import dask.dataframe as dd
    import pandas as pd
    import pyarrow as pa

    from quotex.cluster.dask import document_meta, documents_dataframe, quote_meta, quotes_dataframe

    frame = pd.DataFrame({"id": [d for d, _ in documents], "text": [t for _, t in documents]})
    docs = dd.from_pandas(frame, npartitions=4)
    quotes = quotes_dataframe(docs).compute()
    assert quotes.dtypes.equals(quote_meta().dtypes)
    assert pa.Table.from_pandas(quotes, preserve_index=False).to_pylist() == expected_quote_rows(cli_records)
    per_doc = documents_dataframe(docs).compute()
    assert per_doc.dtypes.equals(document_meta().dtypes)
    assert pa.Table.from_pandas(per_doc, preserve_index=False).to_pylist() == expected_document_rows(cli_records)


def test_dask_parser_engine_rows_equal_the_cli_output(
    dask_client: Any, documents: list[tuple[str, str]], tmp_path: Path
) -> None:
    pytest.importorskip("stanza", reason="Stanza is not installed (pip install '.[stanza]')")
    models_dir = SHARED / "stanza" / "en-compact"
    if not models_dir.is_dir():
        pytest.skip(f"needs the compact Stanza models in {models_dir} (the shared material, or $QUOTEX_SHARED)")
    import dask.bag as db

    from quotex.cluster.dask import documents_bag

    # the workers hand the parser a partition's documents in one batch; the command, one at a time
    subset = documents[:6]
    source, out = tmp_path / "docs.jsonl", tmp_path / "quotes.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in subset), encoding="utf-8")
    done = run_quotex("extract", source, "--engine", "stanza", "--models", models_dir, "--with-text", "-o", out)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    extractor = Extractor(engine="stanza", models_dir=str(models_dir))
    rows = documents_bag(db.from_sequence(subset, npartitions=2), extractor=extractor).compute()
    assert rows == expected_document_rows(records)


def test_dask_accounts_for_every_failed_document(dask_client: Any) -> None:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from quotex.cluster.dask import documents_bag, quotes_dataframe

    failures = expected_failures()
    extractor = Extractor(max_chars=100)
    frame = pd.DataFrame({"n": [i for i, _, _ in failures], "body": [t for _, t, _ in failures]})
    quotes = quotes_dataframe(dd.from_pandas(frame, npartitions=2), id_col="n", text_col="body",
                              extractor=extractor).compute()
    assert list(zip(quotes.doc_id, quotes.error)) == [(str(i), e) for i, _, e in failures]
    assert quotes.drop(columns=["doc_id", "error"]).isna().all().all()
    # items that are not (id, text) pairs, or whose text is not a string, fail on their own
    items = [("ok", "Officials said the bridge would reopen."), 42, ("n", 3), ("none", None)]
    rows = documents_bag(db.from_sequence(items, npartitions=2)).compute()
    assert [(r["doc_id"], (r["error"] or "")[:6]) for r in rows] == [
        ("ok", ""), (None, "[E405]"), ("n", "[E011]"), ("none", "[E302]"),
    ]
    assert len(rows[0]["quotes"]) == 1


def test_dask_rejects_a_missing_column_at_once() -> None:
    dd = pytest.importorskip("dask.dataframe", reason="dask[dataframe] is not installed (pip install '.[dask]')")
    import pandas as pd

    from quotex.cluster.dask import quotes_dataframe

    docs = dd.from_pandas(pd.DataFrame({"id": ["a"], "body": ["x"]}), npartitions=1)
    with pytest.raises(ValueError, match=r"\[E406\] text_col='text'"):
        quotes_dataframe(docs)


def test_dask_workers_keep_one_extractor_each(dask_client: Any) -> None:
    import dask.bag as db

    from quotex import tables
    from quotex.cluster.dask import quotes_bag

    extractor = Extractor(max_chars=123_456)  # options no other test uses
    texts = [(str(i), f'"Item {i} is ready," she said.') for i in range(40)]
    assert len(quotes_bag(db.from_sequence(texts, npartitions=8), extractor=extractor).compute()) == 40

    def held() -> int | None:
        instance = tables._WORKER_EXTRACTORS.get(extractor)
        return None if instance is None else id(instance)

    def probe(_: Any) -> list[int]:
        return [id(tables.worker_extractor(extractor))]

    # the eight partitions ran on both workers, each of which kept the extractor it was first
    # handed; later tasks are handed that same instance, not the copy they unpickled
    instances = dask_client.run(held)
    assert len(instances) == 2 and None not in instances.values()
    probes = db.from_sequence(range(8), npartitions=8).map_partitions(probe).compute()
    assert set(probes) <= set(instances.values())


def _in_main_thread(_: object) -> list[bool]:
    return [threading.current_thread() is threading.main_thread()]


def test_dask_worker_thread_records_a_document_over_its_time_limit() -> None:
    # A worker thread has no SIGALRM: the time limit holds because the stages check it as they go
    pytest.importorskip("dask.bag", reason="dask is not installed (pip install '.[dask]')")
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install '.[dask]')")
    import dask.bag as db

    from quotex.cluster.dask import documents_bag

    Extractor().extract(SAY)  # the word lists load (in this process, the workers') before any budget starts
    items = [("a", SAY), ("long", LONG), ("b", SAY), ("c", "Quiet day.")]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0",
                                  silence_logs=40) as cluster, distributed.Client(cluster) as client:
        in_main = db.from_sequence([0], npartitions=1).map_partitions(_in_main_thread).compute(scheduler=client)
        rows = documents_bag(db.from_sequence(items, npartitions=1), extractor=Extractor(timeout=TIGHT)).compute(
            scheduler=client)
    assert in_main == [False]  # partitions run in a worker thread, where no SIGALRM timer can be set
    assert [r["doc_id"] for r in rows] == ["a", "long", "b", "c"]
    assert rows[1]["error"].startswith("[E303] the document took longer than its time budget of 0.25 s")
    assert rows[1]["quotes"] == []
    assert [r["error"] for r in rows if r["doc_id"] != "long"] == [None, None, None]
    assert len(rows[0]["quotes"]) == len(rows[2]["quotes"]) == 2
