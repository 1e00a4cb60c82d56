"""The command line through click's CliRunner: the four commands, exit codes, messages."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "mastering-bolshevism.txt"


@pytest.fixture
def runner():
    return CliRunner()


def test_convert_to_stdout_and_file(runner, tmp_path):
    res = runner.invoke(main, ["convert", str(SEED)])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("<?xml") and "<div" in res.output
    out = tmp_path / "x.xml"
    res = runner.invoke(main, ["convert", str(SEED), "-o", str(out)])
    assert res.exit_code == 0 and out.read_bytes().startswith(b"<?xml")


def test_convert_report_lists_inferences_with_lines(runner):
    res = runner.invoke(main, ["convert", str(SEED), "--report"])
    assert res.exit_code == 0
    assert f"{SEED}:19: [high] heading (numbered): 1: Political Carelessness" in res.stderr


def test_convert_refuses_to_overwrite_input(runner, tmp_path):
    seed = tmp_path / "s.txt"
    seed.write_text("Hello world.\n")
    res = runner.invoke(main, ["convert", str(seed), "-o", str(seed)])
    assert res.exit_code == 1
    assert "refusing to overwrite" in res.stderr
    assert seed.read_text() == "Hello world.\n"


def test_convert_bad_utf8_one_line_error(runner, tmp_path):
    seed = tmp_path / "b.txt"
    seed.write_bytes(b"line one\nbad \xe9 byte\n")
    res = runner.invoke(main, ["convert", str(seed)])
    assert res.exit_code == 1
    assert res.stderr.splitlines()[0].startswith(f"{seed}:2:5: not valid utf-8")
    assert "Traceback" not in res.output


def test_bad_sidecar_names_json_path(runner, tmp_path):
    seed = tmp_path / "s.txt"
    seed.write_text("Some text here.\n")
    (tmp_path / "s.json").write_text(json.dumps({"metadata": {"date": "March 1937"}}, indent=1))
    res = runner.invoke(main, ["convert", str(seed)])
    assert res.exit_code == 1
    assert "$.metadata.date" in res.stderr and f"{tmp_path / 's.json'}:3" in res.stderr


def test_malformed_sidecar_line_and_column(runner, tmp_path):
    seed = tmp_path / "s.txt"
    seed.write_text("Some text here.\n")
    (tmp_path / "s.json").write_text('{\n  "metadata": {,}\n}')
    res = runner.invoke(main, ["convert", str(seed)])
    assert res.exit_code == 1 and f"{tmp_path / 's.json'}:2:16: malformed JSON" in res.stderr


def test_validate_ok_and_invalid(runner, tmp_path):
    good = ROOT / "tei" / "mastering-bolshevism.xml"
    assert runner.invoke(main, ["validate", str(good)]).exit_code == 0
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><body><p>x</p></body></text></TEI>')
    res = runner.invoke(main, ["validate", str(bad)])
    assert res.exit_code == 1
    assert res.output.startswith(f"{bad}:2:") and "teiHeader" in res.output


def test_validate_not_well_formed_and_doctype(runner, tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI>\n<text>\n</TEI>")
    res = runner.invoke(main, ["validate", str(broken)])
    assert res.exit_code == 1 and f"{broken}:3:" in res.stderr
    dtd = tmp_path / "dtd.xml"
    dtd.write_text('<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI>&x;</TEI>')
    res = runner.invoke(main, ["validate", str(dtd)])
    assert res.exit_code == 1 and "DOCTYPE" in res.stderr and "root:" not in res.output


def test_validate_with_tei_lite_and_path(runner):
    good = str(ROOT / "tei" / "mastering-bolshevism.xml")
    assert runner.invoke(main, ["validate", "--schema", str(ROOT / "schemas" / "tei-edition.rng"), good]).exit_code == 0
    res = runner.invoke(main, ["validate", "--schema", "nope.rng", good])
    assert res.exit_code == 1 and "no such schema" in res.stderr


def test_usage_error_exit_2(runner):
    assert runner.invoke(main, ["export", "x.xml"]).exit_code == 2
    assert runner.invoke(main, ["frobnicate"]).exit_code == 2


def test_export_html_and_text(runner, tmp_path):
    tei = ROOT / "tei" / "mastering-bolshevism.xml"
    html = tmp_path / "e.html"
    assert runner.invoke(main, ["export", str(tei), "--to", "html", "-o", str(html)]).exit_code == 0
    assert html.read_text().startswith("<!DOCTYPE html>")
    res = runner.invoke(main, ["export", str(tei), "--to", "text"])
    assert res.exit_code == 0 and "Political Carelessness" in res.output


def test_build_writes_tei_and_editions(runner, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("A Title\n\nSome words in a paragraph.\n")
    (seeds / "b.txt").write_bytes(b"not utf-8 \xff\n")
    res = runner.invoke(main, ["build", str(seeds), "--out", str(tmp_path / "tei"),
                               "--editions", str(tmp_path / "ed")])
    assert res.exit_code == 1  # b.txt failed ...
    assert (tmp_path / "tei" / "a.xml").exists()  # ... but a.txt was still built
    assert (tmp_path / "ed" / "a.html").exists() and (tmp_path / "ed" / "a.txt").exists()


def test_validate_many_files_reports_each_and_goes_on(runner, tmp_path):
    good = ROOT / "tests" / "hostile" / "tei" / "valid.xml"
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI>")
    res = runner.invoke(main, ["validate", str(good), str(broken), str(bad)])
    assert res.exit_code == 1
    assert res.stdout == (f"{good}: valid (tei-edition RELAX NG + Schematron)\n"
                          f"{bad}:1:1: element <TEI> is incomplete; expected one of: teiHeader\n")
    assert res.stderr.startswith(f"{broken}:1:6: not well-formed XML: ")
    assert runner.invoke(main, ["validate", str(good), str(good)]).exit_code == 0
