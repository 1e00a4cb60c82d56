"""The optional statistical name finder: ``--ner spacy[:MODEL]`` (``pip install
'tei-edition[spacy]'`` and a spaCy model, e.g. ``python -m spacy download en_core_web_sm``).

spaCy's persons, places and organisations are merged with ours in the entity stage by one
rule (see ``entities.annotate``): authority names first, then spaCy's, then the rules
wherever neither has a name; dates always come from our own parser (spaCy's DATE is
ignored: it has no ISO value). Every name spaCy found carries ``resp="#ner-spacy"``,
which points at an ``application`` in the header naming spaCy, its version and model.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from converter.errors import InputError

DEFAULT_MODEL = "en_core_web_sm"
RESP_ID = "ner-spacy"
# spaCy labels (OntoNotes and the small WikiNER set) -> our entity types.
_LEAD = re.compile(r"(?:[\s\"'“‘(]|[Tt]he\s+)+")
# Never from inside a run of these: each later start would rescan the run (quadratic).
_TAIL = re.compile(r"(?<![\s\"'”’),.;:])(?:[’']s|[\s\"'”’),.;:])+$")
LABELS = {"PERSON": "person", "PER": "person", "GPE": "place", "LOC": "place",
          "FAC": "place", "ORG": "org"}


@dataclass
class SpacyNames:
    """A loaded spaCy pipeline and what the header says about it."""

    nlp: object
    model: str

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, type) of the persons, places and organisations in ``text``."""
        out = []
        for ent in self.nlp(text).ents:
            typ = LABELS.get(ent.label_)
            if typ is None:
                continue
            # spaCy sometimes takes an article, a quote mark or a possessive into a name:
            # trim to the name's own words ("the Bank of England's" -> "Bank of England").
            start, end = ent.start_char, ent.end_char
            head = _LEAD.match(text, start, end)
            start = head.end() if head else start
            tail = _TAIL.search(text, start, end)
            end = tail.start() if tail else end
            if end > start:
                out.append((start, end, typ))
        return out

    def application(self) -> dict:
        """The header's ``application`` for spaCy (xml:id ``ner-spacy``)."""
        import spacy

        version = re.match(r"\d+(?:\.\d+){0,3}", spacy.__version__)
        meta = getattr(self.nlp, "meta", {}) or {}
        label = f"spaCy {self.model}" + (f" {meta['version']}" if meta.get("version") else "")
        return {"id": RESP_ID, "ident": "spaCy", "version": version.group() if version else "0",
                "label": label}


def parse_spec(spec: str | None) -> str | None:
    """``spacy`` -> the default model, ``spacy:MODEL`` -> MODEL, ``rules``/None -> None."""
    if spec in (None, "", "rules"):
        return None
    name, _, model = spec.partition(":")
    if name != "spacy":
        raise InputError(f"unknown --ner backend {spec!r}: use 'rules' or 'spacy[:MODEL]'",
                         "--ner")
    return model or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load(model: str) -> SpacyNames:
    """spaCy with ``model`` (once per process); a one-line error when spaCy or the model
    is not installed."""
    try:
        import spacy
    except ImportError:
        raise InputError("the spaCy backend is not installed: pip install "
                         "'tei-edition[spacy]'", "--ner") from None
    try:
        nlp = spacy.load(model, exclude=["lemmatizer", "textcat"])
    except OSError:
        raise InputError(f"spaCy model {model!r} is not installed: python -m spacy download "
                         f"{model}", "--ner") from None
    return SpacyNames(nlp, model)
