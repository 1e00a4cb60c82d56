"""Named entities: the authority (sidecar ``entities`` plus an optional shared file), name
variants, linking with one compiled matcher, and rule-based names where no authority has them.

Authority names become ``persName``/``placeName``/``orgName`` spans with ``ref="#id"``;
names found by rules get ``cert`` and no ``ref``. A title before a person's name ("Comrade
Kirov") is marked as a ``roleName`` inside the ``persName``. What was found is kept in
``doc.mentions`` (for the curation report and ``--report``) and the entities referred
to in ``doc.entities`` (for the TEI ``standOff``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from converter import entity_rules, lexicon
from converter.errors import InputError
from converter.matcher import Matcher
from converter.model import Block, Document, Reporter, Span, attrs_of, map_blocks, walk_blocks
from converter.vocabulary import ENTITY_ELEMENT

ELEMENT = ENTITY_ELEMENT  # entity type -> TEI element
_RANK = {"org": 20, "event": 22, "place": 25, "person": 30}
_ROLE_BEFORE = re.compile(r"(?<![\w.])(?:" + entity_rules._HON + r")\s+$")
_ROLE_AT = re.compile(r"(?:" + entity_rules._HON + r")(?=\s)")


@dataclass
class Entity:
    """One authority entry and the readings of it seen in the text."""

    id: str
    type: str
    label: str
    aliases: tuple = ()
    ambiguous: tuple = ()
    wikidata: str | None = None
    note: str | None = None
    seen: dict = field(default_factory=dict)  # surface form -> count


def load_authority(path: Path | None) -> list[dict]:
    """Entries of a shared authority file (``{"entities": [...]}`` or a bare list),
    checked against the sidecar schema; no file, no entries."""
    if path is None:
        return []
    from converter import sidecar

    path = Path(path)
    # Read and parsed as a sidecar is: bounded, duplicate keys and deep nesting are errors.
    data, raw = sidecar.read_json(path, "authority file")
    if isinstance(data, list):
        data = {"entities": data}
    if not isinstance(data, dict) or set(data) - {"entities"}:
        raise InputError('an authority file holds {"entities": [...]} only', str(path))
    sidecar.check(data, raw, str(path))
    return data.get("entities", [])


def authority(side: dict, extra: list[dict] = ()) -> list[Entity]:
    """The sidecar's entities, then the shared ones it does not override (same id)."""
    out, seen = [], set()
    for e in list(side.get("entities", [])) + list(extra):
        if e["id"] in seen:
            continue
        seen.add(e["id"])
        out.append(Entity(e["id"], e["type"], e["label"], tuple(e.get("aliases", ())),
                          tuple(e.get("ambiguous", ())), e.get("wikidata"), e.get("note")))
    return out


def variants(ent: Entity) -> dict[str, str]:
    """Readings of ``ent`` -> how they arose: ``label``, ``alias``, ``ambiguous`` or
    ``generated`` ("Sergei Mironovich Kirov" -> "Kirov", "Sergei Kirov", "S. M. Kirov")."""
    out: dict[str, str] = {}
    if ent.type == "person":
        parts = ent.label.split()
        if len(parts) >= 2 and parts[-1] not in lexicon.NOT_NAMES:
            last, firsts = parts[-1], parts[:-1]
            out[last] = "generated"
            out[f"{firsts[0]} {last}"] = "generated"
            out[" ".join(p[0] + "." for p in firsts) + " " + last] = "generated"
            out[f"{firsts[0][0]}. {last}"] = "generated"
            if len(firsts) == 1:  # the label has no middle name: "S. M. Kirov" may add one
                for mid in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
                    out[f"{firsts[0][0]}. {mid}. {last}"] = "generated"
    elif ent.label.lower().startswith("the "):
        out[ent.label[4:]] = "generated"
    out[ent.label] = "label"
    for a in ent.aliases:
        out[a] = "alias"
    for a in ent.ambiguous:
        out[a] = "ambiguous"
    return out


def build_matcher(ents: list[Entity]) -> Matcher:
    """ONE matcher for every reading of every entity (payload: entity index, how)."""
    m = Matcher()
    for i, ent in enumerate(ents):
        for name, how in variants(ent).items():
            m.add(name, (i, how))
    return m


