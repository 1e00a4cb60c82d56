"""Organisations found by rules: a capitalised sequence that ends with an organisation
word ("Western Lace Manufacturing Co.", "Bank of England", "Woman's Protective agency"),
a firm of partners ("Messrs. Hart, Abt & Marx"), a shop or factory called after its owner
("at Stein's", "Brougham's packing house"). Precision first: no organisation flood in
novels or speeches, so a lone organisation word or a common noun before "of" is none."""
from __future__ import annotations

import re

from converter import lexicon
from converter.name_cues import (INIT, NW, Candidate, alternation, bad_word, scan,
                                 sentence_initial)

# Organisation words written in lower case after a capitalised name ("Pullman company").
_LOWER_ORG_WORDS = ("company", "union", "league", "society", "agency", "council", "exchange",
                    "bank", "party", "association", "laundry", "factory", "manufactory")
_LOWER_ORG = "(?:" + "|".join(_LOWER_ORG_WORDS) + ")"
# Neither initials nor capitals may start inside a run of them ("I.I.I.…", "AAAA…1"): every
# later start would rescan the run, quadratic in its length, and a match from there is
# found from the first.
_ORG_SEQ = re.compile(r"(?:(?<!\b[A-Z]\.)(?<!\b[A-Z]\.\s)(?:" + INIT + r")+)?"
                      r"(?:" + NW + r"|(?<![A-Z])[A-Z]{2,}\b)(?:(?:\s+(?:of|of\s+the|for|&"
                      r"|de)\s+|\s+|[’']s\s+|,\s+(?=[A-Z]\w+(?:,\s+[A-Z]\w+){0,4}\s+&))(?:Co\.|Bros\.|"
                      + NW + r"|[A-Z]{2,}\b|&))*(?:\s+" + _LOWER_ORG + r"(?![\w-]))?")
# "Messrs. Hart, Abt & Marx": a firm named after its partners.
_MESSRS = re.compile(r"(?<![\w.])Messrs\.?\s+" + NW + r"(?:,\s+" + NW + r")*(?:\s+(?:&|and)\s+(?:Co\."
                     r"|" + NW + r"))?")
# (at most three initials: an unbounded run would be rescanned from every start in it)
_OWNER = (r"(?:(?:Mr\.|Mrs\.)\s+)?(?:" + INIT + r"){0,3}" + NW + r"(?:\s+(?:" + INIT + r"){0,3}"
          + NW + r")?")
# A shop or works called after its owner: "Brougham's packing house", "Zimmerman's factory".
_SHOP_WORD = (r"[’']s\s+(?:(?:packing|tailor|coat|cloak|dry\s+goods|paper\s+box)\s+)?(?:factory"
              r"|manufactory|shop|store|laundry|mills?|works|packing\s+house|establishment)")
_SHOP = re.compile(r"(?<![\w.])(?P<firm>" + _OWNER + _SHOP_WORD + r")(?![\w-])")
# A business named by its owner's possessive alone, after a word of going or working
# there: "at Stein's, on Market street", "worked for Ellinger's and".
_AT_OWNER = re.compile(r"\b(?:at|for|from|in|into|to|left|quit)\s+(?P<firm>(?:" + INIT + r"){0,3}" + NW
                       + r"(?:\s+" + NW + r")?[’']s)(?=\s*[,.;:)]|\s+(?:and|or|on|in|at|where"
                       r"|when|but)\b)")
# A firm's possessive used alone ("Rosenthal & Co.'s and Rosenberg Bros.") is the firm.
_FIRM_POSS = re.compile(r"[’']s(?=\s*[,.;:)]|\s+(?:and|or|on|in|at|where|when|but)\b)")


# What every match of a pattern holds (see name_cues.scan): a text without it is not
# scanned ("Messrs"; a possessive before a shop word; a possessive that ends a firm's name,
# as _FIRM_POSS finds it, for _AT_OWNER). They open with a literal: the engine skips to it.
_MESSRS_NEEDS = re.compile(r"Messrs")
_SHOP_NEEDS = re.compile(_SHOP_WORD)
_WORD = re.compile(r"[\w.&’'-]+")


def _is_org_word(w: str) -> bool:
    return w in lexicon.ORG_WORDS or w.rstrip(".") in lexicon.ORG_WORDS


def _org_words(words) -> tuple[list, list]:
    names = [w for _, _, w in words]
    orgw = [w for w in names if _is_org_word(w) or w in _LOWER_ORG_WORDS]
    others = [w for w in names if w not in orgw and w[:1].isupper() and not bad_word(w)]
    return orgw, others


# Where the organisation rule need not look. A name is kept only if it holds an
# organisation word (see _org), so only the stretch of text around one is scanned: a
# word after white space that opens with a small letter and is none of the words a
# capitalised sequence may hold ("of", "the", "for", "de", an organisation word in lower
# case; any word opening with one counts as one of them) is inside no _ORG_SEQ match, so
# no match crosses it and a scan may start or stop there with the matches of a scan of
# the whole text (tests/test_name_rules.py compares both).
# (the organisation words all open with a capital: the engine skips to the capitals)
_ORG_WORD_IN = re.compile(alternation({w.rstrip(".") for w in lexicon.ORG_WORDS}))
_ALLOWED = ("of", "the", "for", "de") + _LOWER_ORG_WORDS
_STOP = re.compile(r"\s(?!" + alternation(_ALLOWED) + r")[a-z]")
# The same stops found from the end, on the reversed text: the space, and before it the
# small letter with none of the allowed words read backwards ending there (the pattern
# opens with the space, so the regex engine skips to the spaces).
_STOP_BACK = re.compile(r"\s(?<=[a-z]\s)" + "".join(sorted(f"(?<!{re.escape(w[::-1])}\\s)"
                                                          for w in _ALLOWED)))


