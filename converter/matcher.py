"""One compiled name matcher: a token trie walked over the text, linear in its length.

Names are stored as token sequences (``S . M . Kirov``), so spacing variants ("S.M. Kirov",
"S. M. Kirov") and line breaks inside a name match alike. The walk from each token is
bounded by the longest name in tokens, so the work is ``O(tokens * longest name)`` however
many names the authority holds; ``steps`` counts that work so tests can check linearity
without timing anything.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN = re.compile(r"\w+|[^\w\s]")
_END = "\0"


def tokens(text: str) -> list[re.Match]:
    """Word and punctuation tokens (the long s read as s, so offsets are kept)."""
    return list(TOKEN.finditer(text.replace("ſ", "s")))


_LAST: list = [None, None, None]  # the last text tokenised: (text, tokens, keys)


def _tokens_and_keys(text: str) -> tuple[list[re.Match], list[str]]:
    # The authority, the gazetteer and the recurring names each look at the same block
    # (the raw text, or the same with the long s read as s): it is tokenised once.
    probe = text.replace("ſ", "s")
    if _LAST[0] != probe:
        toks = list(TOKEN.finditer(probe))
        _LAST[:] = [probe, toks, [t.group().casefold() for t in toks]]
    return _LAST[1], _LAST[2]


def key(tok: str) -> str:
    """The trie key of a token: case-folded, long s as s."""
    return tok.replace("ſ", "s").casefold()


@dataclass(frozen=True)
class Hit:
    """A name found at ``text[start:end]``; ``payload`` is what the name was stored with."""

    start: int
    end: int
    payload: tuple


def _case_ok(name_tokens: list[str], found: list[str]) -> bool:
    # A capitalised name word must be capitalised in the text too ("Union", not "union"),
    # except in headings set in capitals. Lower-case words ("of", "the") match any case.
    for want, got in zip(name_tokens, found):
        if want[:1].isupper() and not got[:1].isupper():
            return False
        if want.isupper() and len(want) > 1 and not got.isupper():
            return False
    return True


# Where a token starts with a capital: a word start whose character is a letter other than
# a-z (a superset: each is checked with str.isupper).
_CAPITAL_START = re.compile(r"\b[^\W\da-z_]")


class Matcher:
    """Leftmost-longest matching of many names at once, plus the names nested inside."""

    def __init__(self):
        self.root: dict = {}
        self.longest = 0
        self.steps = 0
        self.capitalised = True  # every name opens with a capital (the usual case)

    def add(self, name: str, payload) -> None:
        """Store ``name`` with ``payload`` (several payloads per name make it ambiguous)."""
        toks = [m.group() for m in TOKEN.finditer(name)]
        if not toks:
            return
        node = self.root
        for t in toks:
            node = node.setdefault(key(t), {})
        node.setdefault(_END, []).append((toks, payload))
        self.longest = max(self.longest, len(toks))
        self.capitalised = self.capitalised and toks[0][:1].isupper() and toks[0][:1].isalnum()

    def _names_at(self, toks, keys: list[str]) -> list:
        """Every name made of a prefix of ``toks`` (token matches; ``keys`` their trie
        keys, as far as known), as (last token, payloads), longest first."""
        node, found_here = self.root, []
        for j, tok in enumerate(toks):
            self.steps += 1
            node = node.get(keys[j] if j < len(keys) else key(tok.group()))
            if node is None:
                break
            if _END in node:
                found = [t.group() for t in toks[:j + 1]]
                payloads = tuple(p for name, p in node[_END] if _case_ok(name, found))
                if payloads:
                    found_here.append((tok, payloads))
        return found_here[::-1]

    def find(self, text: str) -> list[tuple[Hit, int]]:
        """All hits as (hit, depth): depth 0 for the outermost names, 1 for names inside
        them ("Soviet Union" inside "... Party of the Soviet Union"), and so on."""
        if not self.root:  # no names (a text without an authority): nothing to find
            return []
        root, longest = self.root, self.longest
        cands = []  # (first token, last token, payloads), by first token, longest first
        if self.capitalised:
            # A capitalised name word matches only a capitalised word of the text
            # (_case_ok), so only those can start a name: the rest of the text is never
            # tokenised. One step per word tried, one per token walked.
            probe = text.replace("ſ", "s")
            for cap in _CAPITAL_START.finditer(probe):
                at = cap.start()
                self.steps += 1
                if not probe[at].isupper():
                    continue
                first = TOKEN.match(probe, at)
                k = first.group().casefold()
                if k not in root:
                    continue
                toks = [first]
                for tok in TOKEN.finditer(probe, first.end()):
                    if len(toks) == longest:
                        break
                    toks.append(tok)
                cands.extend((first, last, payloads)
                             for last, payloads in self._names_at(toks, [k]))
        else:
            toks, keys = _tokens_and_keys(text)
            # Most tokens start no name: one dict probe each (one step) instead of a walk.
            starts = [i for i, k in enumerate(keys) if k in root]
            self.steps += len(keys) - len(starts)
            for i in starts:
                end = i + longest
                cands.extend((toks[i], last, payloads)
                             for last, payloads in self._names_at(toks[i:end], keys[i:end]))
        out: list[tuple[Hit, int]] = []
        self._select(cands, 0, len(cands), len(text) + 1, 0, out)
        return out

    def _select(self, cands, a, b, hi, depth, out) -> None:
        # Greedy leftmost-longest over cands[a:b] (sorted by first token) ending by ``hi``
        # (tokens are compared by their start offsets); each chosen name is searched again
        # for the names inside it, from the next token on, so the total work stays
        # proportional to the candidates times the nesting.
        last, k = -1, a
        while k < b:
            first, end, payloads = cands[k]
            k += 1
            if first.start() <= last or end.start() > hi:
                continue
            out.append((Hit(first.start(), end.end(), payloads), depth))
            last = end.start()
            # Inside: the names that start within it (a shorter one at the same token too).
            j = k
            while j < b and cands[j][0].start() <= last:
                j += 1
            if j > k:
                self._select(cands, k, j, last, depth + 1, out)
