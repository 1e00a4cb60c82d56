"""The entries of the index of names both editions print: a ``Mention`` (one occurrence),
an ``Entry`` (one person, place or organisation with every name it goes by), and what an
entry reads from the TEI: the kind of a name element, the authority record it points at
(its names, Wikidata id and links), the text of a name without its notes, an id safe to
use in HTML. ``apparatus.Apparatus`` finds the names and their places in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.writers.common import SKIP, TEI, local, norm

KINDS = {"persName": "person", "placeName": "place", "orgName": "org"}
# What a generic name element (``rs``, ``name``) is, by its @type.
_TYPED = {"person": "person", "place": "place", "org": "org", "organisation": "org",
          "organization": "org"}
_RECORD_KIND = {"person": "person", "personGrp": "person", "place": "place", "org": "org"}
KIND_TITLES = {"person": "Persons", "place": "Places", "org": "Organisations"}
_QID = re.compile(r"^Q[1-9][0-9]*$")
_WD_URL = re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/(Q[1-9][0-9]*)$")
_URL = re.compile(r"^https?://[^\s\"'<>]+$")
# The elements that name an entity (in any namespace: ``local`` ignores it too).
NAMES = [f"{{*}}{name}" for name in ("persName", "placeName", "orgName", "rs", "name")]


@dataclass(slots=True)
class Mention:
    """One occurrence of an entity: the element, its HTML id and where it stands."""

    el: object
    id: str
    cite: str
    place: str = ""       # as a reader finds it in the HTML edition: "§ 5.2 ¶ 3"
    text_place: str = ""  # the same without margin numbers, for the text edition


@dataclass
class Entry:
    """One index entry, with every name it goes by and every place it is mentioned."""

    key: tuple
    kind: str
    id: str = ""
    label: str = ""
    names: list = field(default_factory=list)
    wikidata: str = ""
    links: list = field(default_factory=list)
    mentions: list = field(default_factory=list)

    @property
    def variants(self) -> list:
        """Other names than the label, each once, in order of first appearance."""
        seen, out = {self.label.casefold()}, []
        for n in self.names:
            if n and n.casefold() not in seen:
                seen.add(n.casefold())
                out.append(n)
        return out


def kind_of(el) -> str | None:
    """The kind of entity (person, place, org) the name element ``el`` names, or None
    (an ``rs`` or ``name`` of another or no @type)."""
    name = local(el)
    return KINDS.get(name) or (_TYPED.get(el.get("type", "")) if name in ("rs", "name")
                               else None)


def reading_text(el) -> str:
    """The text of ``el`` without its notes, white space collapsed."""
    if not len(el):  # (most names: their text alone)
        return norm(el.text or "")

    def walk(e):
        out = [e.text or ""]
        for c in e:
            if local(c) and local(c) not in SKIP:
                out.append(walk(c))
            out.append(c.tail or "")
        return "".join(out)
    return norm(walk(el))


def safe_id(text: str) -> str:
    """``text`` as an id of ASCII letters, digits, ``_.-``; when characters had to be
    replaced, a hash of the original follows, so different ids (Cyrillic ones, say) stay
    different instead of all becoming ``-----``."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "-", text)
    if safe == text:
        return safe
    import hashlib  # only here: it loads libcrypto, which convert never needs

    return f"{safe}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"


def new_entry(key: tuple, kind: str, ref: str, record) -> Entry:
    """The entry (without its id) for names keyed ``key``: the Wikidata id or link of
    ``ref``, and what the authority ``record`` it points at (or None) says: its kind, its
    names (the main one as the label), its Wikidata id and links."""
    entry = Entry(key, kind)
    m = _WD_URL.match(ref)
    if m:
        entry.wikidata = m.group(1)
    elif _URL.match(ref):
        entry.links.append(ref)
    if record is not None:
        entry.kind = _RECORD_KIND.get(local(record), kind)
        names = [e for e in record.iter() if local(e) in KINDS or local(e) == "name"]
        main = [e for e in names if e.get("type") in ("main", "reg", "full", "standard")]
        labels = [reading_text(e) for e in main + names]
        entry.label = next((t for t in labels if t), "")
        entry.names.extend(reading_text(e) for e in names)
        for idno in record.iter(f"{TEI}idno"):
            value = norm("".join(idno.itertext()))
            if (idno.get("type") or "").lower() == "wikidata" and _QID.match(value):
                entry.wikidata = value
            elif _WD_URL.match(value):
                entry.wikidata = _WD_URL.match(value).group(1)
            elif _URL.match(value):
                entry.links.append(value)
    return entry


def grouped(entries) -> list[tuple[str, list[Entry]]]:
    """``entries`` grouped by kind (persons, places, organisations), sorted by label."""
    out = []
    for kind, title in KIND_TITLES.items():
        chosen = sorted((e for e in entries if e.kind == kind),
                        key=lambda e: (e.label.casefold(), e.label, str(e.key)))
        if chosen:
            out.append((title, chosen))
    return out
