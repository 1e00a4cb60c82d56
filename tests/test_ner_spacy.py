"""The optional spaCy backend (``--ner spacy[:MODEL]``), through the real spaCy API and
the installed command, without downloading a model: a blank English pipeline with an
``entity_ruler`` gives deterministic entities and is saved to disk as a model folder."""
from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner
from lxml import etree

from converter.cli import main

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEXT = ("Your petitioner Hezekiah Quarles, of the town of Brookfield, says that on the 14th "
        "day of July AD 1862 he paid the Western Bank the sum due. Mrs. Stein agreed. "
        "Kenneth Harlow was present.\n")


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    spacy = pytest.importorskip("spacy", reason="spaCy not installed (pip install "
                                "'tei-edition[spacy]'): the backend test needs it")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "Hezekiah Quarles"},
        {"label": "GPE", "pattern": "Brookfield"},
        {"label": "ORG", "pattern": "the Western Bank"},
        # spaCy's own date (no ISO value): ours must win.
        {"label": "DATE", "pattern": [{"LOWER": "july"}, {"TEXT": "AD"}, {"TEXT": "1862"}]},
    ])
    path = tmp_path_factory.mktemp("spacy") / "ruler-model"
    nlp.to_disk(path)
    return path


def _convert(tmp_path, *opts):
    src = tmp_path / "petition.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "petition.xml"
    res = CliRunner().invoke(main, ["convert", str(src), "-o", str(out), *opts])
    return res, out


def _names(out):
    root = etree.parse(str(out)).getroot()
    text = root.find(f"{TEI}text")
    return root, {("".join(e.itertext()), etree.QName(e).localname, e.get("resp"), e.get("when"))
                  for e in text.iter(f"{TEI}persName", f"{TEI}placeName", f"{TEI}orgName",
                                     f"{TEI}date")}


def test_spacy_names_merge_with_rules_and_our_dates(tmp_path, model):
    res, out = _convert(tmp_path, "--ner", f"spacy:{model}")
    assert res.exit_code == 0, res.output
    root, names = _names(out)
    # spaCy's names, with resp pointing at spaCy ...
    assert ("Hezekiah Quarles", "persName", "#ner-spacy", None) in names
    assert ("Brookfield", "placeName", "#ner-spacy", None) in names
    assert ("Western Bank", "orgName", "#ner-spacy", None) in names  # the article trimmed
    # ... the rules' names where spaCy has none, and our date with its value.
    assert ("Mrs. Stein", "persName", "#tei-edition", None) in names
    assert ("Kenneth Harlow", "persName", "#tei-edition", None) in names
    assert ("14th day of July AD 1862", "date", None, "1862-07-14") in names
    # The resp pointer resolves to an application in the header; the file is valid.
    apps = {a.get(XML_ID): a for a in root.iter(f"{TEI}application")}
    assert apps["ner-spacy"].get("ident") == "spaCy"
    assert "ruler-model" in apps["ner-spacy"].findtext(f"{TEI}label")
    assert CliRunner().invoke(main, ["validate", str(out)]).exit_code == 0


def test_without_ner_no_spacy_in_the_header(tmp_path, model):
    res, out = _convert(tmp_path)
    assert res.exit_code == 0, res.output
    root, names = _names(out)
    assert "ner-spacy" not in {a.get(XML_ID) for a in root.iter(f"{TEI}application")}
    assert not any(n[2] == "#ner-spacy" for n in names)


def test_missing_extra_is_a_one_line_error(tmp_path, monkeypatch):
    from converter import ner_spacy

    ner_spacy.load.cache_clear()
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now fails
    res, out = _convert(tmp_path, "--ner", "spacy")
    assert res.exit_code == 1
    assert res.output.strip().splitlines() == [
        "--ner: the spaCy backend is not installed: pip install 'tei-edition[spacy]'"]
    assert not out.exists()


def test_missing_model_and_unknown_backend_are_one_line_errors(tmp_path):
    pytest.importorskip("spacy", reason="spaCy not installed")
    res, _ = _convert(tmp_path, "--ner", f"spacy:{tmp_path / 'no-such-model'}")
    assert res.exit_code == 1 and len(res.output.strip().splitlines()) == 1
    assert "is not installed: python -m spacy download" in res.output
    res, _ = _convert(tmp_path, "--ner", "stanza")
    assert res.exit_code == 1
    assert res.output.strip() == "--ner: unknown --ner backend 'stanza': use 'rules' or 'spacy[:MODEL]'"


def test_build_with_spacy_and_a_missing_extra(tmp_path, model, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "petition.txt").write_text(TEXT, encoding="utf-8")
    args = ["build", str(seeds), "--out", str(tmp_path / "tei"), "--editions",
            str(tmp_path / "ed"), "-j", "1", "--ner", f"spacy:{model}"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    _root, names = _names(tmp_path / "tei" / "petition.xml")
    assert ("Hezekiah Quarles", "persName", "#ner-spacy", None) in names
    from converter import ner_spacy

    ner_spacy.load.cache_clear()
    monkeypatch.setitem(sys.modules, "spacy", None)
    res = CliRunner().invoke(main, args + ["--force"])
    assert res.exit_code == 1
    assert res.output.strip() == ("--ner: the spaCy backend is not installed: "
                                  "pip install 'tei-edition[spacy]'")
