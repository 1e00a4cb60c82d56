"""Per-pass fixtures: tests/fixtures/passes/<pass>/<case>.txt with an expected outline
(<case>.outline) of the document after the passes up to and including <pass>
(layout, then ``run_passes(doc, until=<pass>)``, as the pipeline runs them), so it shows what that pass made. Cases named ``not-*`` are look-alikes
that must NOT fire. A mismatch prints a unified diff and the command that accepts it;
a new case's outline is written by ``--update-golden`` (review it)."""
from pathlib import Path

import pytest

from converter.layout import unwrap
from converter.passes import NAMES, run_passes
from converter.reader import read
from tests.helpers import outline

FIXTURES = Path(__file__).parent / "fixtures" / "passes"
CASES = sorted(FIXTURES.glob("*/*.txt"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_pass_fixture(case, golden):
    doc = run_passes(unwrap(read(case.read_bytes(), str(case), case.stem)), until=case.parent.name)
    got = "\n".join(["# front"] + outline(doc.front) + ["# body"] + outline(doc.body)) + "\n"
    golden(got, case.with_suffix(".outline"))


def test_every_fixture_folder_names_a_pass():
    assert {c.parent.name for c in CASES} <= set(NAMES)
