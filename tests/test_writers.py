"""The HTML edition, read back with an HTML parser: page skeleton and accessibility,
table of contents, paragraph anchors (= TEI xml:ids), notes linked both ways, index with
back-links, dates, quotations and lists as printed, escaping of hostile TEI, and no word
of the TEI <text> lost, for our TEI, hand-written fixtures and the corpus's published TEI."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lhtml

from converter.writers import html as html_writer
from converter.writers.html_style import CSS, JS
from converter.xmlio import parse_bytes, parse_file
from tests.conftest import params, shared_params
from tests.helpers import words
from tests.test_writers_text import cuts

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "writers"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
FILES = (params([FIXTURES / "full.xml", FIXTURES / "standoff.xml"] + sorted((ROOT / "tei").glob("*.xml"))
                + sorted((ROOT / "tests" / "golden").glob("*/expected.xml")),
                id=lambda p: f"{p.parent.name}/{p.stem}")
         + shared_params("corpus/gold", "*.xml"))
HTML_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "blockquote",
               "figure", "figcaption", "br", "td", "th", "tr", "table", "caption", "ul", "ol",
               "main", "header", "nav", "footer", "dl", "dt", "dd"}
DIVS = [f"{TEI}div"] + [f"{TEI}div{i}" for i in range(1, 8)]


def page(path: Path):
    """The HTML edition of the TEI file at ``path``, parsed as a browser would."""
    data = html_writer.write(parse_file(path))
    assert data.startswith(b"<!DOCTYPE html>\n")
    return lhtml.document_fromstring(data)


def block_words(el) -> list[str]:
    """Words of an HTML subtree, blocks kept apart as a browser lays them out."""
    def walk(e):
        out = [e.text or ""]
        for c in e:
            if isinstance(c.tag, str):
                edge = " " if c.tag in HTML_BLOCKS else ""
                out.append(edge + walk(c) + edge)
            out.append(c.tail or "")
        return "".join(out)
    return words(walk(el))


@pytest.mark.parametrize("name", ["full.xml", "standoff.xml"])
def test_fixture_is_valid_tei(tei_all, name):
    tree = parse_file(FIXTURES / name)
    assert tei_all.validate(tree), tei_all.error_log


@pytest.mark.parametrize("path", FILES)
def test_page_skeleton_and_links(path):
    doc = page(path)
    assert doc.get("lang")
    head = doc.find("head")
    assert head.find("meta[@charset='utf-8']") is not None
    assert head.find("meta[@name='viewport']") is not None
    assert "default-src 'none'" in head.find("meta[@http-equiv='Content-Security-Policy']").get(
        "content")
    assert head.findtext("style") == CSS and doc.findtext(".//script") == JS
    body = doc.find("body")
    for landmark in ("header", "nav", "main", "footer"):
        assert len(body.findall(f".//{landmark}")) <= 1
    assert body.find("main") is not None and body.find("header") is not None
    assert len(doc.findall(".//h1")) == 1
    levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:]))
    ids = [e.get("id") for e in doc.iter() if isinstance(e.tag, str) and e.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for a in doc.iter("a"):
        href = a.get("href")
        assert href is not None and (a.text_content().strip() or a.get("aria-label"))
        if href.startswith("#"):
            assert href[1:] in ids, f"link to a missing anchor {href}"
        else:
            assert href.startswith(("https://", "http://")), href


@pytest.mark.parametrize("path", FILES)
def test_no_word_of_the_text_is_lost(path):
    tree = parse_file(path)
    doc = main_keeps_words(tree)
    notes = doc.xpath("//section[@id='_notes']//li")
    for li in notes:
        for extra in li.xpath(".//*[@class='back' or @class='nref']"):
            extra.drop_tree()  # the way back, and the markers of notes inside notes
    text = tree.getroot().find(f"{TEI}text")
    in_text = {e.get(XML_ID) for e in text.iter() if isinstance(e.tag, str)}
    standoff = [n for n in tree.getroot().iter(f"{TEI}note") if n.get("target") and n.get(
        "target").split()[0][1:] in in_text and text not in list(n.iterancestors())]
    tei_notes = list(text.iter(f"{TEI}note")) + standoff  # (the fixtures' notes come in order)

    def own_text(note):  # a note inside a note is a note of its own
        return (note.text or "") + "".join(
            ("" if c.tag == f"{TEI}note" or not isinstance(c.tag, str) else own_text(c))
            + (c.tail or "") for c in note)
    assert "".join(w for li in notes for w in block_words(li)) == "".join(
        w for n in tei_notes for w in words(own_text(n)))


def main_keeps_words(tree):
    """Assert the words of the HTML <main> are those of the TEI <text> (one reading of
    each choice; never a word split); return the parsed page."""
    tei = copy.deepcopy(tree.getroot())
    # The HTML shows the editor's reading of a choice; the others are in its hover text.
    for choice in list(tei.iter(f"{TEI}choice", f"{TEI}app")):  # (emptying moves the iterator)
        kids = [c for c in choice if isinstance(c.tag, str) and c.tag != f"{TEI}note"]
        shown = next((c for c in kids if etree.QName(c).localname in
                      ("corr", "reg", "expan", "lem")), kids[0] if kids else None)
        for c in kids:
            if c is not shown:
                c.text = None
                for sub in list(c):
                    c.remove(sub)  # empty, with its tail kept in place
    doc = lhtml.document_fromstring(html_writer.write(tree))
    main = copy.deepcopy(doc.find(".//main"))
    for extra in main.xpath(".//*[@class='pn' or @class='cite' or @class='nref' or "
                            "@class='side']"):
        extra.drop_tree()
    from tests.helpers import text_words
    expected = text_words(etree.tostring(tei))
    got = block_words(main)
    assert "".join(got) == "".join(expected)
    assert cuts(got) <= cuts(expected)
    return doc


def test_toc_and_paragraph_anchors_use_tei_ids():
    tree = parse_file(FIXTURES / "full.xml")
    doc = page(FIXTURES / "full.xml")
    toc = [a.get("href") for a in doc.findall(".//nav//a")]
    divs = [d.get(XML_ID) for d in tree.getroot().iter(*DIVS)]
    assert ["#" + d for d in divs] == [h for h in toc if not h.startswith("#_")]
    assert [a.text for a in doc.findall(".//nav//a")][:3] == [
        "1: Opening", "2: Closing", "2.1 A subsection"]
    for p in tree.getroot().find(f"{TEI}text").iter(f"{TEI}p"):
        el = doc.get_element_by_id(p.get(XML_ID))
        assert el.tag == "p" and "np" in el.get("class")
        pn, cite = el.find("a[@class='pn']"), el.find("a[@class='cite']")
        assert pn.get("href") == cite.get("href") == "#" + p.get(XML_ID)
        assert pn.text == p.get(XML_ID).rsplit("p", 1)[1]
        assert cite.get("data-cite").endswith(", " + p.get(XML_ID))
    # Division headings are h2 at the top level, h3 below; subsection nesting is kept.
    assert doc.get_element_by_id("s2.s1").find("h3").text == "2.1 A subsection"


def test_notes_are_numbered_and_linked_both_ways():
    doc = page(FIXTURES / "full.xml")
    refs = doc.xpath("//main//sup[@class='nref']/a")
    assert [a.text for a in refs] == ["1", "2"]
    for a in refs:
        note = doc.get_element_by_id(a.get("href")[1:])
        assert note.tag == "li" and note.find("a[@class='back']").get("href") == "#" + a.get("id")
    assert doc.get_element_by_id("_n1").text_content().startswith("The Central Committee")
    # The reference sits where the note stood: right after "Central Committee".
    assert refs[0].getparent().getprevious().text == "Central Committee"
    # On wide screens the note is also shown in the margin, next to its reference.
    side = refs[0].getparent().getnext()
    assert side.get("class") == "side" and side.get("aria-hidden") == "true"
    assert side.text_content() == "1 " + doc.get_element_by_id("_n1").text_content()[:-1]
    assert not side.xpath(".//*[@id]")


def test_index_lists_variants_identifiers_and_every_occurrence():
    doc = page(FIXTURES / "full.xml")
    index = doc.get_element_by_id("_index")
    assert [h.text for h in index.findall("h3")] == ["Persons", "Places", "Organisations"]
    kirov = doc.get_element_by_id("_x-kirov")
    assert kirov.find("span[@class='iname']").text == "Sergei Kirov"
    assert "Comrade Kirov" in kirov.find("span[@class='variants']").text
    assert kirov.find("a[@class='wd']").get("href") == "https://www.wikidata.org/wiki/Q193376"
    backs = kirov.findall(".//span[@class='occ']/a")
    # Back-links say where in numbers the page prints (heading number, margin number);
    # the xml:id stays in the href.
    assert [a.text for a in backs] == ["§ 1 ¶ 1", "§ 1 ¶ 2"]
    for a in backs:  # each back-link lands on the mention, which links to the entry
        mention = doc.get_element_by_id(a.get("href")[1:])
        para = mention.xpath("ancestor::p[contains(@class, 'np')]")[0]
        assert a.text.endswith("¶ " + para.find("a[@class='pn']").text)
        assert mention.get("href") == "#_x-kirov" and "Kirov" in mention.text
        assert "person" in mention.get("class") and "Sergei Kirov" in mention.get("title")
    mentions = doc.xpath("//*[contains(concat(' ', @class, ' '), ' ent ')]"
                         "[not(ancestor::*[@class='side'])]")  # margin copies of notes aside
    assert len(mentions) == len(doc.xpath("//span[@class='occ']/a")) == 7
    org = doc.xpath("//section[@id='_index']//li[span='Central Committee of the Communist "
                    "Party of the Soviet Union']")[0]
    assert [a.text for a in org.findall(".//span[@class='occ']/a")] == ["§ 1 ¶ 1", "note 1"]


def test_dates_quotes_lists_as_printed():
    doc = page(FIXTURES / "full.xml")
    times = doc.xpath("//main//time")
    assert times[0].get("datetime") == "1923-12-02" and times[0].get("title") == "1923-12-02"
    assert times[1].get("title") == "between 1934-01-01 and 1934-12-31"
    assert times[1].get("datetime") is None
    assert times[2].get("title") == "from 1934-12-01 to 1935-01-18"
    p2 = doc.get_element_by_id("s1.p2")
    assert p2.find("span[@class='soCalled']").text == "“new course”"
    assert p2.find("q").text == "“we shall win”"
    assert "quotes:none" in CSS  # the marks printed in the text, not added by the browser
    block = doc.get_element_by_id("s1.q1")
    assert block.tag == "blockquote" and block.find("p").get("id") == "s1.p3"
    cit = doc.get_element_by_id("s1.c1")
    assert cit.tag == "figure" and cit.find("blockquote") is not None
    inline = doc.get_element_by_id("s1.p4").find("span[@class='list']")
    assert [i.text for i in inline.findall("span")] == ["(1) the first;", "(2) the second."]
    lst = doc.get_element_by_id("s1.l1")
    assert lst.tag == "ul" and [li.get("id") for li in lst.findall("li")] == [
        "s1.l1.i1", "s1.l1.i2"]
    gloss = doc.get_element_by_id("s1.l2").findall("li")
    assert [li.find("span[@class='label']").text for li in gloss] == ["(a)", "(b)"]
    assert gloss[0].get("id") == "s1.l2.i1" and "Labelled item" in gloss[0].text_content()
    assert doc.get_element_by_id("s1").find("div[@class='closer']") is not None
    table = doc.get_element_by_id("s2.s1.t1")
    assert table.findtext("caption") == "Exports, 1772"
    assert [[td.text for td in tr] for tr in table.find("tbody")] == [
        ["To North America", "£4,791,734"], ["To Africa", "866,398"]]


def test_hostile_tei_is_text_never_script():
    data = html_writer.write(parse_file(FIXTURES / "hostile.xml"))
    doc = lhtml.document_fromstring(data)
    assert [s.text for s in doc.iter("script")] == [JS]
    assert doc.get("lang") == "en"  # the bad xml:lang is not copied
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert name in ("id", "class", "href", "title", "lang", "datetime", "aria-label",
                            "aria-labelledby", "data-cite", "rel", "charset", "name", "content",
                            "http-equiv", "value"), name
            if name == "href":
                assert value.startswith(("#", "https://www.wikidata.org/wiki/Q", "https://",
                                         "http://")), value
                assert "javascript" not in value.lower() and "data:" not in value.lower()
    text = doc.find(".//main").text_content()
    assert '<script>alert(5)</script>' in text and "<img src=x onerror=alert(3)>" in text
    assert doc.findtext(".//title") == '</title><script>alert("title")</script>'
    assert b"<script>alert" not in data and b"<img" not in data
    assert doc.xpath("//*[@class='ent place']")[0].get("title") == "Place: Town"  # no Q1">...


def _long_tei(paragraphs: int) -> bytes:
    body = "".join(f'<p xml:id="p{i}">Paragraph {i} names <persName>Kirov</persName> on '
                   f'<date when="1934-12-01">1 December 1934</date>.<note>Note {i}.</note></p>'
                   for i in range(1, paragraphs + 1))
    return (f'<TEI xmlns="{TEI[1:-1]}"><teiHeader><fileDesc><titleStmt><title>Long</title>'
            '</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc>'
            f'</fileDesc></teiHeader><text><body>{body}</body></text></TEI>').encode()


@pytest.mark.slow  # long documents
def test_long_documents_take_linear_time():
    """Eight times the text takes about eight times as long, not 64 (counting a
    paragraph's index mentions again for each mention once made it quadratic)."""
    import time

    from converter.writers import text as text_writer

    def cost(n):
        tree = parse_bytes(_long_tei(n), "long.xml")
        start = time.process_time()  # CPU time: other processes do not count
        html_writer.write(tree)
        text_writer.write(tree, index=True)
        return time.process_time() - start

    cost(200)  # warm up; the best of several runs, as other work may share the machine
    small, large = min(cost(1000) for _ in range(3)), min(cost(8000) for _ in range(2))
    assert large < 14 * small, (small, large)  # linear: about 8 times; quadratic: 64


def test_stand_off_notes_and_records():
    """The converter's shape: a note in <standOff> pointing at an <anchor>, names with
    @ref to person/place records, and a name tagged twice one inside the other."""
    doc = page(FIXTURES / "standoff.xml")
    ref = doc.xpath("//main//sup[@class='nref']/a")
    assert [a.text for a in ref] == ["1"]
    assert ref[0].getparent().getprevious().get("id") == "note1"  # right after the anchor
    note = doc.get_element_by_id("_n1")
    assert note.text_content().startswith("The trial of 1928 in Leningrad")
    assert note.find("a[@class='back']").get("href") == "#_r1"
    kirov = doc.get_element_by_id("_x-kirov")
    assert kirov.find("span[@class='iname']").text == "Sergei Kirov"
    assert [a.text for a in kirov.findall(".//span[@class='occ']/a")] == ["¶ 1", "¶ 2"]
    place = doc.get_element_by_id("_x-leningrad")
    assert [a.text for a in place.findall(".//span[@class='occ']/a")] == ["¶ 1", "note 1"]


# Any nesting of TEI (and unknown) elements, with ids, notes, names and breaks anywhere.
_NAMES = ["p", "div", "head", "list", "item", "label", "quote", "q", "cit", "bibl", "hi",
          "persName", "placeName", "note", "lb", "pb", "choice", "sic", "corr", "table", "row",
          "cell", "figure", "lg", "l", "said", "anchor", "ref", "date", "floatingText", "body",
          "unknownThing", "seg", "closer", "signed", "gap", "w", "g"]
_WORDS = st.sampled_from(["", " ", "alpha", "Beta ", " gamma", "d\u00e9j\u00e0", "1.", "(a)",
                          "\u201cq\u201d", "x-", "\n"])


def _trees():
    leaf = st.tuples(st.sampled_from(_NAMES), st.just([]), _WORDS, _WORDS)
    return st.recursive(leaf, lambda kids: st.tuples(
        st.sampled_from(_NAMES), st.lists(kids, max_size=4), _WORDS, _WORDS), max_leaves=25)


def _tei(node, ids) -> str:
    name, kids, text, tail = node
    attrs = ""
    if name in ("p", "div", "item", "anchor") and len(ids) % 2 == 0:
        attrs += f' xml:id="x{len(ids)}"'
        ids.append(f"x{len(ids)}")
    if name in ("persName", "placeName"):
        attrs += f' ref="#x{len(ids) // 2}"'
    if name == "note" and ids:
        attrs += f' target="#{ids[-1]}"'
    if name == "ref":
        attrs += ' target="javascript:alert(1)"'
    inner = "".join(_tei(k, ids) for k in kids)
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")  # noqa: E731
    return f"<{name}{attrs}>{esc(text)}{inner}</{name}>{esc(tail)}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_trees(), min_size=1, max_size=4))
def test_any_tei_gives_a_sound_page_and_keeps_its_words(nodes):
    ids: list = []
    body = "".join(_tei(n, ids) for n in nodes)
    xml = (f'<TEI xmlns="{TEI[1:-1]}"><teiHeader><fileDesc><titleStmt><title>T</title>'
           '</titleStmt></fileDesc></teiHeader><text><body>' + body +
           '</body></text></TEI>').encode()
    tree = parse_bytes(xml, "random.xml")
    page = html_writer.build(tree)
    found = [e.get("id") for e in page.iter() if isinstance(e.tag, str) and e.get("id")]
    assert len(found) == len(set(found))
    for a in page.iter("a"):
        href = a.get("href", "")
        assert href[1:] in found if href.startswith("#") else href.startswith("https://"), href
    from converter.writers import text as text_writer
    from tests.helpers import text_words
    from tests.test_writers_text import edition_words, hard_words
    ours, tei = edition_words(tree), text_words(xml)
    assert "".join(ours) == "".join(tei)
    assert cuts(ours) <= cuts(tei) and cuts(hard_words(xml)) <= cuts(ours)
    text_writer.write(tree, width=30, index=True)
    main_keeps_words(tree)


def _page_of_text(text: str):
    from converter.pipeline import convert_bytes
    from converter.xmlio import parse_bytes

    data = convert_bytes(text.encode("utf-8"), "t.txt", "t")[0]
    return lhtml.fromstring(html_writer.write(parse_bytes(data, "t.xml")))


def test_contents_fold_when_long_and_say_more_than_a_number():
    from converter.writers.html import TOC_OPEN_MAX

    tei = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
           b'<title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
           b'<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>'
           b'<div><head>1.</head><p>It is to be supposed that all have now understood and '
           b'have grasped it.</p></div><div><head>IV.</head><p>Short.</p></div>'
           b'<div><p>No heading at all here.</p></div></body></text></TEI>')
    short = lhtml.fromstring(html_writer.write(etree.ElementTree(etree.fromstring(tei))))
    links = [a.text_content() for a in short.xpath("//nav[@class='toc']//a")]
    assert links == ["1. It is to be supposed that all have …",
                     "IV. Short.", "Section: No heading at all here."]
    assert not short.xpath("//nav//details[not(@open)]")  # short: nothing folded
    chapters = "".join(f"CHAPTER {n}\n\nSECTION 1\n\nWords of chapter {n}.\n\n"
                       f"SECTION 2\n\nMore words of chapter {n}.\n\n"
                       for n in range(1, TOC_OPEN_MAX // 2))
    long = _page_of_text("Title Here\n\n" + chapters)
    folds = long.xpath("//nav[@class='toc']//details")
    assert folds and all(d.get("open") is None for d in folds)
    assert all(d.find("summary/a") is not None for d in folds)  # the heading stays a link
    heads = long.xpath("//main//h2 | //main//h3")
    assert heads and all(h.xpath("a[@class='up'][@href='#_toc']") for h in heads)


def test_headnote_keeps_its_lines():
    page = _page_of_text("The State and Revolution\n\nV. I. Lenin\n\nWritten: August 1917\n"
                         "Source: Collected Works, Volume 25\nTranslated: Stepan Apresyan\n\n"
                         "CHAPTER I\n\nFirst words of the text.\n")
    arg = page.xpath("//div[contains(@class, 'argument')]//p")[0]
    assert len(arg.findall("br")) == 2
    assert [ln.strip() for ln in arg.text_content().splitlines() if ln.strip()][-1] \
        == "Translated: Stepan Apresyan"


def _with_licence(licence: str) -> bytes:
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
            f'<title>T</title></titleStmt><publicationStmt><authority>a</authority>'
            f'<availability><licence>{licence}</licence></availability></publicationStmt>'
            f'<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body>'
            f'<p>The text.</p></body></text></TEI>').encode()


def test_a_long_licence_is_named_on_the_title_page_and_printed_at_the_end():
    from converter.writers import text as text_writer
    long = "\n\n".join(f"Paragraph {k} of the Project Gutenberg License. " * 6 for k in range(4))
    tree = parse_bytes(_with_licence(long), "t.xml")
    page = lhtml.fromstring(html_writer.write(tree))
    head = page.find(".//header")
    assert "printed in full at the end" in head.text_content()
    assert "Paragraph 0" not in head.text_content()
    assert [p.text_content()[:11] for p in page.findall(".//section[@id='_licence']//p")] == [
        f"Paragraph {k}" for k in range(4)]
    text = text_writer.write(tree).decode()
    assert text.index("printed in full at the end") < text.index("The text.") < \
        text.index("LICENCE") < text.index("Paragraph 3")
    # A short statement stays on the title page.
    short = text_writer.write(parse_bytes(_with_licence("CC BY 4.0"), "t.xml")).decode()
    assert "Licence: CC BY 4.0" in short and "LICENCE" not in short
