"""Idempotence: every structure pass, applied again to the document it produced, changes
nothing (a pass never fires on structure it or another pass already recovered). Checked on
the seeds, the corpus texts and generated text."""
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from converter.passes import PASSES, run_passes
from converter.reader import read
from tests.conftest import ROOT, params, shared_params
from tests.helpers import outline
from tests.test_properties import TEXTS, words

REAL = params(sorted((ROOT / "seeds").glob("*.txt"))) + shared_params("corpus/text", "*.txt")


def _shape(doc) -> list[str]:
    return ["# front"] + outline(doc.front) + ["# body"] + outline(doc.body)


def _check(data: bytes) -> None:
    doc = run_passes(read(data, "i.txt", "i"))
    once = _shape(doc)
    for p in PASSES:
        assert _shape(p(doc)) == once, f"{p.name} changed its own output"


@pytest.mark.parametrize("path", REAL)
def test_passes_are_idempotent_on_real_texts(path: Path):
    _check(path.read_bytes())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_passes_are_idempotent_on_any_text(text):
    if words(text):
        _check(text.encode("utf-8"))
