"""Named entities: variants resolve to one entry, names nest, rules are cautious, the
matcher stays linear, the authority file and the curation report work."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import entities, entity_rules
from converter.cli import main
from converter.matcher import Matcher
from converter.model import Block, Document
from converter.pipeline import convert_bytes

TEI = "{http://www.tei-c.org/ns/1.0}"
KIROV = {"id": "kirov", "type": "person", "label": "Sergei Kirov", "aliases": ["Comrade Kirov"]}


def annotate(text: str, ents=(), extra=()) -> tuple[Block, Document]:
    doc = Document("t", "t.txt", [Block("p", text, 1)], sidecar={"entities": list(ents)})
    doc = entities.annotate(doc, list(extra))
    return doc.body[0], doc


def names(text: str, ents=(), extra=()) -> list[tuple]:
    blk, _ = annotate(text, ents, extra)
    return sorted((text[s.start:s.end], s.kind, s.attr("ref"), s.attr("cert"))
                  for s in blk.spans)


def test_variants_of_one_person_resolve_to_one_entry():
    text = "Comrade Kirov spoke. Kirov was right, and S. M. Kirov and Sergei Kirov agreed."
    found = names(text, [KIROV])
    people = [n for n in found if n[1] == "persName"]
    assert [p[0] for p in people] == ["Comrade Kirov", "Kirov", "S. M. Kirov", "Sergei Kirov"]
    assert {p[2] for p in people} == {"#kirov"}
    assert ("Comrade", "roleName", None, None) in found


def test_generated_variants():
    ent = entities.Entity("kirov", "person", "Sergei Mironovich Kirov")
    assert {"Kirov", "Sergei Kirov", "S. M. Kirov", "S. Kirov"} <= set(entities.variants(ent))


def test_place_nested_in_organisation():
    ents = [{"id": "cc", "type": "org",
             "label": "Central Committee of the Communist Party of the Soviet Union"},
            {"id": "su", "type": "place", "label": "Soviet Union"}]
    text = "the Central Committee of the Communist Party of the Soviet Union decided"
    blk, _ = annotate(text, ents)
    by_kind = {s.kind: s for s in blk.spans}
    org, place = by_kind["orgName"], by_kind["placeName"]
    assert text[place.start:place.end] == "Soviet Union" and place.attr("ref") == "#su"
    assert org.start < place.start and place.end == org.end
    xml, _ = convert_bytes(text.encode(), "t.txt", "t", {"entities": ents})
    inner = etree.fromstring(xml).find(f".//{TEI}orgName/{TEI}placeName")
    assert inner is not None and inner.text == "Soviet Union"


def test_prefix_of_a_longer_name_is_not_tagged_again():
    ents = [{"id": "cc", "type": "org", "label": "Central Committee"},
            {"id": "ccu", "type": "org", "label": "Central Committee of the Communist Party of Ukraine"}]
    found = names("the Central Committee of the Communist Party of Ukraine met", ents)
    assert [(n[0], n[2]) for n in found if n[1] == "orgName"] == [
        ("Central Committee of the Communist Party of Ukraine", "#ccu")]


def test_ambiguous_reading_links_all_candidates_with_low_certainty():
    ents = [{"id": "a", "type": "person", "label": "Ivan Smirnov"},
            {"id": "b", "type": "person", "label": "Alexander Smirnov"}]
    found = names("Then Smirnov spoke.", ents)
    assert found == [("Smirnov", "persName", "#a #b", "low")]


def test_declared_ambiguous_reading_is_low_certainty():
    ents = [{"id": "k", "type": "place", "label": "Kiev", "ambiguous": ["Kiev"]}]
    assert names("He went to Kiev.", ents) == [("Kiev", "placeName", "#k", "low")]


def test_case_matters_except_in_capitals():
    ents = [{"id": "su", "type": "place", "label": "Soviet Union"}]
    assert names("a soviet union of workers", ents) == []
    assert names("THE SOVIET UNION", ents)[0][:3] == ("SOVIET UNION", "placeName", "#su")


@pytest.mark.parametrize("text", [
    "The Party decided and the State obeyed.",
    "God save the King.",
    # 18th-century capitals: the text also uses "chief" and "effect" in lower case.
    "Effect of the Measures in Chief was small; the chief effect was delay.",
    "Reading the letter, he wept.",
])
def test_rules_leave_common_capitalised_words_alone(text):
    assert names(text) == []


def test_heading_in_capitals_is_not_a_name():
    assert names("THE TASKS OF THE PARTY") == []


def test_rules_without_authority():
    text = ("Mrs. Stein came from Chicago with H. Goldsmith to the office of the Western Lace "
            "Manufacturing Co. at 230 West Twelfth street. Later Stein left for State street "
            "on the West Side; the street was dark.")
    found = names(text)
    got = {(n[0], n[1]) for n in found}
    assert {("Mrs. Stein", "persName"), ("Chicago", "placeName"), ("H. Goldsmith", "persName"),
            ("Western Lace Manufacturing Co.", "orgName"),
            ("230 West Twelfth street", "placeName"), ("Stein", "persName"),
            ("State street", "placeName"), ("West Side", "placeName")} <= got
    assert not any(n[0].startswith("the street") for n in found)
    assert all(n[2] is None and n[3] in ("medium", "low") for n in found if n[1] != "roleName")


def test_sentence_initial_recurrence_is_not_a_name():
    # "Long" was Samuel Long's surname, but opening a sentence it is just a word.
    found = names("Samuel Long came. Long before dawn he left; then Long smiled.")
    assert [n[0] for n in found if n[1] == "persName"] == ["Long", "Samuel Long"]


def test_matcher_is_linear_in_text_size():
    m = Matcher()
    for i in range(2000):
        m.add(f"Name{i} Surname{i}", i)
    m.add("Sergei Kirov", "k")
    small = "Yesterday Sergei Kirov met Name7 Surname7 and many others in the hall. " * 50
    m.find(small)
    steps_small, m.steps = m.steps, 0
    hits = m.find(small * 10)
    assert len(hits) == 10 * 100
    # Ten times the text, about ten times the work, however many names are stored.
    assert 9 * steps_small <= m.steps <= 11 * steps_small
    assert steps_small < 4 * len(small.split())


def test_authority_file_and_sidecar_override(tmp_path):
    shared = tmp_path / "authority.json"
    shared.write_text(json.dumps({"entities": [
        {"id": "kirov", "type": "person", "label": "Kirov the Elder"},
        {"id": "lenin", "type": "person", "label": "Vladimir Lenin"}]}), encoding="utf-8")
    extra = entities.load_authority(shared)
    found = names("Lenin and Comrade Kirov", [KIROV], extra)
    assert ("Lenin", "persName", "#lenin", None) in found
    assert ("Comrade Kirov", "persName", "#kirov", None) in found
    _, doc = annotate("Lenin and Comrade Kirov", [KIROV], extra)
    assert [e.label for e in doc.entities] == ["Sergei Kirov", "Vladimir Lenin"]


def test_bad_authority_file_is_one_line_error(tmp_path):
    bad = tmp_path / "a.json"
    bad.write_text('{"entities": [{"id": "x", "type": "planet", "label": "Mars"}]}')
    res = CliRunner().invoke(main, ["convert", str(_seed(tmp_path)), "--authority", str(bad)])
    assert res.exit_code == 1
    assert res.output.startswith(f"{bad}:") and "$.entities[0].type" in res.output
    assert "Traceback" not in res.output


def _seed(tmp_path):
    seed = tmp_path / "s.txt"
    seed.write_text("Comrade Kirov and Tom Cordery met Mrs. Stein. Tom Cordery laughed.\n\n"
                    "Cordery said so on March 3, 1937.\n", encoding="utf-8")
    return seed


def test_entities_command_report_and_json(tmp_path):
    seed = _seed(tmp_path)
    shared = tmp_path / "authority.json"
    shared.write_text(json.dumps([KIROV]), encoding="utf-8")
    res = CliRunner().invoke(main, ["entities", str(seed), "--authority", str(shared)])
    assert res.exit_code == 0, res.output
    assert "Unresolved names" in res.output and "Tom Cordery" in res.output
    data = json.loads(CliRunner().invoke(main, ["entities", str(seed), "--json"]).output)
    top = data["unresolved"][0]
    assert (top["text"], top["count"], top["type"]) == ("Tom Cordery", 2, "person")
    assert all({"line", "text", "type", "refs", "cert", "context"} <= set(m)
               for m in data["mentions"])
    linked = json.loads(CliRunner().invoke(
        main, ["entities", str(seed), "--json", "--authority", str(shared)]).output)
    assert [a["mentions"] for a in linked["authority"]] == [1]


def test_convert_with_authority_builds_standoff(tmp_path):
    seed = _seed(tmp_path)
    shared = tmp_path / "authority.json"
    shared.write_text(json.dumps([dict(KIROV, wikidata="Q1")]), encoding="utf-8")
    out = tmp_path / "s.xml"
    res = CliRunner().invoke(main, ["convert", str(seed), "--authority", str(shared), "-o", str(out)])
    assert res.exit_code == 0, res.output
    root = etree.parse(str(out)).getroot()
    assert [etree.QName(c).localname for c in root] == ["teiHeader", "standOff", "text"]
    person = root.find(f"{TEI}standOff/{TEI}listPerson/{TEI}person")
    assert person.get("{http://www.w3.org/XML/1998/namespace}id") == "kirov"
    assert person.find(f"{TEI}idno").text == "Q1"
    assert CliRunner().invoke(main, ["validate", str(out)]).exit_code == 0


def test_rule_helpers():
    assert entity_rules.is_caps("THE TASKS OF THE PARTY")
    assert entity_rules.sentence_initial("He left. Long ago", 9)
    assert not entity_rules.sentence_initial("He left Long ago", 8)


@pytest.mark.slow  # long inputs
@pytest.mark.parametrize("unit", ["Abc, ", "Mr. ", "A. ", "The Committee of the ", "Abc & ",
                                  "March 3, ", "Abc's ", "12 and "])
def test_no_regex_blows_up_on_long_runs(unit):
    # 300 KB of one shape that tempts a rule to backtrack; a quadratic rule takes many
    # minutes here (the "Abc, " shape once did), a linear one well under a second.
    import subprocess
    import sys

    code = ("import sys; from converter import reader, entities, dates; "
            "doc = reader.read(sys.stdin.buffer.read(), 'x.txt', 'x'); "
            "dates.annotate(entities.annotate(doc))")
    text = (unit * (300_000 // len(unit))) + "\n"
    subprocess.run([sys.executable, "-c", code], input=text.encode(), check=True, timeout=60)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Sergei", "Kirov", "S.", "M.", "Soviet", "Union", "of",
                                 "the", "Party", "Central", "Committee", "KIROV", "kirov",
                                 "Ukraine", ",", "ſoviet", "Communist", "Éluard", "éluard", "\n", "—"]),
                max_size=30))
def test_capitalised_names_found_as_by_a_walk_over_every_token(words):
    """A matcher whose names all open with a capital tries only the capitalised words of
    the text; it must find exactly what the walk over every token finds."""
    m = Matcher()
    for i, name in enumerate(["Sergei Kirov", "S. M. Kirov", "Kirov", "Soviet Union",
                              "Central Committee of the Communist Party of the Soviet Union",
                              "Central Committee", "Party", "Ukraine", "Éluard"]):
        m.add(name, i)
    text = " ".join(words)
    assert m.capitalised
    fast = m.find(text)
    m.capitalised = False
    assert fast == m.find(text)