def _resolve(payloads) -> tuple[list[int], bool]:
    """Entity indexes a reading may mean, and whether it is uncertain."""
    explicit = sorted({i for i, how in payloads if how in ("label", "alias")})
    every = sorted({i for i, _ in payloads})
    ids = explicit or every
    return ids, len(ids) > 1 or any(how == "ambiguous" for _, how in payloads)


class _Taken:
    """The name spans of one block, sorted by start, for overlap tests in O(log n): names
    are short (at most ``_LONGEST`` characters), so only a few neighbours can overlap."""

    def __init__(self, spans=()):
        self.items = sorted(spans)

    def near(self, start: int, end: int):
        i = bisect.bisect_left(self.items, (end,))
        while i > 0 and self.items[i - 1][0] > start - _LONGEST:
            i -= 1
            yield self.items[i]

    def add(self, item) -> None:
        bisect.insort(self.items, item)


_LONGEST = 400


def _fits(c, taken: _Taken) -> bool:
    """A candidate (start, end, type) may join ``taken`` if it crosses nothing and nests
    only inside an organisation (if it is a place) or around one."""
    if c[1] - c[0] > _LONGEST:
        return False
    for t in taken.near(c[0], c[1]):
        if c[1] <= t[0] or c[0] >= t[1]:
            continue
        if (c[0], c[1]) == (t[0], t[1]):
            return False
        if t[0] <= c[0] and c[1] <= t[1] and t[2] == "org" and c[2] == "place":
            continue  # "Kiev" in "Kiev Party organization"; not "Central Committee" in it,
            # nor the person a firm is named after ("Julius Stein & Co.")
        if c[0] <= t[0] and t[1] <= c[1] and c[2] == "org":
            continue
        return False
    return True


class _Annotator:
    def __init__(self, ents: list[Entity], ner=None, record: bool = True):
        self.ents = ents
        self.ner = ner  # an optional statistical name finder (ner_spacy.SpacyNames)
        self.matcher = build_matcher(ents)
        self.mentions: list[dict] | None = [] if record else None  # None: not recorded
        self.known: dict[str, str] = {}  # rule-found names to look for again
        self.common: frozenset = frozenset()  # words the document uses in lower case

    def block(self, blk: Block, extra: Matcher | None = None) -> Block:
        """``blk`` with name spans added: authority names and rule finds, or (with
        ``extra``) the recurrences of names the rules found elsewhere in the document."""
        text, spans = blk.text, []
        again = extra.find(text) if extra is not None else ()
        if extra is not None and not again:
            return blk  # (most blocks: nothing to look at)
        taken = _Taken((s.start, s.end, "_span") for s in blk.spans if s.kind in ELEMENT.values())
        if extra is None:
            outer: list = []
            for hit, depth in self.matcher.find(text):
                ids, unsure = _resolve(hit.payload)
                typ = self.ents[ids[0]].type
                del outer[depth:]
                outer.append((hit.start, typ, ids))
                if any(o[:2] == (hit.start, typ) or o[2] == ids for o in outer[:-1]):
                    # "Central Committee" opening "Central Committee of the ... Ukraine", or
                    # "Kirov" inside "Comrade Kirov": no second tag for the same reading.
                    continue
                self._add(blk, spans, taken, hit.start, hit.end, typ, ids,
                          "low" if unsure else None)
        else:
            for hit, _depth in again:
                single = " " not in text[hit.start:hit.end].strip()
                if single and (entity_rules.sentence_initial(text, hit.start)
                               or text[hit.start:hit.end].lower() in self.common):
                    continue  # "Long" opening a sentence is not Samuel Long
                if _fits((hit.start, hit.end, hit.payload[0][0]), taken):
                    self._add(blk, spans, taken, hit.start, hit.end, hit.payload[0][0], [], "low")
        if extra is None and self.ner is not None:
            from converter.ner_spacy import RESP_ID

            for start, end, typ in self.ner.find(text):
                if _fits((start, end, typ), taken):
                    self._add(blk, spans, taken, start, end, typ, [], "medium",
                              resp="#" + RESP_ID)
        if extra is None:
            for c in entity_rules.find(text, self.common):
                if _fits((c.start, c.end, c.type), taken):
                    self._add(blk, spans, taken, c.start, c.end, c.type, [], c.cert, c.role)
        return blk.with_(spans=list(blk.spans) + spans) if spans else blk

    def _add(self, blk, spans, taken, start, end, typ, ids, cert, role=None, resp=None) -> None:
        text = blk.text
        if typ == "person" and role is None:
            before = _ROLE_BEFORE.search(text, max(0, start - 24), start)
            inside = _ROLE_AT.match(text, start, end)
            if before and before.group().split()[-1] not in lexicon.PLURAL_HONORIFICS:
                role = (before.start(), before.start() + len(before.group().rstrip()))
                start = before.start()
            elif inside and inside.group() not in lexicon.PLURAL_HONORIFICS:
                role = (start, inside.end())  # an alias with its title: "Comrade Kirov"
        ref = " ".join("#" + self.ents[i].id for i in ids) or None
        spans.append(Span(start, end, ELEMENT[typ], attrs_of(ref=ref, cert=cert, resp=resp),
                          _RANK[typ]))
        if role:
            spans.append(Span(role[0], role[1], "roleName", (), 35))
        taken.add((start, end, typ))
        surface = " ".join(text[role[1] if role else start:end].split())
        for i in ids:
            self.ents[i].seen[surface] = self.ents[i].seen.get(surface, 0) + 1
        if not ids and cert == "medium" and typ == "person":
            self.known.setdefault(surface, typ)
            last = surface.split()[-1]
            if len(surface.split()) > 1 and not last.endswith(".") and last not in \
                    lexicon.NOT_NAMES and last not in lexicon.GIVEN_NAMES and \
                    not re.fullmatch(r"[IVXL]+|First|Second|Third|Fourth|Fifth", last, re.I):
                # (a regnal number is no surname: "II" of "Henry II")
                self.known.setdefault(last, typ)
        if self.mentions is None:
            return
        line = blk.line + text.count("\n", 0, start)  # (the line breaks before it)
        context = " ".join(text[max(0, start - 60):min(len(text), end + 60)].split())
        self.mentions.append({"line": line, "text": " ".join(text[start:end].split()),
                              "type": typ, "refs": [self.ents[i].id for i in ids],
                              "cert": cert or "high", "context": context})


