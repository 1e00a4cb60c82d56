"""Names without an authority: the person-name grammar, the shipped gazetteer and its
guards, administrative places, and the data files shipped with the package."""
from __future__ import annotations

from importlib import resources

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import entities, entity_rules, lexicon, org_rules
from converter.cli import main
from converter.model import Block, Document
from converter.name_cues import scan
from tests.conftest import shared_params

TEI = "{http://www.tei-c.org/ns/1.0}"


def found(text: str) -> list[tuple[str, str]]:
    """(words, element) of every name the rules mark in one paragraph."""
    doc = Document("t", "t.txt", [Block("p", text, 1)], sidecar={})
    blk = entities.annotate(doc).body[0]
    return sorted((text[s.start:s.end], s.kind) for s in blk.spans if s.kind != "roleName")


@pytest.mark.parametrize("text,name,kind", [
    # A middle initial does not split a name.
    ("The man who asked was Charles L. Hutchinson, president of it.",
     "Charles L. Hutchinson", "persName"),
    ("We wrote to James E. Stanford about the lease.", "James E. Stanford", "persName"),
    # A given name from the shipped list (not in the old hand list) with a surname.
    ("The deed was signed by Kenneth Harlow in the presence of two witnesses.",
     "Kenneth Harlow", "persName"),
    # A regnal number belongs to the name.
    ("the troops of George the Third have crossed the sea", "George the Third", "persName"),
    # Titles of the 1860s.
    ("the petition of Hon. Josiah Quincy was read", "Hon. Josiah Quincy", "persName"),
    ("he served under Gen. Sherman until the end", "Gen. Sherman", "persName"),
    # A place word inside a person's name stays in the name.
    ("we met Paris Green at the mill that morning", "Paris Green", "persName"),
    # Places: the shipped gazetteer, administrative patterns.
    ("he removed to Sacramento in the spring", "Sacramento", "placeName"),
    ("a resident of the State of Illinois for ten years", "State of Illinois", "placeName"),
    ("the sheriff of Cook County and his men", "Cook County", "placeName"),
    ("they went on to Kansas City by rail", "Kansas City", "placeName"),
])
def test_rule_finds_the_whole_name(text, name, kind):
    assert (name, kind) in found(text)


def test_pet_name_alone_is_a_person_unless_the_text_uses_the_word():
    assert ("Rosy", "persName") in found("She told Rosy to give me one of them.")
    assert not found("She told Rosy to give me one of the rosy apples.")


def test_plural_title_names_each_of_a_list():
    text = "the report of Comrades Mirzoyan, Vainov and Kabakov was heard"
    people = [n for n, k in found(text) if k == "persName"]
    assert people == ["Kabakov", "Mirzoyan", "Vainov"]


@pytest.mark.parametrize("text,not_name", [
    ("Time was short, and he left.", "Time"),        # an everyday word, not the town
    ("China cups and a china bowl stood there.", "China"),  # written in lower case too
    ("He was a German by birth.", "German"),           # a people, not a person
    ("Sale of the lands was ordered.", "Sale"),
    ("In April we sowed the field.", "April"),          # a month, whatever the census says
    ("the bold Roman legions marched", "Roman"),
    ("They have St. Luke in the parish.", "Luke"),      # a saint, not a man of the text
])
def test_guards_keep_common_words_out(text, not_name):
    assert not [n for n, _ in found(text) if not_name in n.split()]


def test_place_opening_a_newspaper_title_is_no_place():
    names = found("an article in the Chicago Times said so, and Chicago women read it")
    assert [n for n, k in names if k == "placeName"] == ["Chicago"]
    assert names.count(("Chicago", "placeName")) == 1


def test_possessive_stays_outside_the_name():
    assert ("Tom Cordery", "persName") in found("It was Tom Cordery's dog that barked.")


def test_person_a_firm_is_named_after_is_not_tagged_inside_it():
    names = found("She worked three days for Julius Stein & Co. in the city.")
    assert [n for n, k in names if k == "persName"] == []
    assert any(k == "orgName" and n.endswith("Stein & Co.") for n, k in names)


def test_data_files_ship_in_the_package():
    data = resources.files("converter").joinpath("data")
    assert len(data.joinpath("given_names.txt").read_text(encoding="utf-8").split()) > 1000
    rows = data.joinpath("places.tsv").read_text(encoding="utf-8").splitlines()
    assert len(rows) > 3000 and all(len(r.split("\t")) == 3 for r in rows)
    assert "Kenneth" in lexicon.GIVEN_NAMES and "April" not in lexicon.GIVEN_NAMES
    assert "Sacramento" in lexicon.GAZETTEER