def _org_words_at(text: str) -> list[int]:
    """Where an organisation word stands in ``text`` (also inside a longer word)."""
    out = [m.start() for m in _ORG_WORD_IN.finditer(text)]
    for w in _LOWER_ORG_WORDS:  # a plain search each: a small letter opens most words
        at = text.find(w)
        while at >= 0:
            out.append(at)
            at = text.find(w, at + 1)
    return sorted(out)


def _stretches(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches between stops that hold an organisation word."""
    out: list[tuple[int, int]] = []
    rev = None
    for at in _org_words_at(text):
        if out and at < out[-1][1]:
            continue  # in the last stretch
        # the last stop before the word (the first found reading backwards from it; no
        # stop stands at the word itself) and the first after it
        if rev is None:
            rev = text[::-1]
        back = _STOP_BACK.search(rev, len(text) - at + 1)
        start = len(text) - back.start() if back else 0
        stop = _STOP.search(text, at)
        end = stop.start() + 1 if stop else len(text)
        if out and start <= out[-1][1]:
            start = out.pop()[0]
        out.append((start, end))
    return out


def _orgs(text: str, common: frozenset, every: bool = False):
    # (``every``: scan the whole text, for the tests that compare both)
    matches = (m for lo, hi in ([(0, len(text))] if every else _stretches(text))
               for m in scan(_ORG_SEQ, text, None, lo, hi))
    for m in matches:
        words = [(w.start() + m.start(), w.end() + m.start(), w.group())
                 for w in _WORD.finditer(m.group())]
        if len(words) < 2:
            continue  # a name needs an organisation word and another word (see _org)
        # A weekday, a month or a preposition inside ends the name: keep the part with the
        # organisation word ("Chicago Times" in "Chicago Times Sunday Morning").
        parts, cur = [], []
        for w in words:
            if w[2] in lexicon.NOT_NAMES and not _is_org_word(w[2]):
                parts.append(cur)
                cur = []
            else:
                cur.append(w)
        parts.append(cur)
        for words in parts:
            yield from _org(text, words, common)


def _org(text: str, words, common: frozenset):
    # Leading articles and titles are not part of it, nor is a sentence-initial word that
    # the text also uses in lower case ("Several Red Army corps"), nor one before a lone
    # organisation word ("Yesterday Congress").
    while words and (words[0][2] in ("&", "of", "the", "for", "de")
                     or words[0][2] in lexicon.HONORIFICS
                     or sentence_initial(text, words[0][0]) and not _is_org_word(words[0][2])
                     and (len(words) <= 2 or words[0][2].lower() in common)):
        words = words[1:]
    # It ends with its organisation word, unless "of ..." names whose it is ("Bank of
    # England"): "Party Bolsheviks" is no organisation.
    last_org = max((i for i, w in enumerate(words)
                    if _is_org_word(w[2]) or w[2] in _LOWER_ORG_WORDS), default=-1)
    if last_org >= 0 and not any(w[2] == "of" for w in words[last_org + 1:]):
        words = words[:last_org + 1]
    while words and words[-1][2] in ("of", "the", "for", "&", "de"):
        words = words[:-1]
    # "Acts of Parliament", "Liberty of the Press": a common noun (the text also writes it
    # in lower case) before "of" is not part of a name.
    while len(words) > 2 and words[1][2] == "of" and words[0][2].lower() in common:
        words = words[3:] if words[2][2] == "the" else words[2:]
    orgw, others = _org_words(words)
    if not (orgw and others):
        return
    # "Office of the Western Lace Co.": the head noun before "of" is not part of the name
    # when what follows is an organisation name by itself.
    if len(words) > 3 and words[1][2] == "of":
        rest = words[3:] if words[2][2] == "the" else words[2:]
        r_org, r_others = _org_words(rest)
        if r_org and r_others:
            words = rest
    yield Candidate(words[0][0], words[-1][1], "org", "medium")


def find(text: str, common: frozenset = frozenset()) -> list[Candidate]:
    """Organisation candidates in one block (``common``: the words the document writes in
    lower case), firms of partners and named shops first."""
    out = [Candidate(m.start(), m.end(), "org", "medium") for m in scan(_MESSRS, text, _MESSRS_NEEDS)]
    for m in scan(_SHOP, text, _SHOP_NEEDS):
        out.append(Candidate(m.start("firm"), m.end("firm"), "org", "medium"))
    for c in _orgs(text, common):
        poss = _FIRM_POSS.match(text, c.end)
        firm = text[c.start:c.end].endswith(("Co.", "Bros.", "Bros", "Company", "company"))
        out.append(Candidate(c.start, poss.end() if poss and firm else c.end, "org", c.cert))
    for m in (_AT_OWNER.finditer(text) if _FIRM_POSS.search(text) else ()):
        words = re.findall(r"[\w]+", m.group("firm"))[:-1]  # without the "s"
        if not any(bad_word(w) or w in lexicon.GIVEN_NAMES or w.lower() in common for w in words):
            out.append(Candidate(m.start("firm"), m.end("firm"), "org", "low"))
    return out
