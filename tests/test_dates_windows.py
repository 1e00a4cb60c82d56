"""The date pattern runs only in windows around its cues (digits, months, "inst", a year
in words): the spans must be exactly those of a scan of the whole text, on the dev data
and on generated text made of date words, long chunks and white-space runs."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter import dates
from tests.conftest import shared_params


def _both(text: str, context: str | None = None):
    windowed = dates.find_dates(text, context)
    whole = dates._windows
    try:
        dates._windows = lambda probe: [(0, len(probe))]  # the scan of the whole text
        full = dates.find_dates(text, context)
    finally:
        dates._windows = whole
    return windowed, full


def test_windows_really_skip_text():
    """The test below can fail: a window is smaller than the text when cues are sparse."""
    text = ("word " * 500) + "on March 3, 1937 " + ("word " * 500)
    (start, end), = dates._windows(text)
    assert 0 < start < text.index("March") < end < len(text)
    assert dates._windows("no cue at all here") == []


WORDS = ["Monday", "Morning", "the", "of", "day", "Day", "March", "may", "May", "Sept.",
         "october", "3d.", "19th", "1765", "1920s", "1862,", "AD", "A.D.", "a. d.",
         "anno", "domini", "in", "year", "our", "Lord", "eighteen", "hundred", "and",
         "forty", "one", "thousand", "seven", "twenty-first", "fifth", "inst.", "ult.",
         "prox", "summer", "winter", "and", "autumn", ",", "A.", "M.", "miles", "men",
         "since", "until", "x" * 45, "1" * 50, "ab1cd", "Auguſt", "2,", "-", "(March",
         "Aprıl", "APRİL", "MAY", "Nov."]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(WORDS),
                          st.sampled_from([" ", "  ", "\n", ", ", " " * 60, "", "\n   "])),
                max_size=80),
       st.sampled_from([None, "1888-07", "1765-09-19"]))
def test_windowed_equals_whole_scan_generated(parts, context):
    text = "".join(w + sep for w, sep in parts)
    windowed, full = _both(text, context)
    assert windowed == full


@pytest.mark.parametrize("path", shared_params("realworld/text", "*.txt")
                         + shared_params("corpus/text", "*.txt"))
def test_windowed_equals_whole_scan_dev_data(path):
    text = path.read_text(encoding="utf-8")
    for para in text.split("\n\n"):
        windowed, full = _both(para, "1800-01-01")
        assert windowed == full, para[:200]
