"""The parser stage: model directories and errors, tree rules on exact parses, and the real models.

Tree rules are checked on parses written here in CoNLL-U, so they are tested apart from what the
compact models happen to produce.  The integration tests load the compact English models from
``../shared/stanza/en-compact`` through ``models_dir=``, as a user would, once per module.
Tests that need Stanza skip, saying so, when it is not installed.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import quotex
from quotex import Extractor, ModelsNotFoundError, ParserNotInstalledError, models, parser, pipeline
from quotex.document import Draft
from quotex.tree import Tree
from quotex.tree_verbs import attributions
from tests.conftest import REPO_ROOT, SHARED, run_quotex

COMPACT = SHARED / "stanza" / "en-compact"
NO_STANZA = "Stanza is not installed (pip install '.[stanza]')"


def compact_dir() -> Path:
    if not (COMPACT / "resources.json").is_file():
        pytest.skip(f"needs the compact Stanza models in {COMPACT} (the shared material, or $QUOTEX_SHARED)")
    return COMPACT


# ------------------------------------------------------------------------ no Stanza needed


def test_import_never_loads_torch_or_stanza() -> None:
    code = (
        "import sys, quotex\n"
        "quotex.extract('Officials said the bridge would reopen.')\n"
        "quotex.Extractor(engine='auto', models_dir='/no/such/dir').resolved_engine()\n"
        "quotex.models.inspect(None)\n"
        "print(sorted(m for m in ('torch', 'stanza') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_missing_directory_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ModelsNotFoundError) as err:
        models.check(tmp_path / "nowhere")
    assert isinstance(err.value, FileNotFoundError)
    message = str(err.value)
    assert message.startswith("[E401]")
    assert f"quotex models download --dir {tmp_path / 'nowhere'}" in message


def test_missing_files_are_listed(tmp_path: Path) -> None:
    resources = json.loads((compact_dir() / "resources.json").read_text(encoding="utf-8"))
    (tmp_path / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    (tmp_path / "en" / "tokenize").mkdir(parents=True)
    (tmp_path / "en" / "tokenize" / "ewt.pt").write_bytes(b"")
    found = models.inspect(tmp_path)
    assert not found.complete
    assert "en/depparse/ewt_glove50.pt" in found.missing
    assert "en/pretrain/glove6b50d_100k.pt" in found.missing
    assert "en/tokenize/ewt.pt" not in found.missing
    with pytest.raises(FileNotFoundError, match=r"en/depparse/ewt_glove50\.pt"):
        models.check(tmp_path)


def test_compact_models_are_complete_without_ner() -> None:
    found = models.inspect(compact_dir())
    assert found.complete, found.missing
    assert found.processors == ("tokenize", "mwt", "pos", "lemma", "depparse")
    assert not found.has_ner


def test_directory_setting_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(models.ENV_VAR, str(tmp_path / "from-env"))
    assert models.resolve_dir(None) == tmp_path / "from-env"
    assert models.resolve_dir(tmp_path / "given") == tmp_path / "given"
    monkeypatch.delenv(models.ENV_VAR)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "stanza-own"))
    assert models.resolve_dir(None) == tmp_path / "stanza-own"


def test_stanza_engine_refuses_a_bad_directory_at_once(tmp_path: Path) -> None:
    with pytest.raises((ModelsNotFoundError, ParserNotInstalledError)):
        Extractor(engine="stanza", models_dir=str(tmp_path))


def test_auto_falls_back_to_rules(tmp_path: Path) -> None:
    extractor = Extractor(engine="auto", models_dir=str(tmp_path))
    assert extractor.resolved_engine() == "rules"
    text = "Officials said the bridge would reopen."
    assert extractor.extract(text) == Extractor(engine="rules").extract(text)


def test_extractor_pickles_small() -> None:
    extractor = Extractor(engine="auto", models_dir=str(COMPACT))
    data = pickle.dumps(extractor)
    assert len(data) < 400
    assert pickle.loads(data) == extractor


def test_cli_models_check(tmp_path: Path) -> None:
    done = run_quotex("models", "check", "--dir", tmp_path)
    assert done.returncode == 1
    assert "resources.json" in done.stdout
    assert "quotex models download --dir" in done.stdout
    done = run_quotex("models", "check", "--dir", compact_dir())
    assert done.returncode == 0, done.stdout + done.stderr
    assert "tokenize,mwt,pos,lemma,depparse" in done.stdout


def test_cli_stanza_engine_with_missing_models_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials said the bridge would reopen.", encoding="utf-8")
    done = run_quotex("extract", tmp_path / "a.txt", "--engine", "stanza", "--models", tmp_path)
    assert done.returncode == 2
    assert "[E40" in done.stderr


# ------------------------------------------------------------ tree rules on exact parses


def tree_of(text: str, parse: str, sentence: str | None = None) -> Tree:
    """A ``Tree`` read through Stanza from a CoNLL-U parse of ``sentence`` (default: all of ``text``).

    ``parse`` has one word a line: ``id form lemma upos head deprel``.  Offsets are found in the
    sentence text, so a form may be ``<UNK>`` (as Stanza sometimes returns) with the real word
    as its lemma.
    """
    conll = pytest.importorskip("stanza.utils.conll", reason=NO_STANZA)
    sentence = text if sentence is None else sentence
    offset = text.index(sentence)
    lines = [f"# text = {sentence}"]
    pos = 0
    for row in parse.strip().splitlines():
        index, form, lemma, upos, head, rel = row.split()
        surface = lemma if form == "<UNK>" else form
        start = sentence.index(surface, pos)
        pos = start + len(surface)
        lines.append(f"{index}\t{form}\t{lemma}\t{upos}\t_\t_\t{head}\t{rel}\t_\tstart_char={start}|end_char={pos}")
    doc = conll.CoNLL.conll2doc(input_str="\n".join(lines) + "\n\n")
    return Tree.from_stanza(doc.sentences[0], text, offset)


def found(text: str, parse: str, sentence: str | None = None) -> list[dict[str, Any]]:
    """What the tree rules read off a parse, as strings of ``text``."""
    ctx = pipeline.context(text)
    out = []
    for d in attributions(ctx, tree_of(text, parse, sentence)):
        out.append({
            "content": [text[a:b] for a, b in d.spans],
            "source": text[d.source[0] : d.source[1]] if d.source else None,
            "cue": text[d.cue[0] : d.cue[1]] if d.cue else None,
            "via": [text[a:b] for a, b in d.via],
            "rule": d.rule,
            "kind": d.kind,
        })
    return out


def test_ccomp_past_a_relative_clause_in_the_subject() -> None:
    text = "Trump, who has relied on populist rhetoric, has said the movement had parallels with his quest."
    parse = """
        1 Trump Trump PROPN 11 nsubj
        2 , , PUNCT 1 punct
        3 who who PRON 5 nsubj
        4 has have AUX 5 aux
        5 relied rely VERB 1 acl:relcl
        6 on on ADP 8 case
        7 populist populist ADJ 8 amod
        8 rhetoric rhetoric NOUN 5 obl
        9 , , PUNCT 1 punct
        10 has have AUX 11 aux
        11 said say VERB 0 root
        12 the the DET 13 det
        13 movement movement NOUN 14 nsubj
        14 had have VERB 11 ccomp
        15 parallels parallel NOUN 14 obj
        16 with with ADP 18 case
        17 his his PRON 18 nmod:poss
        18 quest quest NOUN 14 obl
        19 . . PUNCT 11 punct
    """
    assert found(text, parse) == [{
        "content": ["the movement had parallels with his quest"], "source": "Trump", "cue": "said",
        "via": [], "rule": "parser:ccomp", "kind": "indirect",
    }]


def test_parataxis_with_an_inverted_subject_keeps_the_title() -> None:
    # the compact parser reads the inverted subject as a ccomp: the rule copes
    text = "The plant is under pressure, said the company's chief executive, John Ferriola."
    parse = """
        1 The the DET 2 det
        2 plant plant NOUN 5 nsubj
        3 is be AUX 5 cop
        4 under under ADP 5 case
        5 pressure pressure NOUN 0 root
        6 , , PUNCT 7 punct
        7 said say VERB 5 parataxis
        8 the the DET 9 det
        9 company company NOUN 12 nmod:poss
        10 's 's PART 9 case
        11 chief chief NOUN 12 compound
        12 executive executive NOUN 7 ccomp
        13 , , PUNCT 14 punct
        14 John John PROPN 12 appos
        15 Ferriola Ferriola PROPN 14 flat
        16 . . PUNCT 7 punct
    """
    assert found(text, parse) == [{
        "content": ["The plant is under pressure"], "source": "the company's chief executive, John Ferriola",
        "cue": "said", "via": [], "rule": "parser:parataxis", "kind": "indirect",
    }]


def test_interrupting_attribution_gives_two_spans() -> None:
    text = "The deal, she said, would never pass the Senate."
    parse = """
        1 The the DET 2 det
        2 deal deal NOUN 9 nsubj
        3 , , PUNCT 5 punct
        4 she she PRON 5 nsubj
        5 said say VERB 9 parataxis
        6 , , PUNCT 5 punct
        7 would would AUX 9 aux
        8 never never ADV 9 advmod
        9 pass pass VERB 0 root
        10 the the DET 11 det
        11 Senate Senate PROPN 9 obj
        12 . . PUNCT 9 punct
    """
    got = found(text, parse)
    assert len(got) == 1 and got[0]["source"] == "she" and got[0]["rule"] == "parser:parataxis"
    assert got[0]["content"] == ["The deal", "would never pass the Senate"]


def test_citing_makes_the_subject_a_relay() -> None:
    text = "Welt am Sonntag, citing unnamed EU diplomats, claimed that the plan was not ready."
    parse = """
        1 Welt Welt PROPN 10 nsubj
        2 am am PROPN 1 flat
        3 Sonntag Sonntag PROPN 1 flat
        4 , , PUNCT 5 punct
        5 citing cite VERB 10 advcl
        6 unnamed unnamed ADJ 8 amod
        7 EU EU PROPN 8 compound
        8 diplomats diplomat NOUN 5 obj
        9 , , PUNCT 5 punct
        10 claimed claim VERB 0 root
        11 that that SCONJ 16 mark
        12 the the DET 13 det
        13 plan plan NOUN 16 nsubj
        14 was be AUX 16 cop
        15 not not PART 16 advmod
        16 ready ready ADJ 10 ccomp
        17 . . PUNCT 10 punct
    """
    assert found(text, parse) == [{
        "content": ["the plan was not ready"], "source": "unnamed EU diplomats", "cue": "claimed",
        "via": ["Welt am Sonntag"], "rule": "parser:citing", "kind": "indirect",
    }]


def test_according_to_inside_a_clause() -> None:
    text = "The senator knew, according to emails released on Friday, that the video was unrelated."
    parse = """
        1 The the DET 2 det
        2 senator senator NOUN 3 nsubj
        3 knew know VERB 0 root
        4 , , PUNCT 7 punct
        5 according accord VERB 7 case
        6 to to ADP 5 fixed
        7 emails email NOUN 3 obl
        8 released release VERB 7 acl
        9 on on ADP 10 case
        10 Friday Friday PROPN 8 obl
        11 , , PUNCT 7 punct
        12 that that SCONJ 16 mark
        13 the the DET 14 det
        14 video video NOUN 16 nsubj
        15 was be AUX 16 cop
        16 unrelated unrelated ADJ 3 ccomp
        17 . . PUNCT 3 punct
    """
    got = [g for g in found(text, parse) if g["rule"] == "parser:according-to"]
    assert got == [{
        "content": ["The senator knew", "that the video was unrelated"],
        "source": "emails released on Friday", "cue": "according to", "via": [],
        "rule": "parser:according-to", "kind": "indirect",
    }]


def test_promise_takes_its_open_complement() -> None:
    text = "The governor promised voters to cut the sales tax."
    parse = """
        1 The the DET 2 det
        2 governor governor NOUN 3 nsubj
        3 promised promise VERB 0 root
        4 voters voter NOUN 3 iobj
        5 to to PART 6 mark
        6 cut cut VERB 3 xcomp
        7 the the DET 9 det
        8 sales sale NOUN 9 compound
        9 tax tax NOUN 6 obj
        10 . . PUNCT 3 punct
    """
    got = found(text, parse)
    assert [(g["content"], g["source"], g["rule"]) for g in got] == [
        (["voters to cut the sales tax"], "The governor", "parser:xcomp")]


@pytest.mark.parametrize("text, parse", [
    ("He did not say when the vote would be held.", """
        1 He he PRON 4 nsubj
        2 did do AUX 4 aux
        3 not not PART 4 advmod
        4 say say VERB 0 root
        5 when when ADV 10 advmod
        6 the the DET 7 det
        7 vote vote NOUN 10 nsubj:pass
        8 would would AUX 10 aux
        9 be be AUX 10 aux:pass
        10 held hold VERB 4 ccomp
        11 . . PUNCT 4 punct
    """),
    ("She declined to say whether she would run.", """
        1 She she PRON 2 nsubj
        2 declined decline VERB 0 root
        3 to to PART 4 mark
        4 say say VERB 2 xcomp
        5 whether whether SCONJ 8 mark
        6 she she PRON 8 nsubj
        7 would would AUX 8 aux
        8 run run VERB 4 ccomp
        9 . . PUNCT 2 punct
    """),
    ("It is said that the plant would close.", """
        1 It it PRON 3 expl
        2 is be AUX 3 aux:pass
        3 said say VERB 0 root
        4 that that SCONJ 8 mark
        5 the the DET 6 det
        6 plant plant NOUN 8 nsubj
        7 would would AUX 8 aux
        8 close close VERB 3 ccomp
        9 . . PUNCT 3 punct
    """),
    # a bare clause only after a verb that takes one: "observed" a thing is no report of a clause
    ("Falconer observed eleven proteins found only in slug glue.", """
        1 Falconer Falconer PROPN 2 nsubj
        2 observed observe VERB 0 root
        3 eleven eleven NUM 4 nummod
        4 proteins protein NOUN 5 nsubj
        5 found find VERB 2 ccomp
        6 only only ADV 9 advmod
        7 in in ADP 9 case
        8 slug slug NOUN 9 compound
        9 glue glue NOUN 5 obl
        10 . . PUNCT 2 punct
    """),
    # a word joined by a hyphen is no verb of its own, whatever its tag
    ("Mugabe agreed to power-sharing.", """
        1 Mugabe Mugabe PROPN 2 nsubj
        2 agreed agree VERB 0 root
        3 to to PART 4 mark
        4 power power VERB 2 xcomp
        5 - - PUNCT 6 punct
        6 sharing sharing NOUN 4 obj
        7 . . PUNCT 2 punct
    """),
    # "as well as" joins two objects: no "as X reported"
    ("It asked for records, as well as files relating to the deal.", """
        1 It it PRON 2 nsubj
        2 asked ask VERB 0 root
        3 for for ADP 4 case
        4 records record NOUN 2 obl
        5 , , PUNCT 9 punct
        6 as as ADP 9 cc
        7 well well ADV 6 fixed
        8 as as SCONJ 10 mark
        9 files file NOUN 10 nsubj
        10 relating relate VERB 2 advcl
        11 to to ADP 13 case
        12 the the DET 13 det
        13 deal deal NOUN 10 obl
        14 . . PUNCT 2 punct
    """),
])
def test_no_attribution(text: str, parse: str) -> None:
    assert found(text, parse) == []


def test_a_verb_that_takes_a_bare_clause_keeps_it() -> None:
    # the twin of "observed eleven proteins found ...": "noted" takes a clause without "that"
    text = "Népszava noted the purchase appeared to circumvent the ministry."
    parse = """
        1 Népszava Népszava PROPN 2 nsubj
        2 noted note VERB 0 root
        3 the the DET 4 det
        4 purchase purchase NOUN 5 nsubj
        5 appeared appear VERB 2 ccomp
        6 to to PART 7 mark
        7 circumvent circumvent VERB 5 xcomp
        8 the the DET 9 det
        9 ministry ministry NOUN 7 obj
        10 . . PUNCT 2 punct
    """
    got = found(text, parse)
    assert [g["content"] for g in got] == [["the purchase appeared to circumvent the ministry"]]


PASSIVE_PARSE = """
    1 The the DET 2 det
    2 closure closure NOUN 5 nsubj:pass
    3 was be AUX 5 aux:pass
    4 first first ADV 5 advmod
    5 reported report VERB 0 root
    6 by by ADP 8 case
    7 the the DET 8 det
    8 Post Post PROPN 5 obl:agent
    9 . . PUNCT 5 punct
