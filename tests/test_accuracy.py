"""The accuracy gate: the bundled gold sets, scored by ``quotex.evaluate``, must not fall below a recorded baseline.

Each gold set of ``corpus/`` (``seeds``, 2 articles; ``wikinews``, 30) is extracted with each engine
(the rules engine always; the stanza engine when Stanza and the compact models in
``../shared/stanza/en-compact`` are there, skipped saying why otherwise) and scored with the
protocol of DESIGN.md at overlap 0.3. A test fails when quote F1, speaker accuracy or source-type
accuracy (both over the matched pairs) is below its figure in ``tests/accuracy_baseline.json`` less
the engine's tolerance there: 0 for the deterministic rules engine, a little for the parser, whose
arcs may move with the torch build. Precision and recall are recorded beside them, unchecked, so
that a change which trades one for the other shows in the baseline's diff when it is raised.

The baseline holds the figures measured when it was last written, rounded down to one decimal. A
figure well above its baseline does not fail: the test warns (``BaselineCanBeRaised``, in pytest's
warnings summary) that the baseline can be raised. Raising it is a deliberate edit, committed with
the change that earned it::

    python -m tests.test_accuracy            # the measured figures next to the baseline
    python -m tests.test_accuracy --update   # write the measured figures into the baseline

``--update`` measures every engine that can run (``--engine rules`` for one) and only raises
figures; one that fell is kept, and the command exits 1, unless ``--allow-lower`` is given too.
The figures also have to agree with the reference scorer, ``../shared/tools/score.py``, on the
same predictions (skipped when the shared material is absent).
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import math
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

from quotex import Extractor, ModelsNotFoundError, ParserNotInstalledError
from quotex.evaluate import ACCURACY_AT, Report, evaluate, load_gold, predict
from tests.conftest import CORPUS, REPO_ROOT, SHARED, shared_path

BASELINE = Path(__file__).with_name("accuracy_baseline.json")
GOLD_SETS: dict[str, Path] = {
    "seeds": CORPUS / "seeds" / "gold.jsonl",
    "wikinews": CORPUS / "wikinews" / "gold.jsonl",
}
ENGINES = ("rules", "stanza")
COMPACT = SHARED / "stanza" / "en-compact"
NO_STANZA = "Stanza is not installed (pip install '.[stanza]')"

#: Every figure recorded, with the words a failure names it by.
FIGURES: dict[str, str] = {
    "P": "quote precision",
    "R": "quote recall",
    "F1": "quote F1",
    "speaker": "speaker accuracy over matched pairs",
    "source_type": "source-type accuracy over matched pairs",
}
#: The figures that fail the test when they drop.
GATED = ("F1", "speaker", "source_type")
#: Tolerance in percentage points when a baseline file does not give one.
DEFAULT_TOLERANCE = {"rules": 0.0, "stanza": 0.5}
#: Room for float rounding in the comparisons.
EPSILON = 1e-9
UPDATE_COMMAND = "python -m tests.test_accuracy --update"
#: What the baseline file says of itself.
ABOUT = (f"Floors of tests/test_accuracy.py: percentages at overlap {ACCURACY_AT}, rounded down to one decimal, "
         "per gold set and engine; F1, speaker and source_type are checked, P and R recorded. "
         "Tolerance is in points. Raise with: python -m tests.test_accuracy --update")


# ------------------------------------------------------------------------------ measuring


def floor1(value: float) -> float:
    """Round a percentage down to one decimal (the epsilon keeps 30.0 from becoming 29.9)."""
    return math.floor(value * 10 + 1e-6) / 10


def extractor_for(engine: str) -> Extractor:
    """An extractor for ``engine``; the calling test is skipped, saying why, when it cannot run."""
    if engine == "rules":
        return Extractor(engine="rules")
    if importlib.util.find_spec("stanza") is None:
        pytest.skip(NO_STANZA)
    if not (COMPACT / "resources.json").is_file():
        pytest.skip(f"needs the compact Stanza models in {COMPACT} (the shared material, or $QUOTEX_SHARED)")
    try:
        # the Stanza pipeline is loaded once per process (quotex.models caches it), so a session
        # that already parsed elsewhere reuses it
        return Extractor(engine="stanza", models_dir=str(COMPACT))
    except (ModelsNotFoundError, ParserNotInstalledError) as exc:
        pytest.skip(str(exc))


@functools.cache
def measure(gold_set: str, engine: str) -> tuple[dict[str, dict[str, Any]], Report]:
    """The predictions of ``engine`` on a gold set, and their report; once per process."""
    gold = load_gold(GOLD_SETS[gold_set])
    predictions = predict(gold, extractor_for(engine))
    return predictions, evaluate(gold, predictions)


def figures(report: Report) -> dict[str, float | None]:
    """The recorded figures of a report as unrounded percentages (``None``: nothing to score)."""
    counts = report.counts[ACCURACY_AT]
    out: dict[str, float | None] = {"P": 100 * counts.precision, "R": 100 * counts.recall, "F1": 100 * counts.f1}
    for name in ("speaker", "source_type"):
        value = report.accuracy[name].value
        out[name] = None if value is None else 100 * value
    return out


def summary(report: Report) -> str:
    """The measured figures with the counts behind them, for messages."""
    c = report.counts[ACCURACY_AT]
    parts = [f"P {100 * c.precision:.1f}, R {100 * c.recall:.1f}, F1 {100 * c.f1:.1f} "
             f"({c.matched} of {c.predicted} predictions right, {c.found} of {c.gold} gold found)"]
    for name in ("speaker", "source_type"):
        acc = report.accuracy[name]
        value = "n/a" if acc.value is None else f"{100 * acc.value:.1f}"
        parts.append(f"{name} {value} ({acc.correct} of {acc.total})")
    failed = f"; {report.docs_failed} documents failed" if report.docs_failed else ""
    return "; ".join(parts) + failed


# ------------------------------------------------------------------------------ the baseline


def load_baseline(path: Path = BASELINE) -> dict[str, Any]:
    """The baseline file, or an empty one when there is none yet."""
    if not path.exists():
        return {"figures": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def tolerance(baseline: dict[str, Any], engine: str) -> float:
    return float(baseline.get("tolerance", {}).get(engine, DEFAULT_TOLERANCE[engine]))


def recorded(baseline: dict[str, Any], gold_set: str, engine: str) -> dict[str, float | None] | None:
    entry: dict[str, float | None] | None = baseline["figures"].get(gold_set, {}).get(engine)
    return entry


def compare(
    measured: dict[str, float | None], floor: dict[str, float | None], slack: float
) -> tuple[list[tuple[str, float, float]], list[tuple[str, float, float]]]:
    """Which gated figures fell below their baseline, and which rose well above it.

    Returns:
        ``(fallen, raisable)``, each a list of ``(figure, measured, baseline)``; a raisable figure
        is given rounded down, as it would be recorded.
    """
    fallen, raisable = [], []
    for name in GATED:
        value, base = measured.get(name), floor.get(name)
        if base is None or value is None:
            continue
        if value < base - slack - EPSILON:
            fallen.append((name, value, base))
        elif floor1(value) > base + slack + EPSILON:
            raisable.append((name, floor1(value), base))
    return fallen, raisable


class BaselineCanBeRaised(UserWarning):
    """A figure is well above its recorded baseline: raise the baseline, deliberately."""


# ------------------------------------------------------------------------------ the tests


@pytest.fixture(scope="session")
def baseline() -> dict[str, Any]:
    return load_baseline()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("gold_set", GOLD_SETS)
def test_accuracy_holds(gold_set: str, engine: str, baseline: dict[str, Any]) -> None:
    floor = recorded(baseline, gold_set, engine)
    where = f"{gold_set} gold set, {engine} engine"
    _, report = measure(gold_set, engine)
    if floor is None:
        pytest.fail(f"{where}: no baseline in {BASELINE.relative_to(REPO_ROOT)}; record one with "
                    f"`{UPDATE_COMMAND}`\n  measured: {summary(report)}", pytrace=False)
    errors = [f"{doc_id}: {p['error']}" for doc_id, p in measure(gold_set, engine)[0].items() if p.get("error")]
    if errors:
        pytest.fail(f"{where}: {len(errors)} documents failed, so the figures mean nothing:\n  "
                    + "\n  ".join(errors[:5]), pytrace=False)
    slack = tolerance(baseline, engine)
    fallen, raisable = compare(figures(report), floor, slack)
    if fallen:
        lines = [f"{where}: {FIGURES[name]} fell to {value:.2f}, below its baseline {base:.1f} "
                 f"(tolerance {slack:g}) in {BASELINE.relative_to(REPO_ROOT)}" for name, value, base in fallen]
        lines.append(f"  measured: {summary(report)}")
        lines.append(f"  if the drop is meant, lower the baseline deliberately: `{UPDATE_COMMAND} --allow-lower`")
        pytest.fail("\n".join(lines), pytrace=False)
    for name, value, base in raisable:
        warnings.warn(f"{where}: {FIGURES[name]} is {value:.1f}, above its baseline {base:.1f}; "
                      f"raise the baseline with `{UPDATE_COMMAND}`", BaselineCanBeRaised, stacklevel=1)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("gold_set", GOLD_SETS)
def test_figures_agree_with_reference_scorer(gold_set: str, engine: str, tmp_path: Path) -> None:
    scorer = shared_path("tools", "score.py")
    predictions, report = measure(gold_set, engine)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in predictions.values()), encoding="utf-8")
    done = subprocess.run([sys.executable, str(scorer), str(GOLD_SETS[gold_set]), str(pred_path), "--json"],
                          capture_output=True, text=True, check=True, timeout=120)
    reference = json.loads(done.stdout)
    ours = report.to_dict()
    for name in ("P", "R", "F1", "pred", "gold"):
        assert ours[ACCURACY_AT][name] == pytest.approx(reference[ACCURACY_AT][name], abs=0.05), name
    for name in ("speaker", "source_type", "kind"):
        assert ours[f"acc@{ACCURACY_AT}"][name] == pytest.approx(reference[f"acc@{ACCURACY_AT}"][name], abs=0.05), \
            name


# ------------------------------------------------------------------------------ the command


def _measure_all(engines: list[str]) -> dict[tuple[str, str], Report]:
    """The reports of every gold set and engine that can run; an engine that cannot is named and skipped."""
    out = {}
    for engine in engines:
        for gold_set in GOLD_SETS:
            try:
                out[gold_set, engine] = measure(gold_set, engine)[1]
            except pytest.skip.Exception as skipped:
                print(f"{engine}: not measured ({skipped.msg})")
                break
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the measured figures next to the baseline; with ``--update``, write them into it."""
    ap = argparse.ArgumentParser(prog="python -m tests.test_accuracy", description=main.__doc__)
    ap.add_argument("--update", action="store_true", help="write the measured figures into the baseline")
    ap.add_argument("--allow-lower", action="store_true", help="with --update, also write figures that fell")
    ap.add_argument("--engine", choices=ENGINES, action="append", help="only this engine (repeatable)")
    args = ap.parse_args(argv)
    baseline = load_baseline()
    status = 0
    changed = False
    for (gold_set, engine), report in _measure_all(args.engine or list(ENGINES)).items():
        measured = {name: None if v is None else floor1(v) for name, v in figures(report).items()}
        old = recorded(baseline, gold_set, engine) or {}
        print(f"{gold_set} / {engine}: {summary(report)}")
        fell = []
        for name in FIGURES:
            value, base = measured[name], old.get(name)
            note = ""
            if base is not None and value is not None and value != base:
                note = f"  (baseline {base:.1f})"
                if value < base and name in GATED:
                    fell.append(name)
                    note += "  fell"
            print(f"  {name:<12}{'n/a' if value is None else f'{value:.1f}':>6}{note}")
        if not args.update or measured == old:
            continue
        if report.docs_failed:
            print(f"  kept the old baseline: {report.docs_failed} documents failed")
            status = 1
            continue
        if fell and not args.allow_lower:
            print(f"  kept the old baseline: {', '.join(fell)} fell (--allow-lower writes it anyway)")
            status = 1
            continue
        baseline["figures"].setdefault(gold_set, {})[engine] = measured
        changed = True
    if changed:
        found = baseline["figures"]
        out = {"about": ABOUT, "tolerance": baseline.get("tolerance", DEFAULT_TOLERANCE),
               "figures": {s: {e: found[s][e] for e in ENGINES if e in found[s]} for s in GOLD_SETS if s in found}}
        BASELINE.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE.relative_to(REPO_ROOT)}")
    elif args.update:
        print("baseline unchanged")
    return status


if __name__ == "__main__":
    sys.exit(main())
