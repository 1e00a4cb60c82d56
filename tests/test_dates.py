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
    # A weekday stays outside the date.
    ("FRIDAY, the 15th of January, 1790.", "15th of January, 1790", {"when": "1790-01-15"}),
    ("Monday Morning, July 30, 1888", "July 30, 1888", {"when": "1888-07-30"}),
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
])
def test_not_a_date(text):
    assert find_dates(text) == []
