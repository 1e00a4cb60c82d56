"""No quadratic corners: adversarial lines of 50 kB, long lists, many multi-target
references and many non-ASCII ids go through the whole command in bounded time.

These run the installed command in a subprocess with a generous deadline: not a timing
assertion (the work takes seconds) but a guard against a hang, since each of these inputs
took many minutes, or did not finish, before its fix.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
# Far above what the work needs (seconds), far below what the quadratic corners took.
_DEADLINE = 240


def _run(*args, cwd=None):
    """The command line in a subprocess; a hang is a failure, not a stuck test run."""
    try:
        return subprocess.run([sys.executable, "-m", "converter", *map(str, args)], cwd=cwd,
                              capture_output=True, text=True, timeout=_DEADLINE)
    except subprocess.TimeoutExpired:
        pytest.fail(f"tei-edition {' '.join(map(str, args))} did not finish in {_DEADLINE} s")


# Runs of characters that overlapping quantifiers used to rescan from every position: figures
# (the amounts of a list of accounts), figures and points ("1.1.1."), initials ("I.I.I."),
# and other classes the patterns of passes/, dates.py and entity_rules.py share.
ADVERSARIAL = ["1", "1.", "1,", "1 ", "A", "I.", "I. ", "A. ", "Aa ", "AA ", "a.", ". ", "- ", "(1) ",
               "Mr. ", "Co. ", "Aa & ", "Aa, ", "March 3, ", "in 1927 ", "£1 ", "“a ", "'"]


@pytest.mark.slow
@pytest.mark.parametrize("unit", ADVERSARIAL)
@pytest.mark.parametrize("before", ["", "Accounts\n"])
def test_fifty_kilobyte_adversarial_line(tmp_path, unit, before):
    seed = tmp_path / "line.txt"
    seed.write_text(before + unit * (50_000 // len(unit)) + "x\n", encoding="utf-8")
    res = _run("convert", seed, "-o", tmp_path / "line.xml")
    assert res.returncode == 0, res.stderr[-2000:]
    res = _run("validate", tmp_path / "line.xml")
    assert res.returncode == 0, res.stdout[-2000:]


@pytest.mark.slow
def test_long_list_of_numbered_lines(tmp_path):
    """300,000 lines "1.": building the TEI moved subtrees full of xml:ids between lxml
    documents, quadratic in the number of items (a million lines never finished)."""
    seed = tmp_path / "list.txt"
    seed.write_text("1.\n" * 300_000, encoding="utf-8")
    res = _run("convert", seed, "-o", tmp_path / "list.xml")
    assert res.returncode == 0, res.stderr[-2000:]
    assert (tmp_path / "list.xml").read_bytes().count(b"<item") == 300_000


def _ivanov_seed(folder: Path, mentions: int) -> Path:
    seed = folder / "ivanov.txt"
    seed.write_text("\n\n".join("Then Ivanov spoke again." for _ in range(mentions)) + "\n",
                    encoding="utf-8")
    seed.with_suffix(".json").write_text(json.dumps({"entities": [
        {"id": "ivanov1", "type": "person", "label": "Pyotr Ivanov"},
        {"id": "ivanov2", "type": "person", "label": "Sergei Ivanov"}]}), encoding="utf-8")
    return seed


@pytest.mark.slow
def test_many_multi_target_references_validate(tmp_path):
    """8,000 mentions with ref="#ivanov1 #ivanov2" (169 s before the fix)."""
    seed = _ivanov_seed(tmp_path, 8000)
    res = _run("convert", seed, "-o", tmp_path / "ivanov.xml")
    assert res.returncode == 0, res.stderr
    data = (tmp_path / "ivanov.xml").read_text(encoding="utf-8")
    assert data.count('ref="#ivanov1 #ivanov2"') == 8000
    res = _run("validate", tmp_path / "ivanov.xml")
    assert res.returncode == 0, res.stdout[-2000:]
    # A list with one pointer that resolves nowhere is still found.
    bad = tmp_path / "bad.xml"
    bad.write_text(data.replace('ref="#ivanov1 #ivanov2"', 'ref="#ivanov1 #nobody"', 1),
                   encoding="utf-8")
    res = _run("validate", bad)
    assert res.returncode == 1 and '"#ivanov1 #nobody"' in res.stdout


def test_schematron_never_scans_every_id_per_element():
    """Each pointer check looks ids up by key: an assertion that walks the whole document
    (``//``) runs once per element, quadratic in the size of the file."""
    sch = (SCHEMAS / "tei-edition.sch").read_text(encoding="utf-8")
    tests = re.findall(r'<assert test="([^"]*)"', sch) + re.findall(r'<let [^>]*value="([^"]*)"',
                                                                      sch)
    assert tests and not [t for t in tests if "//" in t]


@pytest.mark.slow
def test_export_of_many_non_ascii_ids(tmp_path):
    """8,000 persons with Cyrillic xml:ids: every index id used to sanitise to ``_x-----``
    and each new one searched the numbers taken before it."""
    digits = "абвгдежзий"
    people = "".join(f'<person xml:id="лицо{"".join(digits[int(c)] for c in str(i))}">'
                     f'<persName>P{i}</persName></person>' for i in range(8000))
    text = "".join(f'<p><persName ref="#лицо{"".join(digits[int(c)] for c in str(i))}">P{i}'
                   f'</persName> spoke.</p>' for i in range(8000))
    tei = tmp_path / "cyr.xml"
    tei.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
                   '<title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>'
                   '<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><standOff>'
                   f'<listPerson>{people}</listPerson></standOff><text><body>{text}</body>'
                   '</text></TEI>', encoding="utf-8")
    res = _run("export", tei, "--to", "html", "-o", tmp_path / "cyr.html")
    assert res.returncode == 0, res.stderr
    html = (tmp_path / "cyr.html").read_text(encoding="utf-8")
    index_ids = set(re.findall(r'id="(_x-[^"]*)"', html))
    assert len(index_ids) == 8000
    # Injective: no id needed a number to tell it from another.
    assert not [i for i in index_ids if re.search(r"-\d{1,4}$", i)]


# Every module-level pattern of the converter, run over one long adversarial run: a pattern
# that restarts a scan from each position shows as minutes here (milliseconds otherwise).
_SCAN = r"""
import importlib, pkgutil, re, sys
import converter
unit, size = sys.argv[1], int(sys.argv[2])
text = unit * (size // len(unit)) + sys.argv[3]
for mod in pkgutil.walk_packages(converter.__path__, "converter."):
    try:
        module = importlib.import_module(mod.name)
    except ImportError:  # an optional extra (spaCy, Dask)
        continue
    for name, value in sorted(vars(module).items()):
        if isinstance(value, re.Pattern):
            print(mod.name, name, flush=True)
            subject = text.encode() if isinstance(value.pattern, bytes) else text
            for _ in value.finditer(subject):
                pass
"""


@pytest.mark.slow
@pytest.mark.parametrize("unit", ADVERSARIAL + ["a", "I", "1\n", "A\n"])
@pytest.mark.parametrize("tail", ["x", "1"])
def test_every_pattern_is_linear_on_a_long_run(unit, tail):
    try:
        res = subprocess.run([sys.executable, "-c", _SCAN, unit, "200000", tail],
                             capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired as err:
        last = (err.stdout or b"").decode().strip().splitlines()[-1:]
        pytest.fail(f"a pattern did not finish on {unit!r} * n + {tail!r}: {last}")
    assert res.returncode == 0, res.stderr[-2000:]
