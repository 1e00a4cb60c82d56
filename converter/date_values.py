"""The date pattern and the values of its matches (see ``converter.dates`` for what is
found): one alternation of the forms a date takes, every branch naming its parts, and
``normalise``, which turns a match into ``when`` or ``notBefore``/``notAfter`` at the
stated precision."""
from __future__ import annotations

import calendar
import re

from converter.passes.cues.text import MONTH_ABBR as _ABBR, MONTHS, WEEKDAYS, alternation

_ORD_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
              "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
              "nineteenth twentieth").split()
_CARD_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen "
               "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()
_TENS = {"twenty": 20, "thirty": 30}
# Seasons as month ranges; winter runs into the next year (the winter of 1941 is 1941-42).
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
           "winter": (12, 2)}

# Speed, with the same matches: the pattern is case-blind, so the regex engine cannot skip
# ahead to a letter and tries it at every word start; there a lookahead on the first letter
# ("(?=[jfmasond])" before a month) ends a branch that cannot match at once, and a list of
# words is written as a tree of shared prefixes (``alternation``), so one branch per first
# letter is tried, not every word. Where the order of the words mattered for an
# alternation, it does not here: every word list is followed by a non-word character (\b,
# \s or a lookahead), so at most one of its words can match at a place.
# (tests/test_dates.py checks the lookahead classes and the pattern written plainly.)
_MONTH = (r"(?=[jfmasond])(?P<{n}>(?:" + alternation(MONTHS) + r")\b|(?:" + alternation(_ABBR)
          + r")\b\.?)")
_DAYWORD = (r"(?:(?:twenty|thirty)[- ]?)?(?:" + alternation(_ORD_WORDS) + ")|(?:twenty|thirty)"
            r"(?:[- ]?(?:" + alternation(_CARD_WORDS[:9]) + "))?|" + alternation(_CARD_WORDS))
_DAY = r"(?P<{n}>\d{{1,2}}(?:st|nd|rd|th|d)?\.?|" + _DAYWORD + r")"
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
          "nineteen").split()
_TENS_ALL = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
             "seventy": 70, "eighty": 80, "ninety": 90}
_SMALL = (r"(?:(?:" + "|".join(_TENS_ALL) + r")(?:[- ]?(?:" + "|".join(_UNITS) + r"))?|"
          + "|".join(_TEENS + _UNITS) + ")")
# A year in words: "eighteen hundred and forty one", "one thousand seven hundred and
# sixty-five" (never a bare "eighteen hundred", which is as often a sum).
_SPELLED = (r"(?:(?:sixteen|seventeen|eighteen|nineteen)\s+hundred|one\s+thousand,?\s+"
            r"(?:six|seven|eight|nine)\s+hundred),?\s+(?:and\s+)?" + _SMALL + r"\b")
_YEAR = r"(?P<{n}>1[0-9]{{3}}|20[0-9]{{2}}|" + _SPELLED + r")(?![\d,.]\d)"
# A weekday before the date ("Thursday, July 25, 1765", "Monday Morning, July 30") is
# part of it; one set in capitals ("WEDNESDAY, October 9") heads a journal's entry and
# stays outside, as editions mark it.
_WEEKDAY = (r"(?:(?=[mtwfs])(?P<wd>" + alternation(WEEKDAYS) + r")(?:\s+(?:morning"
            r"|evening|afternoon|night))?\s*,?\s+(?:the\s+)?(?P<wd_end>))?")
_ERA = (r"(?:(?:anno(?:que)?\s+domini|a\.\s?d\.|AD(?=\s)|in\s+the\s+year\s+of\s+our\s+lord"
        r"|in\s+the\s+year)\s*,?\s*)?")
# "the 3d instant", "the 10th ult.": a day of the document's month (or the one before/after).
_REL_MONTH = r"(?P<rel>inst(?:ant)?\b\.?|ult(?:imo)?\b\.?|prox(?:imo)?\b\.?)"
_AMPM = r"(?:[,.]?\s+[AP]\.\s?M\.(?!\w))?"


# Words that introduce a bare year ("in 1927", "since 1765").
_TIME_WORDS = "in of since until till by from during before after year early late mid".split()


def _m(n: str) -> str:
    return _MONTH.format(n=n)


def _d(n: str) -> str:
    return _DAY.format(n=n)


def _y(n: str) -> str:
    return _YEAR.format(n=n)


# One alternation, longest forms first; every branch names its parts.
PATTERN = re.compile(
    r"(?<![\w-])(?=[\dabdefijlmnostuwy])" + _WEEKDAY + r"(?:"
    # March 3, 1937 / October the 3d. 1765 / Sept. 17, 1787, A. M.
    + _m("m1") + r"\s+(?:the\s+)?" + _d("d1") + r"(?:\s*,)?\s+" + _ERA + _y("y1") + _AMPM
    # the 19th Day of September, Anno Domini 1765 / 3 March 1937 / fifth of November
    + r"|(?=[\dfsteno])" + _d("d2") + r"\s+(?:day\s+)?(?:of\s+)?" + _m("m2")
    + r"(?:(?:\s*,)?\s+" + _ERA + _y("y2") + r")?" + _AMPM
    # November 1923
    + r"|" + _m("m3") + r"\s*,?\s+(?:of\s+)?" + _y("y3")
    # October 28 (no year)
    + r"|" + _m("m4") + r"\s+(?:the\s+)?" + _d("d4") + r"(?![\w])"
    # the summer and autumn of 1923 / the spring of 1921
    + r"|(?=[safw])(?P<s1>" + alternation(SEASONS) + r")(?:\s+and\s+(?P<s2>spring|summer"
    r"|autumn|fall|winter))?\s+of\s+" + _y("y5")
    # the 3d instant / the 10th ult.
    + r"|(?<=the )" + _d("d6") + r"\s+(?:day\s+of\s+)?(?:the\s+)?" + _REL_MONTH
    # the 1920s
    + r"|(?P<dec>1[0-9]{2}0)'?s"
    # in the year of our Lord 1862 / A.D. eighteen hundred and sixty
    + r"|(?=[ya])(?:(?<=the )year\s+of\s+our\s+lord|anno\s+domini|a\.\s?d\.|AD(?=\s))\s*,?\s*"
    + _y("y8")
    # in 1927 (a bare year only after a word that introduces a time)
    + r"|(?=[iosutbfdayelm])(?<![\w-])(?:" + alternation(_TIME_WORDS) + r")"
      r"\s+(?P<y7>1[0-9]{3}|20[0-9]{2})(?![\d,.]\d)(?!\s+(?:miles|men|pounds|dollars|acres|tons|"
      r"feet|yards|souls|persons|people|troops|soldiers|l\.|£))"
    + r")(?![\w-])", re.IGNORECASE)