def test_convert_marks_names_in_the_tei(tmp_path):
    src = tmp_path / "petition.txt"
    src.write_text("To the Honorable the Legislature.\n\nYour petitioner, Charles L. Hutchinson,"
                   " of Cook County, in the State of Illinois, says that on the 14th day of"
                   " July AD 1862 he removed to Sacramento.\n", encoding="utf-8")
    out = tmp_path / "petition.xml"
    res = CliRunner().invoke(main, ["convert", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = etree.parse(str(out)).getroot().find(f"{TEI}text")
    got = {(etree.QName(e).localname, "".join(e.itertext()), e.get("when"))
           for e in text.iter(f"{TEI}persName", f"{TEI}placeName", f"{TEI}date")}
    assert {("persName", "Charles L. Hutchinson", None), ("placeName", "Cook County", None),
            ("placeName", "State of Illinois", None), ("placeName", "Sacramento", None),
            ("date", "14th day of July AD 1862", "1862-07-14")} <= got


@pytest.mark.parametrize("text,org", [
    ("I worked at Stein's, on Market street, all summer.", "Stein's"),
    ("Then we went to Ellinger's and made cloaks.", "Ellinger's"),
    ("I applied at Rosenthal & Co.'s and Rosenberg Bros. that day.", "Rosenthal & Co.'s"),
    ("the girls at Brougham's packing house said so", "Brougham's packing house"),
    ("members of the Knights of Labor met on Sunday", "Knights of Labor"),
    ("she washed shirts at the Doremus laundry for a week", "Doremus laundry"),
    ("the notes of the Bank of England were refused", "Bank of England"),
])
def test_firms_and_institutions(text, org):
    assert (org, "orgName") in found(text)


@pytest.mark.parametrize("text", [
    "Tom's house is at the end of the road and he went to John's place.",
    "He went to Mary's and sat down.",          # a given name's possessive: a home
    "the Negro church of the South",            # a common noun after a name word
    "The Committee met. Party members came.",    # a lone organisation word
])
def test_no_organisation_flood(text):
    assert not [n for n, k in found(text) if k == "orgName"]


# The name rules try their patterns only where a capital A-Z or a digit stands
# (name_cues.scan): the matches must be exactly those of finditer over the whole text.
_SCANNED = [(entity_rules._INITIALS, entity_rules._INITIAL_NEEDS), (entity_rules._GIVEN, None),
            (entity_rules._ADMIN_PLACE, entity_rules._ADMIN_NEEDS),
            (entity_rules._ROLE, entity_rules._ROLE_NEEDS),
            (entity_rules._STREET, entity_rules._STREET_NEEDS),
            (entity_rules._PLACE_NAME, entity_rules._PLACE_NEEDS),
            (org_rules._ORG_SEQ, None), (org_rules._MESSRS, org_rules._MESSRS_NEEDS),
            (org_rules._SHOP, org_rules._SHOP_NEEDS), (org_rules._AT_OWNER, None)]


def _same_as_finditer(text: str) -> None:
    for pattern, needs in _SCANNED:
        if pattern is org_rules._AT_OWNER:  # not scanned, only skipped without a firm's "'s"
            found = list(pattern.finditer(text)) if org_rules._FIRM_POSS.search(text) else []
        else:
            found = list(scan(pattern, text, needs))
        assert [m.span() for m in found] == \
            [m.span() for m in pattern.finditer(text)], (pattern.pattern[:60], text[:200])


_NAME_BITS = ["Mr.", "Mrs.", "Messrs.", "Comrade", "J.", "L.", "John", "Stein", "O'Brien",
              "McDonald", "Co.", "& Co.", "Bank", "of", "the", "England", "'s", "factory",
              "County", "State", "Cook", "West", "Twelfth", "street", "230", "١٢", "Hill",
              "St.", "George", "III", "ABC", "aBank", "word", ",", ".", "and", "Union",
              "Street", "street", "Side", "North", "City", "Green", "Dr.", "at", "for"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_NAME_BITS), st.sampled_from([" ", "", "\n", ", "])),
                max_size=40))
def test_scan_equals_finditer_generated(parts):
    _same_as_finditer("".join(w + sep for w, sep in parts))


@pytest.mark.parametrize("path", shared_params("corpus/text", "*.txt")
                         + shared_params("realworld/text", "*.txt"))
def test_scan_equals_finditer_dev_data(path):
    for para in path.read_text(encoding="utf-8", errors="replace").split("\n\n"):
        _same_as_finditer(para.replace("ſ", "s"))