def annotate(doc: Document, extra: list[dict] = (), ner=None, record: bool = True) -> Document:
    """Add name spans to every block; record mentions and the entities referred to.

    Who decides, when several find a name at one place: the authority (sidecar and
    ``extra``) first; then ``ner``, an optional statistical finder (``ner_spacy``), for
    persons, places and organisations (``resp`` names it); then the rules, wherever
    neither has a name; a name found once is looked for again where it recurs. Dates are
    never taken from ``ner``: the date stage has its own parser with ISO values.
    ``record=False``: no mentions and no inferences (for the curation and review reports:
    a mention with its context costs more than the name's span)."""
    ann = _Annotator(authority(doc.sidecar, extra), ner, record)
    texts = [b.text for b in list(walk_blocks(doc.front)) + list(walk_blocks(doc.body))]
    ann.common = entity_rules.common_words(texts)
    front = map_blocks(doc.front, ann.block)
    body = map_blocks(doc.body, ann.block)
    if ann.known:
        # A name the rules found once ("Tom Cordery", "Mrs. Stein") is the same name where
        # it recurs without its cue ("Cordery", "Stein").
        again = Matcher()
        for name, typ in sorted(ann.known.items()):
            again.add(name, (typ,))
        front = map_blocks(front, lambda b: ann.block(b, again))
        body = map_blocks(body, lambda b: ann.block(b, again))
    mentions = sorted(ann.mentions or (), key=lambda m: m["line"])
    report = Reporter()
    for m in mentions:
        if m["cert"] != "high":  # what the tool guessed, for `convert --report`
            refs = " ".join("#" + r for r in m["refs"])
            detail = m["text"] + (f" -> {refs}" if refs else "")
            report.infer(m["line"], ELEMENT[m["type"]], m["cert"], detail)
    return report.into(doc, front=front, body=body, mentions=mentions,
                       entities=[e for e in ann.ents if e.seen],
                       authority=[{"id": e.id, "type": e.type, "label": e.label}
                                  for e in ann.ents],
                       applications=[ner.application()] if ner is not None else ())
