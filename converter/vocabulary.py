"""The one vocabulary: the kinds of the model, the TEI elements they become and what they
may hold, and the TEI names the rest of the tool reads by (writers, build, entities).

Passes name what they recover with these kinds; ``converter.tei`` turns them into TEI by
``ELEMENT`` and ``WRAP``; ``CHILDREN`` is what the builder nests inside what. A test
checks every element and every parent/child pair against ``schemas/tei-edition.rng``, and
that the editions we write use no other pair.
"""
from __future__ import annotations

from typing import Literal, get_args

TEI_NS = "http://www.tei-c.org/ns/1.0"
TEI = "{%s}" % TEI_NS
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# -- the model's kinds ---------------------------------------------------------------------

# Paragraph-level runs of text (``Block``).
BlockKind = Literal["p", "head", "label", "item", "l", "bibl", "argument", "docAuthor",
                    "docTitle", "docDate", "docImprint", "byline", "salute", "dateline",
                    "signed", "note", "cell", "figDesc"]
# Containers (``Node``).
NodeKind = Literal["body", "div", "list", "item", "quote", "cit", "lg", "opener", "closer",
                   "floatingText", "epigraph", "titlePage", "note", "table", "row", "figure"]
# Inline annotations and milestones (``Span``).
SpanKind = Literal["q", "soCalled", "persName", "placeName", "orgName", "eventName",
                   "roleName", "date", "list", "item", "label", "pb", "lb", "anchor", "hi", "ref",
                   "fw"]

BLOCK_KINDS: frozenset[str] = frozenset(get_args(BlockKind))
NODE_KINDS: frozenset[str] = frozenset(get_args(NodeKind))
SPAN_KINDS: frozenset[str] = frozenset(get_args(SpanKind))

# The TEI element of each kind (a kind is named after its element) and, for a block whose
# text stands in an inner element, that element: ``docTitle`` > ``titlePart``.
ELEMENT: dict[str, str] = {k: k for k in BLOCK_KINDS | NODE_KINDS | SPAN_KINDS}
WRAP: dict[str, str] = {"docTitle": "titlePart", "argument": "p"}
# Kinds that go on the title page of the front matter.
TITLE_PAGE = frozenset({"docAuthor", "docTitle", "docDate", "byline", "docImprint",
                        "epigraph"})
# Elements that get an xml:id, with its prefix (s2.p3 is the 3rd p of the 2nd division);
# the first three open a new scope for the ids inside them.
ID_PREFIX: dict[str, str] = {"div": "s", "p": "p", "list": "l", "item": "i", "quote": "q",
                             "cit": "c", "lg": "lg", "floatingText": "t", "titlePage": "tp"}
ID_SCOPES = frozenset({"div", "list", "floatingText"})

# What the builder nests inside what (element names). Phrase-level elements (``PHRASES``)
# may stand in any element that holds text.
_DIV_CONTENT = frozenset({"head", "argument", "p", "list", "quote", "cit", "lg", "opener",
                          "closer", "floatingText", "div", "note", "table", "figure"})
CHILDREN: dict[str, frozenset[str]] = {
    "text": frozenset({"front", "body"}),
    "front": frozenset({"titlePage", "argument"}),
    "titlePage": TITLE_PAGE,
    "docTitle": frozenset({"titlePart"}),
    "argument": frozenset({"p"}),
    "epigraph": frozenset({"p", "quote"}),
    "body": _DIV_CONTENT - {"head", "argument"},
    "div": _DIV_CONTENT,
    "floatingText": frozenset({"body"}),
    "list": frozenset({"head", "item", "label"}),
    "item": frozenset({"p", "list"}),
    "quote": frozenset({"p", "lg"}),
    "cit": frozenset({"quote", "bibl"}),
    "lg": frozenset({"l"}),
    "note": frozenset({"p"}),
    "table": frozenset({"row"}),
    "row": frozenset({"cell"}),
    "figure": frozenset({"figDesc"}),
    "opener": frozenset({"dateline", "salute"}),
    "closer": frozenset({"salute", "signed", "dateline"}),
}
PHRASES = frozenset(ELEMENT[k] for k in SPAN_KINDS)

# -- names: entities -----------------------------------------------------------------------

