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


class Matcher:
    """Leftmost-longest matching of many names at once, plus the names nested inside."""

    def __init__(self):
        self.root: dict = {}
        self.longest = 0
        self.steps = 0

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

    def _names_at(self, toks: list[re.Match], keys: list[str], i: int) -> list:
        """Every name starting at token ``i`` as (last token, payloads), longest first."""
        node, found_here = self.root, []
        for j in range(i, min(len(toks), i + self.longest)):
            self.steps += 1
            node = node.get(keys[j])
            if node is None:
                break
            if _END in node:
                found = [t.group() for t in toks[i:j + 1]]
                payloads = tuple(p for name, p in node[_END] if _case_ok(name, found))
                if payloads:
                    found_here.append((j, payloads))
        return found_here[::-1]

    def find(self, text: str) -> list[tuple[Hit, int]]:
        """All hits as (hit, depth): depth 0 for the outermost names, 1 for names inside
        them ("Soviet Union" inside "... Party of the Soviet Union"), and so on."""
        if not self.root:  # no names (a text without an authority): nothing to find
            return []
        toks, keys = _tokens_and_keys(text)
        root = self.root
        # Most tokens start no name: one dict probe each (one step) instead of a walk.
        starts = [i for i, k in enumerate(keys) if k in root]
        self.steps += len(keys) - len(starts)
        cands = []  # (first token, last token, payloads), by first token, longest first
        for i in starts:
            cands.extend((i, j, payloads) for j, payloads in self._names_at(toks, keys, i))
        out: list[tuple[Hit, int]] = []
        self._select(cands, 0, len(cands), toks, len(toks), 0, out)
        return out

    def _select(self, cands, a, b, toks, hi, depth, out) -> None:
        # Greedy leftmost-longest over cands[a:b] (sorted by first token) ending by ``hi``;
        # each chosen name is searched again for the names inside it, from the next token
        # on, so the total work stays proportional to the candidates times the nesting.
        last, k = -1, a
        while k < b:
            first, end, payloads = cands[k]
            k += 1
            if first <= last or end > hi:
                continue
            out.append((Hit(toks[first].start(), toks[end].end(), payloads), depth))
            last = end
            # Inside: the names that start within it (a shorter one at the same token too).
            j = k
            while j < b and cands[j][0] <= end:
                j += 1
            if j > k:
                self._select(cands, k, j, toks, end, depth + 1, out)
