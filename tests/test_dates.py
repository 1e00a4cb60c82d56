"""Dates: each expression found with exactly its stated precision, 18th-century forms too."""
from __future__ import annotations

import pytest

from converter.dates import find_dates

CASES = [
    # (text, the date's words as marked, its attributes)
    ("He spoke on March 3, 1937 to the plenum.", "March 3, 1937", {"when": "1937-03-03"}),
    ("It was written in November 1923 and printed.", "November 1923", {"when": "1923-11"}),
    ("They met in 1927 again.", "1927", {"when": "1927"}),
    ("In the summer and autumn of 1923, the Party", "summer and autumn of 1923",
     {"notBefore": "1923-06", "notAfter": "1923-11"}),
    ("in the winter of 1941", "winter of 1941", {"notBefore": "1941-12", "notAfter": "1942-02"}),
    ("the debates of the 1920s", "1920s", {"notBefore": "1920", "notAfter": "1929"}),
    ("on the 19th Day of September, Anno Domini 1765.", "19th Day of September, Anno Domini 1765",
     {"when": "1765-09-19"}),
    ("Robert Sprowl, October the 3d. 1765, the", "October the 3d. 1765", {"when": "1765-10-03"}),
    ("the Twenty-firſt Day of September, Annoque Domini 1765.",
     "Twenty-firſt Day of September, Annoque Domini 1765", {"when": "1765-09-21"}),
    ("Auguſt 2, 1765.", "Auguſt 2, 1765", {"when": "1765-08-02"}),
    ("September 11ſt. 1765. A. M. The", "September 11ſt. 1765. A. M.", {"when": "1765-09-11"}),
    # A weekday (and the time of day after it) is part of the date; in capitals it heads
    # an entry and stays outside.
    ("FRIDAY, the 15th of January, 1790.", "15th of January, 1790", {"when": "1790-01-15"}),
    ("Friday, the 15th of January, 1790.", "Friday, the 15th of January, 1790",
     {"when": "1790-01-15"}),
    ("Monday Morning, July 30, 1888", "Monday Morning, July 30, 1888", {"when": "1888-07-30"}),
    # An era before the year, without dots; a year in words.
    ("on the 14th day of July AD 1862, at", "14th day of July AD 1862", {"when": "1862-07-14"}),
    ("the first of May, eighteen hundred and forty one, at",
     "first of May, eighteen hundred and forty one", {"when": "1841-05-01"}),
    ("In the year of our Lord one thousand eight hundred and sixty-two.",
     "year of our Lord one thousand eight hundred and sixty-two", {"when": "1862"}),
    ("in the year 1862 A.D.", "1862", {"when": "1862"}),
    ("dated 24th Sept. 1786. and", "24th Sept. 1786", {"when": "1786-09-24"}),
    ("on December 2, 1923. It", "December 2, 1923", {"when": "1923-12-02"}),
    ("on 2 December 1923 at", "2 December 1923", {"when": "1923-12-02"}),
    ("the fifth of November", "fifth of November", {"when": "--11-05"}),
    ("until October 28 next", "October 28", {"when": "--10-28"}),
    # A day that does not exist is marked but gets no value.
    ("on February 30, 1900 we", "February 30, 1900", {"cert": "low"}),
]


@pytest.mark.parametrize("text,marked,attrs", CASES, ids=[c[1] for c in CASES])
def test_date_found_with_its_precision(text, marked, attrs):
    spans = find_dates(text)
    assert [text[s.start:s.end] for s in spans] == [marked]
    assert dict(spans[0].attrs) == attrs


@pytest.mark.parametrize("text", [
    "ten years ago we said so",            # relative: not normalised
    "it may 5 times be so",                # "may" the verb
    "a march of 1800 miles",               # a number, not a year
    "he had 1765 men",                     # a bare number without a time word
    "the Fifth Article",                   # an ordinal without a month
    "a sum of eighteen hundred dollars",   # a sum in words, not a year
])
def test_not_a_date(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("text,context,marked,when", [
    # A day without a year takes the document's year ...
    ("Tuesday, July 10, according to", "1888-07-30", "Tuesday, July 10", "1888-07-10"),
    ("since Aug. 2 the", "1888-08-12", "Aug. 2", "1888-08-02"),
    # ... and "instant" / "ultimo" / "proximo" its month, the one before or after.
    ("your letter of the 3d instant came", "1862-07-20", "3d instant", "1862-07-03"),
    ("of the 10th ult. and", "1862-01-20", "10th ult.", "1861-12-10"),
    ("by the 2d prox. at", "1862-12-20", "2d prox.", "1863-01-02"),
    # A full date keeps its own year.
    ("on March 3, 1937 we", "1888-07-30", "March 3, 1937", "1937-03-03"),
])
def test_document_date_as_context(text, context, marked, when):
    spans = find_dates(text, context)
    assert [(text[s.start:s.end], s.attr("when")) for s in spans] == [(marked, when)]


def test_relative_day_without_document_date_has_no_value():
    spans = find_dates("your letter of the 3d instant came")
    assert [dict(s.attrs) for s in spans] == [{}]


@pytest.mark.parametrize("text,marked", [("signed Aprıl 3, 1765 at", "Aprıl 3, 1765"),
                                         ("signed APRİL 3, 1765 at", "APRİL 3, 1765")])
def test_dotless_and_dotted_i_in_a_month(text, marked):
    """The pattern's IGNORECASE reads "ı" and "İ" as "i"; reading the month's value did
    not (convert stopped with an internal error, KeyError 'aprıl')."""
    spans = find_dates(text)
    assert [(text[s.start:s.end], s.attr("when")) for s in spans] == [(marked, "1765-04-03")]