# The element of each entity type, and the stand-off list and record it is listed in.
ENTITY_ELEMENT: dict[str, str] = {"person": "persName", "place": "placeName",
                                  "org": "orgName", "event": "eventName"}
ENTITY_LISTS: tuple[tuple[str, str, str], ...] = (
    ("person", "listPerson", "persName"), ("place", "listPlace", "placeName"),
    ("org", "listOrg", "orgName"), ("event", "listEvent", "eventName"))
# Elements counted as mentions of an entity (ours and other projects').
NAME_ELEMENTS = frozenset({"persName", "placeName", "orgName", "roleName", "rs", "name"})

# -- names: reading any TEI (the writers) ---------------------------------------------------

# Divisions, numbered or not.
DIVS = frozenset({"div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"})
# Not part of the reading text: the header, stand-off data and notes (rendered separately),
# forme work (running heads, page numbers of the printed source).
SKIP = frozenset({"teiHeader", "standOff", "note", "fw", "noteGrp", "facsimile", "sourceDoc"})
# Elements that are blocks wherever they stand.
ALWAYS_BLOCK = DIVS | frozenset({
    "body", "front", "back", "group", "text", "floatingText", "titlePage", "docTitle",
    "titlePart", "docAuthor", "docDate", "docEdition", "docImprint", "byline", "argument",
    "epigraph", "p", "ab", "head", "lg", "l", "sp", "speaker", "opener", "closer", "salute",
    "dateline", "signed", "trailer", "postscript", "table", "row", "cell", "figure",
    "figDesc", "addrLine", "listBibl", "listPerson", "listPlace", "listOrg", "listEvent",
    "castList", "spGrp", "cit", "eg"})
# Elements that are inline unless they wrap blocks.
INLINE = frozenset({
    "hi", "emph", "persName", "placeName", "orgName", "roleName", "forename", "surname",
    "addName", "genName", "nameLink", "geogName", "settlement", "country", "region", "name",
    "rs", "date", "time", "num", "measure", "ref", "ptr", "title", "soCalled", "mentioned",
    "term", "gloss", "foreign", "g", "w", "c", "pc", "seg", "phr", "choice", "sic", "corr",
    "abbr", "expan", "orig", "reg", "am", "ex", "gap", "unclear", "supplied", "add", "del",
    "damage", "surplus", "app", "lem", "rdg", "metamark", "anchor", "milestone", "lb", "pb",
    "cb", "idno", "lang", "desc", "graphic", "subst", "restore", "handShift", "space"})
# Elements that hold blocks and never run text of their own.
CONTAINERS = ALWAYS_BLOCK - {"p", "ab", "head", "l", "speaker", "salute", "dateline",
                             "signed", "trailer", "titlePart", "docAuthor", "docDate",
                             "docEdition", "docImprint", "byline", "cell", "figDesc",
                             "addrLine"} | {"list", "quote"}
# Where a line break in the TEI is a line break in the reading edition too; elsewhere
# (prose) an ``lb`` records the source's line end and the text is reflowed.
LINE_CONTEXTS = frozenset({"l", "address", "addrLine", "salute", "signed", "dateline",
                           "byline", "docImprint", "titlePart", "docAuthor", "docDate",
                           "opener", "closer", "cell", "speaker", "trailer"})
# Elements the TEI builder writes inside running text: never white space around them.
RUNNING = frozenset({"q", "soCalled", "persName", "placeName", "orgName", "roleName", "date",
                     "eventName", "lb", "pb", "fw", "anchor", "label", "ref", "hi", "rs",
                     "foreign", "emph", "num"})

# -- renditions: how the source marked highlighted text --------------------------------------

# The emphasis marks of e-texts (``_thus_``, ``*thus*``), the id of the ``rendition`` each
# becomes (``<hi rendition="#r-underscore">``), and the header's description of each, so
# the marks can be restored.
RENDITION_OF_MARK: dict[str, str] = {"_": "r-underscore", "*": "r-asterisk"}
RENDITIONS: dict[str, str] = {
    "r-underscore": "italic; marked _thus_ (underscores) in the plain text",
    "r-asterisk": "italic; marked *thus* (asterisks) in the plain text"}
