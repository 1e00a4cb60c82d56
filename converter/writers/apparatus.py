"""The apparatus both editions share: numbered paragraphs, division ids, notes in reading
order, and the index of persons, places and organisations with every occurrence.

Everything is computed from the TEI tree alone. Ids that the TEI does not supply are
generated with a leading underscore and checked against the TEI's own ``xml:id``s, so a
citation such as ``edition.html#s2.p3`` always means the TEI element ``s2.p3``.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cached_property, partial

from lxml import etree

from converter.writers.common import SKIP, TEI, XML_ID, Inherited, local, under
from converter.writers.entries import (NAMES, Entry, Mention, grouped, kind_of, new_entry,
                                       reading_text, safe_id)
from converter.writers.places import is_division, item_label, section_place

# Paragraphs inside these are part of something else and get no number of their own.
_UNNUMBERED = {"note", "item", "cell", "figure", "table", "list", "sp", "listBibl", "titlePage"}
# What hides the text inside it from the editions (a note's text is read, as a note).
_HIDING = SKIP - {"note"}
_PLACES = {"titlePage": "title page", "front": "front matter", "back": "back matter",
           "body": "text"}


def _where_step(para: dict, note_no: dict, div_ids: dict, el, above: tuple) -> tuple:
    """What ``Apparatus.cite`` and ``places`` read of where ``el`` stands, from the same of
    its parent (``above``): the nearest of ``el`` and its ancestors that is a numbered
    paragraph, a note, has an xml:id, a division, or front, back or body (for ``cite``),
    and the nearest note, title page, division, front or back matter, numbered paragraph
    and list item."""
    cite, note, title, div, matter, par, item = above
    name = local(el)
    if el in para:
        par = el
    if el in note_no:
        note = el
    if par is el:
        cite = para[el][2]
    elif note is el:
        cite = f"note {note_no[el]}"
    elif el.get(XML_ID):
        cite = el.get(XML_ID)
    elif el in div_ids:
        cite = "§ " + div_ids[el].lstrip("_d")
    else:
        cite = _PLACES.get(name, cite)
    if name == "titlePage":
        title = True
    elif name in ("front", "back"):
        matter = el
    elif name == "item":
        item = el
    elif is_division(name):
        div = el
    return cite, note, title, div, matter, par, item


class Apparatus:
    """Ids, numbers, notes and index entries for one TEI document."""

    def __init__(self, root, layout, entities: bool = True, numbers: bool = True):
        """``entities=False`` leaves the index out (the text edition without ``--index``
        prints nothing of it; the index is the costliest part to collect);
        ``numbers=False`` leaves out the paragraphs' numbers and ids and the divisions' ids
        (the text edition prints none of them)."""
        self.root, self.layout = root, layout
        self.text = root.find(f"{TEI}text")
        self._next: dict = {}    # base -> the next number fresh() tries for it
        self.para: dict = {}     # p element -> (html id, margin label, citation label)
        self.div_ids: dict = {}  # division element -> html id
        self.notes: list = []    # note elements, in the order their markers are read
        self.note_no: dict = {}  # note element -> number
        self.marker_of: dict = {}  # a <ref> that is a note's printed marker -> its number
        self.after: dict = {}    # element -> [note numbers whose marker follows it]
        self.targeted: set = set()  # notes placed by @target, not where they stand
        self.entries: dict = {}  # key -> Entry
        self.mention_of: dict = {}  # entity element -> (Mention, Entry)
        self._sections: dict = {}  # division (or None) -> its section_place
        self._items: dict = {}  # list item -> its item_label
        self._outside: list = []  # notes read from outside <text> (stand-off), in order
        # Facts of every element's ancestors, found once per element (see ``Inherited``):
        # whether something above it up to <text> hides it (a header, stand-off data) ...
        self._hidden = Inherited(lambda el, above: above or local(el) in _HIDING, False,
                                 {self.text: False})
        # ... the label ``cite`` gives it, and the nearest note, title page, division,
        # front or back matter, numbered paragraph and list item holding it (``places``).
        # (The step holds the tables it reads, not the apparatus: no reference cycle.)
        self._where = Inherited(partial(_where_step, self.para, self.note_no, self.div_ids),
                                ("text", None, False, None, None, None, None))
        if self.text is not None:
            if numbers:
                self._number()
            self._collect_notes()
            if entities:
                self._collect_entities()

    @cached_property
    def by_id(self) -> dict:
        """The elements of the TEI by their xml:id (found when first asked for: only
        notes, names and ids need them)."""
        return {e.get(XML_ID): e for e in self.root.iter(etree.Element) if e.get(XML_ID)}

    @cached_property
    def used(self) -> set:
        """The ids taken: the TEI's and those generated so far (``fresh``)."""
        return set(self.by_id)

    def fresh(self, base: str) -> str:
        """A generated id not used by the TEI or by anything generated before. The search
        for a free number resumes where the last one for ``base`` stopped: starting over
        at 1 made many ids on one base quadratic."""
        n = self._next.get(base, 1)
        cand = base if n == 1 else f"{base}-{n}"
        while cand in self.used:
            n += 1
            cand = f"{base}-{n}"
        self._next[base] = n + 1
        self.used.add(cand)
        return cand

    def in_reading(self, el) -> bool:
        """Whether ``el`` is part of what the editions render (notes included)."""
        return not self._hidden(el.getparent())

    def _number(self) -> None:
        seq = divs = 0
        unnumbered = under(_UNNUMBERED)
        for el in self.text.iter(f"{TEI}p", f"{TEI}div", *(f"{TEI}div{i}" for i in range(1, 8))):
            if not self.in_reading(el):
                continue
            if local(el) != "p":
                divs += 1
                self.div_ids[el] = el.get(XML_ID) or self.fresh(f"_d{divs}")
                continue
            xid = el.get(XML_ID)
            inside = unnumbered(el.getparent())
            if not xid and inside:
                continue
            seq += 1
            if xid:
                # A paragraph of a list item is citable, but a margin number next to the
                # item's own label would read as a second numbering: it gets none.
                m = re.search(r"(\d+)$", xid)
                self.para[el] = (xid, "" if inside else (m.group(1) if m else xid), xid)
            else:
                self.para[el] = (self.fresh(f"_p{seq}"), str(seq), f"¶ {seq}")

    def places(self, el) -> tuple[str, str, str]:
        """A short label for where ``el`` stands (its paragraph, note or division), and
        where it stands in numbers the editions print, with the margin number (the HTML
        edition) and without (the text edition): "§ 5.2 ¶ 3" (heading numbers, else
        heading words), "§ 5, item 2", "note 4", "title page"."""
        cite, note, title, div, matter, para, item = self._where.leaf(el)
        if note is not None:
            return (cite,) + (f"note {self.note_no[note]}",) * 2
        if title:
            return (cite,) + ("title page",) * 2
        if div not in self._sections:  # the same for every mention in a division
            self._sections[div] = section_place(div) if div is not None else ""
        where = self._sections[div] or (_PLACES[local(matter)] if matter is not None else "")
        if item is not None and item not in self._items:
            self._items[item] = item_label(item)
        plain = ", ".join(p for p in (where, self._items.get(item, "")) if p) or "text"
        if para is not None and self.para[para][1]:
            return cite, f"{where} ¶ {self.para[para][1]}".strip(), plain
        return cite, plain, plain

    def _collect_notes(self) -> None:
        if next(self.root.iter(f"{TEI}note"), None) is None:
            return  # (no notes: the order of every element is not needed)
        order = {el: i for i, el in enumerate(self.text.iter())}
        placed = []
        # Notes in the text, and stand-off notes (outside <text>, as in <standOff>) that
        # point with @target at something in the text.
        outside = [n for n in self.root.iter(f"{TEI}note") if n not in order and not any(
            local(a) == "teiHeader" for a in n.iterancestors())]
        # A note a <ref> of the text points at (a footnote's marker, "[1]"): it is read
        # where that marker stands, like a note that points at its place with @target.
        marked = {}
        for ref in self.text.iter(f"{TEI}ref"):
            hit = self.by_id.get((ref.get("target") or "").split(" ")[0].lstrip("#"))
            if hit is not None and local(hit) == "note":
                marked.setdefault(hit, ref)
        for note in [*self.text.iter(f"{TEI}note"), *outside]:
            if note in order and not self.in_reading(note):
                continue
            target = marked.get(note)  # an element: test it against None, not for truth
            if target is None:
                target = self.by_id.get((note.get("target") or "").split(" ")[0].lstrip("#"))
            if note not in order and (target is None or target not in order):
                continue  # a stand-off note about nothing in the text
            if (target is not None and target in order and target is not note
                    and target not in set(note.iterancestors())):
                last = [e for e in target.iter()][-1]
                placed.append((order[last] + 0.5, note, target))
            else:
                placed.append((order[note], note, None))
        for num, (_, note, target) in enumerate(sorted(placed, key=lambda t: t[0]), 1):
            self.notes.append(note)
            self.note_no[note] = num
            if note in marked:
                self.marker_of[marked[note]] = num
            if target is not None:
                self.after.setdefault(target, []).append(num)
                self.targeted.add(note)
        self._outside = [note for note in self.notes if note not in order]

    def is_targeted(self, note) -> bool:
        """True for a note whose marker goes after the element it points at."""
        return note in self.targeted

    def _record(self, ref: str):
        if ref.startswith("#") and ref[1:] in self.by_id:
            return self.by_id[ref[1:]]
        return None

    def _collect_entities(self) -> None:
        n = 0
        names = [(el, True) for el in self.text.iter(*NAMES)] + [
            (el, False) for note in self._outside for el in note.iter(*NAMES)]
        for el, inside in names:
            kind = kind_of(el)
            if not kind or (inside and not self.in_reading(el)):
                continue
            surface = reading_text(el)
            if not surface:
                continue  # an empty name (a placeholder) cannot be shown or linked
            ref = (el.get("ref") or el.get("key") or "").split(" ")[0]
            record = self._record(ref)
            key = ("id", ref[1:]) if record is not None else (("ref", ref) if ref else
                                                              ("text", kind, surface.casefold()))
            entry = self.entries.get(key)
            parent = self.mention_of.get(el.getparent())
            if parent is not None and parent[1] is entry:
                continue  # the same name tagged twice, one inside the other: one mention
            if entry is None:
                entry = self.entries[key] = self._new_entry(key, kind, ref, record)
            n += 1
            mention = Mention(el, self.fresh(f"_e{n}"), *self.places(el))
            entry.mentions.append(mention)
            entry.names.append(surface)
            self.mention_of[el] = (mention, entry)
        for entry in self.entries.values():
            if not entry.label:
                counts = Counter(m for m in entry.names if m)
                entry.label = max(counts, key=counts.get) if counts else "(unnamed)"

    def _new_entry(self, key, kind, ref, record) -> Entry:
        entry = new_entry(key, kind, ref, record)
        # Its id: from the authority record's when it has one (so it stays the same when
        # the text changes), else from its number.
        base = key[1] if key[0] == "id" else str(len(self.entries) + 1)
        entry.id = self.fresh("_x-" + safe_id(base))
        return entry

    def index(self) -> list[tuple[str, list[Entry]]]:
        """Entries grouped by kind (persons, places, organisations), sorted by label."""
        return grouped(self.entries.values())
