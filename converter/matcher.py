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
from itertools import chain

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


# A run of word characters from a letter other than a-z: a superset of the capitalised
# words (each is checked with str.isupper), and of their tails inside words ("Bc" in "aBc"),
# which _whole_runs leaves out. It opens with a plain class (every capital is A-Z or from
# U+00C0 on), not \b, so the regex engine skips to the candidates at C speed.
_CAPITAL_RUN = re.compile(r"[A-Z\u00c0-\U0010ffff](?<=[^\W\da-z_])\w*")
_SEEN_MAX = 1_000_000


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # exactly the regex \w of a str pattern


def _whole_runs(text: str, words) -> list[int]:
    """Sorted offsets where one of ``words`` stands in ``text`` as a whole run of word
    characters (what TOKEN reads as one token from there)."""
    out = []
    for w in words:
        at, n = text.find(w), len(w)
        while at >= 0:
            if (at == 0 or not _is_word_char(text[at - 1])) and \
                    (at + n == len(text) or not _is_word_char(text[at + n])):
                out.append(at)
            at = text.find(w, at + 1)
    out.sort()
    return out


class Matcher:
    """Leftmost-longest matching of many names at once, plus the names nested inside."""

    def __init__(self):
        self.root: dict = {}
        self.longest = 0
        self.steps = 0
        self.capitalised = True  # every name opens with a capital (the usual case)
        self._seen: set = set()  # capitalised words of the texts searched so far ...
        self._openers: set = set()  # ... and those that open a stored name

    def add(self, name: str, payload) -> None:
        """Store ``name`` with ``payload`` (several payloads per name make it ambiguous)."""
        toks = [m.group() for m in TOKEN.finditer(name)]
        if not toks:
            return
        node = self.root
        for t in toks:
            node = node.setdefault(key(t), {})
        node.setdefault(_END, []).append((toks, payload))
        self._seen, self._openers = set(), set()  # a new name may open with a word seen
        self.longest = max(self.longest, len(toks))
        self.capitalised = self.capitalised and toks[0][:1].isupper() and toks[0][:1].isalnum()

    def _names_at(self, tokens, keys: list[str] = ()) -> list:
        """Every name made of a prefix of ``tokens`` (token matches, read only as far as the
        trie leads: a name's first word is mostly followed by no name's second; ``keys``
        their trie keys, as far as known), as (last token, payloads), longest first."""
        node, toks, found_here = self.root, [], []
        for j, tok in enumerate(tokens):
            if j == self.longest:
                break
            self.steps += 1
            node = node.get(keys[j] if j < len(keys) else key(tok.group()))
            if node is None:
                break
            toks.append(tok)
            if _END in node:
                found = [t.group() for t in toks]
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
            # (_case_ok), so only those can start a name. The words of a block are read at
            # C speed; which of them open a name is decided once per distinct word for the
            # whole document (set operations), and only those are looked for and walked:
            # one step per capitalised word, one per token walked.
            probe = text.replace("ſ", "s")
            caps = _CAPITAL_RUN.findall(probe)
            self.steps += len(caps)
            words = set(caps)
            # (The gazetteer's matcher is shared by every conversion of a process, maybe in
            # threads: a word is published as seen only after its verdict, and read the
            # other way round, so a word seen is never taken for no opener.)
            new = words - self._seen
            found = words & self._openers
            if new:
                fresh = {w for w in new if w[0].isupper() and w.casefold() in root}
                found |= fresh
                if len(self._seen) < _SEEN_MAX:  # (bounded in a long-lived process)
                    self._openers |= fresh
                    self._seen |= new
            for at in _whole_runs(probe, found):
                first = TOKEN.match(probe, at)
                cands.extend((first, last, payloads)
                             for last, payloads in self._names_at(
                                 chain((first,), TOKEN.finditer(probe, first.end()))))
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