def _day_value(tok: str | None) -> int | None:
    if not tok:
        return None
    tok = tok.lower().rstrip(".")
    digits = re.match(r"\d+", tok)
    if digits:
        return int(digits.group())
    total = 0
    for part in re.split(r"[- ]+", tok):
        if part in _TENS:
            total += _TENS[part]
        elif part in _ORD_WORDS:
            total += _ORD_WORDS.index(part) + 1
        elif part in _CARD_WORDS:
            total += _CARD_WORDS.index(part) + 1
        else:
            return None
    return total or None


def _month_value(tok: str) -> int:
    # The pattern's IGNORECASE reads "ı" and "İ" as "i" ("Aprıl"): so does this.
    tok = tok.lower().rstrip(".").replace("i̇", "i").replace("ı", "i")
    return MONTHS.get(tok) or _ABBR[tok]


def _looks_like_month(tok: str) -> bool:
    # "may", "march" in lower case are verbs; a month is capitalised (or in capitals).
    return tok[:1].isupper()


def year_value(tok: str | None) -> int | None:
    """A year in digits or in words ("eighteen hundred and forty one" -> 1841)."""
    if not tok:
        return None
    if tok.isdigit():
        return int(tok)
    words = re.findall(r"[a-z]+", tok.lower().replace("-", " "))
    if "thousand" in words:  # one thousand eight hundred ...
        words = words[words.index("thousand") + 1:]
        century = (_UNITS.index(words[0]) + 1) * 100 + 1000
    else:
        century = (_TEENS.index(words[0]) + 10) * 100
    rest = 0
    for w in words[words.index("hundred") + 1:]:
        rest += _TENS_ALL.get(w) or (_UNITS.index(w) + 1 if w in _UNITS else 0) \
            or (_TEENS.index(w) + 10 if w in _TEENS else 0)
    return century + rest


def _relative_month(tok: str, context: str | None) -> tuple[int, int] | None:
    """(year, month) meant by "instant" / "ultimo" / "proximo" in a document of ``context``."""
    if not context or len(context) < 7 or not context[:4].isdigit():
        return None
    year, month = int(context[:4]), int(context[5:7])
    step = {"i": 0, "u": -1, "p": 1}[tok[0].lower()]
    month += step
    if month == 0:
        return year - 1, 12
    if month == 13:
        return year + 1, 1
    return year, month


def _day_date(year, month: int, day: int | None) -> dict | None:
    if day is None:
        return None
    limit = calendar.monthrange(int(year) if year else 2000, month)[1]
    if not 1 <= day <= limit:
        return {"cert": "low"}
    if year:
        return {"when": f"{int(year):04d}-{month:02d}-{day:02d}"}
    return {"when": f"--{month:02d}-{day:02d}"}


def normalise(match: re.Match, context: str | None = None) -> dict | None:
    """The TEI date attributes (``when`` or ``notBefore``/``notAfter``) for one match;
    ``{}`` when the expression is a date without a value we can state; None if no date.
    ``context`` is the document's own date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), when
    known: a day without a year takes its year."""
    g = match.groupdict()
    for key in ("m1", "m2", "m3", "m4"):
        if g.get(key) and not _looks_like_month(g[key]):
            return None
    doc_year = context[:4] if context and context[:4].isdigit() else None
    if g["m1"] or g["m2"] or g["m4"]:
        month = _month_value(g["m1"] or g["m2"] or g["m4"])
        day = _day_value(g["d1"] or g["d2"] or g["d4"])
        if g["m4"] and not g["d4"][0].isdigit():
            return None  # "March one": too likely to be prose
        return _day_date(year_value(g["y1"] or g["y2"]) or doc_year, month, day)
    if g["d6"]:
        ym = _relative_month(g["rel"], context)
        return _day_date(*ym, _day_value(g["d6"])) if ym else {}
    if g["m3"]:
        return {"when": f"{year_value(g['y3'])}-{_month_value(g['m3']):02d}"}
    if g["y8"]:
        return {"when": f"{year_value(g['y8']):04d}"}
    if g["s1"]:
        year = year_value(g["y5"])
        first = SEASONS[g["s1"].lower()]
        last = SEASONS[(g["s2"] or g["s1"]).lower()]
        end_year = year + 1 if last[1] < first[0] or first == SEASONS["winter"] else year
        return {"notBefore": f"{year}-{first[0]:02d}", "notAfter": f"{end_year}-{last[1]:02d}"}
    if g["dec"]:
        return {"notBefore": g["dec"], "notAfter": str(int(g["dec"]) + 9)}
    if g["y7"]:
        return {"when": g["y7"]}
    return None