"""


def test_passive_with_an_agent_and_a_nominal_subject_is_no_quote() -> None:
    # nominal content (the contract): what was reported is a noun phrase, not somebody's words
    assert found("The closure was first reported by the Post.", PASSIVE_PARSE) == []


def test_asked_reports_the_question_without_an_asker() -> None:
    text = "Asked whether he would run, Smith shook his head."
    parse = """
        1 Asked ask VERB 7 advcl
        2 whether whether SCONJ 5 mark
        3 he he PRON 5 nsubj
        4 would would AUX 5 aux
        5 run run VERB 1 ccomp
        6 , , PUNCT 1 punct
        7 Smith Smith PROPN 8 nsubj
        8 shook shake VERB 0 root
        9 his his PRON 10 nmod:poss
        10 head head NOUN 8 obj
        11 . . PUNCT 8 punct
    """
    # word 7 is the subject in this parse; keep heads consistent with it
    parse = parse.replace("1 Asked ask VERB 7 advcl", "1 Asked ask VERB 8 advcl")
    assert found(text, parse) == [{
        "content": ["whether he would run"], "source": None, "cue": "Asked", "via": [],
        "rule": "parser:asked", "kind": "indirect",
    }]


def test_merge_trims_a_rule_clause_that_runs_on_over_another_attribution() -> None:
    text = "Trump said the plan works, and Pence says the plan fails."
    ctx = pipeline.context(text)
    span = lambda s: (text.index(s), text.index(s) + len(s))  # noqa: E731
    ran_on = Draft([span("the plan works, and Pence says the plan fails")], "indirect", span("said"),
                   span("Trump"), "indirect:source-cue-clause", 0.85, 0)
    twin = Draft([span("the plan works")], "indirect", span("said"), span("Trump"), "parser:ccomp", 0.75, 0)
    other = Draft([span("the plan fails")], "indirect", span("says"), span("Pence"), "parser:ccomp", 0.75, 0)
    merged = parser.merge(ctx, [ran_on], [twin, other])
    assert [(text[d.spans[0][0] : d.spans[0][1]], d.rule) for d in merged] == [
        ("the plan works", "indirect:source-cue-clause+parser:ccomp"),
        ("the plan fails", "parser:ccomp"),
    ]


def test_offsets_come_from_the_original_text() -> None:
    # the parser's copy of a word may be <UNK>; the sentence sits after an earlier paragraph
    text = "Überblick 🌍 zuerst.\n\nŁukasz said the café would reopen."
    sentence = "Łukasz said the café would reopen."
    parse = """
        1 <UNK> Łukasz PROPN 2 nsubj
        2 said say VERB 0 root
        3 the the DET 4 det
        4 <UNK> café NOUN 6 nsubj
        5 would would AUX 6 aux
        6 reopen reopen VERB 2 ccomp
        7 . . PUNCT 2 punct
    """
    t = tree_of(text, parse, sentence)
    assert [w.text for w in t.words][:4] == ["Łukasz", "said", "the", "café"]
    assert found(text, parse, sentence) == [{
        "content": ["the café would reopen"], "source": "Łukasz", "cue": "said", "via": [],
        "rule": "parser:ccomp", "kind": "indirect",
    }]


def test_a_subject_the_parser_split_in_two_is_one_source() -> None:
    text = "Most of the delegates in the hall said the vote was rigged."
    parse = """
        1 Most most ADJ 8 nsubj
        2 of of ADP 4 case
        3 the the DET 4 det
        4 delegates delegate NOUN 1 nmod
        5 in in ADP 7 case
        6 the the DET 7 det
        7 hall hall NOUN 8 nsubj
        8 said say VERB 0 root
        9 the the DET 10 det
        10 vote vote NOUN 12 nsubj:pass
        11 was be AUX 12 aux:pass
        12 rigged rig VERB 8 ccomp
        13 . . PUNCT 8 punct
    """
    got = found(text, parse)
    assert [(g["content"], g["source"], g["rule"]) for g in got] == [
        (["the vote was rigged"], "Most of the delegates in the hall", "parser:ccomp")]


def test_relative_clause_with_a_report_is_read_in_word_order() -> None:
    # the compact parser tangles this construction (here: "opponents" a verb, "said" hung on the
    # content); the word order decides
    text = "The council passed a rent rule, which opponents said was unfair to tenants."
    parse = """
        1 The the DET 2 det
        2 council council NOUN 3 nsubj
        3 passed pass VERB 0 root
        4 a a DET 6 det
        5 rent rent NOUN 6 compound
        6 rule rule NOUN 3 obj
        7 , , PUNCT 6 punct
        8 which which PRON 12 nsubj
        9 opponents opponent VERB 12 advmod
        10 said say VERB 12 advcl
        11 was be AUX 12 cop
        12 unfair unfair ADJ 6 acl:relcl
        13 to to ADP 14 case
        14 tenants tenant NOUN 12 obl
        15 . . PUNCT 3 punct
    """
    assert found(text, parse) == [{
        "content": ["was unfair to tenants"], "source": "opponents", "cue": "said", "via": [],
        "rule": "parser:relative", "kind": "indirect",
    }]


def test_relative_clause_without_pronoun_reports_its_clause() -> None:
    text = "They cited a report the ministry said was incomplete."
    parse = """
        1 They they PRON 2 nsubj
        2 cited cite VERB 0 root
        3 a a DET 4 det
        4 report report NOUN 2 obj
        5 the the DET 6 det
        6 ministry ministry NOUN 7 nsubj
        7 said say VERB 4 acl:relcl
        8 was be AUX 9 cop
        9 incomplete incomplete ADJ 7 ccomp
        10 . . PUNCT 2 punct
    """
    got = [g for g in found(text, parse) if g["cue"] == "said"]
    assert [(g["content"], g["source"], g["rule"]) for g in got] == [
        (["was incomplete"], "the ministry", "parser:ccomp")]


def test_that_clause_hung_on_a_noun_as_a_relative_clause() -> None:
    # "that" tagged as a subordinator, yet its clause hung on "statement" as a relative clause
    text = "The mayor said in a statement that the bridge would reopen."
    parse = """
        1 The the DET 2 det
        2 mayor mayor NOUN 3 nsubj
        3 said say VERB 0 root
        4 in in ADP 6 case
        5 a a DET 6 det
        6 statement statement NOUN 3 obl
        7 that that SCONJ 11 mark
        8 the the DET 9 det
        9 bridge bridge NOUN 11 nsubj
        10 would would AUX 11 aux
        11 reopen reopen VERB 6 acl:relcl
        12 . . PUNCT 3 punct
    """
    assert found(text, parse) == [{
        "content": ["the bridge would reopen"], "source": "The mayor", "cue": "said", "via": [],
        "rule": "parser:that-clause", "kind": "indirect",
    }]


def test_clause_before_the_verb_keeps_its_own_subject() -> None:
    # both subjects hung on "reported": the one next to the verb is its own, the other the clause's
    text = "Several council members opposed the budget, the newspaper reported."
    parse = """
        1 Several several ADJ 3 amod
        2 council council NOUN 3 compound
        3 members member NOUN 10 nsubj
        4 opposed oppose VERB 10 ccomp
        5 the the DET 6 det
        6 budget budget NOUN 4 obj
        7 , , PUNCT 4 punct
        8 the the DET 9 det
        9 newspaper newspaper NOUN 10 nsubj
        10 reported report VERB 0 root
        11 . . PUNCT 10 punct
    """
    assert found(text, parse) == [{
        "content": ["Several council members opposed the budget"], "source": "the newspaper", "cue": "reported",
        "via": [], "rule": "parser:parataxis", "kind": "indirect",
    }]


def test_a_quotation_before_an_inverted_cue() -> None:
    text = "\u201cThe harbour will reopen soon,\u201d said the 52-year-old."
    parse = """
        1 \u201c \u201c PUNCT 6 punct
        2 The the DET 3 det
        3 harbour harbour NOUN 5 nsubj
        4 will will AUX 5 aux
        5 reopen reopen VERB 9 ccomp
        6 soon soon ADV 5 advmod
        7 , , PUNCT 5 punct
        8 \u201d \u201d PUNCT 5 punct
        9 said say VERB 0 root
        10 the the DET 14 det
        11 52 52 NUM 13 nummod
        12 - - PUNCT 13 punct
        13 year year NOUN 14 obl:npmod
        14 old old ADJ 9 ccomp
        15 . . PUNCT 9 punct
    """
    got = found(text, parse)
    assert [(g["content"], g["source"], g["kind"]) for g in got] == [
        (["The harbour will reopen soon"], "the 52-year-old", "direct")]


@pytest.mark.parametrize("text, parse, expected", [
    # the question hung on the main verb
    ("Asked if the plant would close, the manager said nothing.", """
        1 Asked ask VERB 10 advcl
        2 if if SCONJ 6 mark
        3 the the DET 4 det
        4 plant plant NOUN 6 nsubj
        5 would would AUX 6 aux
        6 close close VERB 10 advcl
        7 , , PUNCT 6 punct
        8 the the DET 9 det
        9 manager manager NOUN 10 nsubj
        10 said say VERB 0 root
        11 nothing nothing PRON 10 obj
        12 . . PUNCT 10 punct
    """, ("Asked", ["if the plant would close"], None, "parser:asked")),
    # the question read as a second verb of the asker
    ("The union asked its workers whether the offer was fair.", """
        1 The the DET 2 det
        2 union union NOUN 3 nsubj
        3 asked ask VERB 0 root
        4 its its PRON 5 nmod:poss
        5 workers worker NOUN 3 obj
        6 whether whether SCONJ 10 mark
        7 the the DET 8 det
        8 offer offer NOUN 10 nsubj
        9 was be AUX 10 cop
        10 fair fair ADJ 3 conj
        11 . . PUNCT 3 punct
    """, ("asked", ["whether the offer was fair"], "The union", "parser:question")),
])
def test_a_question_after_ask(text: str, parse: str, expected: tuple[Any, ...]) -> None:
    got = [(g["cue"], g["content"], g["source"], g["rule"]) for g in found(text, parse) if g["cue"] == expected[0]]
    assert got == [expected]


def test_a_predicate_verb_reports_an_object_and_its_predicate() -> None:
    text = "The senator called the plan unworkable."
    parse = """
        1 The the DET 2 det
        2 senator senator NOUN 3 nsubj
        3 called call VERB 0 root
        4 the the DET 5 det
        5 plan plan NOUN 3 obj
        6 unworkable unworkable ADJ 3 xcomp
        7 . . PUNCT 3 punct
    """
    assert found(text, parse) == [{
        "content": ["the plan unworkable"], "source": "The senator", "cue": "called", "via": [],
        "rule": "parser:predicate", "kind": "indirect",
    }]


def test_after_a_relative_pronoun_the_predicate_alone_is_the_content() -> None:
    # "what" stands for the thing named, not for anything the mayor said
    text = "She fixed what the mayor called a farce."
    parse = """
        1 She she PRON 2 nsubj
        2 fixed fix VERB 0 root
        3 what what PRON 6 obj
        4 the the DET 5 det
        5 mayor mayor NOUN 6 nsubj
        6 called call VERB 2 ccomp
        7 a a DET 8 det
        8 farce farce NOUN 6 xcomp
        9 . . PUNCT 2 punct
    """
    got = [(g["content"], g["source"], g["rule"]) for g in found(text, parse) if g["cue"] == "called"]
    assert got == [(["a farce"], "the mayor", "parser:predicate")]


@pytest.mark.parametrize("text, parse", [
    ("A group called Citizens United sued.", """
        1 A a DET 2 det
        2 group group NOUN 6 nsubj
        3 called call VERB 2 acl
        4 Citizens Citizens PROPN 5 compound
        5 United United PROPN 3 xcomp
        6 sued sue VERB 0 root
        7 . . PUNCT 6 punct
    """),
    ("She called the office twice.", """
        1 She she PRON 2 nsubj
        2 called call VERB 0 root
        3 the the DET 4 det
        4 office office NOUN 2 obj
        5 twice twice ADV 2 advmod
        6 . . PUNCT 2 punct
    """),
])
def test_a_predicate_verb_without_a_predicate_reports_nothing(text: str, parse: str) -> None:
    assert found(text, parse) == []


@pytest.mark.parametrize("text, parse, content, rule", [
    ("The mayor accused him of lying.", """
        1 The the DET 2 det
        2 mayor mayor NOUN 3 nsubj
        3 accused accuse VERB 0 root
        4 him he PRON 3 obj
        5 of of SCONJ 6 mark
        6 lying lie VERB 3 advcl
        7 . . PUNCT 3 punct
    """, "him of lying", "parser:obj"),
    ("The coach told the players to stay calm.", """
        1 The the DET 2 det
        2 coach coach NOUN 3 nsubj
        3 told tell VERB 0 root
        4 the the DET 5 det
        5 players player NOUN 3 obj
        6 to to PART 7 mark
        7 stay stay VERB 3 xcomp
        8 calm calm ADJ 7 xcomp
        9 . . PUNCT 3 punct
    """, "the players to stay calm", "parser:xcomp"),
])
def test_an_object_with_its_complement(text: str, parse: str, content: str, rule: str) -> None:
    assert [(g["content"], g["rule"]) for g in found(text, parse)] == [([content], rule)]


def test_a_long_subject_the_parser_broke_up() -> None:
    text = "Two in five farmers in a survey last month said prices were too low."
    parse = """
        1 Two two NUM 10 nsubj
        2 in in ADP 4 case
        3 five five NUM 4 nummod
        4 farmers farmer NOUN 1 nmod
        5 in in ADP 7 case
        6 a a DET 7 det
        7 survey survey NOUN 10 obl
        8 last last ADJ 9 amod
        9 month month NOUN 10 nsubj
        10 said say VERB 0 root
        11 prices price NOUN 14 nsubj
        12 were be AUX 14 cop
        13 too too ADV 14 advmod
        14 low low ADJ 10 ccomp
        15 . . PUNCT 10 punct
    """
    assert [(g["content"], g["source"]) for g in found(text, parse)] == [
        (["prices were too low"], "Two in five farmers in a survey last month")]


def test_merge_keeps_one_draft_for_a_relative_clause() -> None:
    # the rules and the tree read the same attribution: one draft, with both rules recorded
    text = "The council passed a rent rule, which opponents said was unfair to tenants."
    ctx = pipeline.context(text)
    span = lambda s: (text.index(s), text.index(s) + len(s))  # noqa: E731
    rule = Draft([span("was unfair to tenants")], "indirect", span("said"), span("opponents"),
                 "indirect:source-cue-clause", 0.85, 0)
    tree_draft = Draft([span("was unfair to tenants")], "indirect", span("said"), span("opponents"),
                       "parser:relative", 0.7, 0)
    merged = parser.merge(ctx, [rule], [tree_draft])
    assert [([text[a:b] for a, b in d.spans], d.rule) for d in merged] == [
        (["was unfair to tenants"], "indirect:source-cue-clause+parser:relative")]


def test_candidates_open_predicate_verbs_but_not_nouns() -> None:
    text = ("The senator called the plan unworkable. He made a phone call on Monday. "
            "The meeting was called off.")
    ctx, cues, drafts = pipeline.rule_stage(text)
    chosen = [text[s.start : s.end] for s in parser.candidates(ctx, cues, drafts)]
    assert chosen == ["The senator called the plan unworkable."]


# ------------------------------------------------------------------- the real compact models


@pytest.fixture(scope="module")
def stanza_extractor() -> Extractor:
    pytest.importorskip("stanza", reason=NO_STANZA)
    extractor = Extractor(engine="stanza", models_dir=str(compact_dir()))
    extractor.extract("Officials said the bridge would reopen.")  # loads the models once for the module
    return extractor


OPEN_TO_RULES = (
    "Budget talks stalled again on Monday.\n\n"
    "In nearby Decatur, the big steel plant is hanging on, but it is under intense pressure from "
    "Asian imports, said the company's chief executive, John J. Ferriola."
)


def test_parser_finds_what_the_rules_leave(stanza_extractor: Extractor) -> None:
    quotes = stanza_extractor.extract(OPEN_TO_RULES)
    parsed = [q for q in quotes if q.rule.startswith("parser:")]
    assert parsed, [q.to_dict(OPEN_TO_RULES) for q in quotes]
    q = parsed[0].to_dict(OPEN_TO_RULES)
    assert q["content_text"][0].endswith("under intense pressure from Asian imports")
    assert q["source_text"].endswith("John J. Ferriola")
    assert q["cue_text"] == "said"
    for quote in quotes:
        for span in (*quote.content, quote.cue, quote.source):
            assert span is None or 0 <= span.start < span.end <= len(OPEN_TO_RULES)


def test_extract_many_parses_a_window_in_one_call(stanza_extractor: Extractor,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = parser.parse

    def counting(nlp: Any, items: Any) -> Any:
        calls.append(len(items))
        return real(nlp, items)

    monkeypatch.setattr(parser, "parse", counting)
    docs = [("a", OPEN_TO_RULES), ("b", 42), ("c", "Nothing to see."), ("d", OPEN_TO_RULES)]
    out = list(stanza_extractor.extract_many(docs))  # type: ignore[arg-type]
    assert [d.id for d in out] == ["a", "b", "c", "d"]
    assert out[1].error is not None and "E011" in out[1].error
    assert out[0].quotes == out[3].quotes and out[0].quotes
    assert len(calls) == 1 and calls[0] >= 2


def test_auto_uses_the_parser_through_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("stanza", reason=NO_STANZA)
    monkeypatch.setenv(models.ENV_VAR, str(compact_dir()))
    assert Extractor(engine="auto").resolved_engine() == "stanza"


def test_cascade_parses_only_open_sentences() -> None:
    text = "Officials said the bridge would reopen.\n\n" + OPEN_TO_RULES + "\n\nThe weather was fine."
    doc = pipeline.open_document(text)
    every = pipeline.open_document(text, select="all")
    assert len(doc.sentences) < len(every.sentences)
    assert all("Ferriola" in text[s.start : s.end] or "said" in text[s.start : s.end] for s in doc.sentences)
    long = "He said " + "the plan, " * 80 + "was fine."
    assert pipeline.open_document(long, select="all").sentences == []  # over the length cap


def test_rules_and_parser_on_the_same_attribution_are_one_quote() -> None:
    pytest.importorskip("stanza", reason=NO_STANZA)
    nlp = models.load_pipeline(compact_dir())
    text = "Officials said on Monday that the bridge would reopen next week."
    rules_only = pipeline.run_rules(text)
    both = pipeline.run_parsed([text], nlp, select="all")[0]
    assert len(both) == len(rules_only) == 1
    assert both[0].content == rules_only[0].content
    assert "+parser:" in both[0].rule


def test_cli_engine_stanza(tmp_path: Path) -> None:
    pytest.importorskip("stanza", reason=NO_STANZA)
    (tmp_path / "a.txt").write_text(OPEN_TO_RULES, encoding="utf-8")
    done = run_quotex("extract", tmp_path / "a.txt", "--engine", "stanza", "--models", compact_dir())
    assert done.returncode == 0, done.stderr
    rules = [json.loads(line)["quotes"][0]["rule"] for line in done.stdout.splitlines()]
    assert any(r.startswith("parser:") for r in rules)


def test_pickled_extractor_still_works(stanza_extractor: Extractor) -> None:
    clone = pickle.loads(pickle.dumps(stanza_extractor))
    assert clone.extract(OPEN_TO_RULES) == stanza_extractor.extract(OPEN_TO_RULES)


def test_quotex_module_still_exports_the_errors() -> None:
    assert issubclass(quotex.ModelsNotFoundError, FileNotFoundError)
    assert issubclass(quotex.ParserNotInstalledError, ImportError)


def test_the_parser_engine_keeps_every_golden_case(stanza_extractor: Extractor) -> None:
    """The parser only adds what the rules miss: on the golden list (the constructions of the
    contract, each with its twin in the non-reporting sense) it gets every case right too,
    nominal objects and verb objects ("maintained a neutral stance") included."""
    from tests.cases import CASES, case_errors

    docs = list(stanza_extractor.extract_many([c.text for c in CASES]))
    failures = {c.id: errors for c, doc in zip(CASES, docs, strict=True)
                if (errors := case_errors(c, list(doc.quotes)))}
    assert not failures, failures
