"""The editor's workflow through the command line: the review report (JSON and lines),
validation that confirms success, names the element's id and is fast for tei_all by
pruning, and the usage checks of export and convert."""
import json
import re
from pathlib import Path

from lxml import etree

from converter.cli import main
from converter.prune import document_names, pruned_tree
from converter.validate import schema_path
from tests.test_cli import runner  # noqa: F401 - the CliRunner fixture

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "mastering-bolshevism.txt"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
RANK = {"low": 0, "medium": 1, "high": 2}


def _convert_with_report(runner, tmp_path, *extra):
    out, rep = tmp_path / "ed.xml", tmp_path / "review.json"
    res = runner.invoke(main, ["convert", str(SEED), "-o", str(out), "--report-json", str(rep),
                               *extra])
    assert res.exit_code == 0, res.output
    return etree.parse(str(out)), json.loads(rep.read_text(encoding="utf-8"))["entries"], res


def test_json_report_ties_every_certain_element_to_line_and_id(runner, tmp_path):
    tree, entries, _ = _convert_with_report(runner, tmp_path)
    assert entries and [RANK[e["cert"]] for e in entries] == sorted(RANK[e["cert"]] for e in entries)
    for e in entries:
        assert set(e) >= {"line", "column", "xml_id", "element", "cert", "reason", "excerpt"}
        assert isinstance(e["line"], int) and e["line"] >= 1 and "\n" not in e["excerpt"]
    ids = {el.get(XML_ID): el for el in tree.iter() if el.get(XML_ID)}
    reported = {e["xml_id"] for e in entries}
    certain = [el.get(XML_ID) for el in tree.iter() if el.get("cert") and el.get(XML_ID)]
    assert certain and set(certain) <= reported
    for e in entries:  # an id in the report is an element of the TEI written
        assert e["xml_id"] is None or e["xml_id"] in ids
    head = next(e for e in entries if e["reason"] == "heading (numbered)")
    assert head["line"] == 19 and head["xml_id"] == "s1" and head["element"] == "head"
    assert "Political Carelessness" in ids["s1"].findtext("{http://www.tei-c.org/ns/1.0}head")


def test_human_report_filters_one_line_each_and_counts(runner, tmp_path):
    _, entries, res = _convert_with_report(runner, tmp_path, "--report", "--max-cert", "medium")
    lines = res.stderr.splitlines()
    body = [ln for ln in lines if ln.startswith(f"{SEED}:") and ": [" in ln]
    assert body and not any("[high]" in ln for ln in body)
    assert len(body) == len(entries)  # the JSON is filtered the same way
    assert any(ln.startswith(f"{SEED}: {len(entries)} inferences") for ln in lines)
    counts = [ln for ln in lines if ln.startswith("  ")]
    assert sum(int(ln.split()[0]) for ln in counts) == len(entries)


def test_validate_confirms_success_and_quiet_prints_nothing(runner):
    good = str(ROOT / "tei" / "mastering-bolshevism.xml")
    res = runner.invoke(main, ["validate", good])
    assert res.exit_code == 0 and res.stdout == f"{good}: valid (tei-edition RELAX NG + Schematron)\n"
    res = runner.invoke(main, ["validate", "--quiet", good])
    assert res.exit_code == 0 and res.stdout == ""


def test_validate_names_the_xml_id(runner, tmp_path):
    good = (ROOT / "tei" / "mastering-bolshevism.xml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.xml"
    broken = re.sub(r'(<p xml:id="s3\.p8"[^>]*>)', r"\1<blink/>", good, count=1)
    assert broken != good
    bad.write_text(broken, encoding="utf-8")
    res = runner.invoke(main, ["validate", str(bad)])
    assert res.exit_code == 1
    assert "element <blink> not allowed in <p>" in res.stdout
    # The converter recorded where the paragraph begins in the text: that line is named.
    line = next(n for n, text in enumerate(SEED.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith(_first_words(good, "s3.p8")))
    assert f"(in s3.p8, from {SEED.name} line {line})" in res.stdout


def _first_words(tei: str, xml_id: str) -> str:
    el = etree.fromstring(tei.encode("utf-8")).xpath(f"//*[@xml:id='{xml_id}']")[0]
    return " ".join("".join(el.itertext()).split()[:4])


def test_converted_elements_record_their_source_line(runner, tmp_path):
    tree, entries, _ = _convert_with_report(runner, tmp_path)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    recorded = [el for el in tree.iter() if el.get("source")]
    assert recorded and all(el.get(XML_ID) for el in recorded)
    for el in recorded:
        name, _, pos = el.get("source").partition("#line=")
        assert name == SEED.name
        first = "".join(el.itertext()).split()[:1]
        if first:  # the element's first word stands on that line
            assert first[0] in lines[int(pos)], (el.get(XML_ID), lines[int(pos)])
    by_id = {el.get(XML_ID): int(el.get("source").split("=")[1]) + 1 for el in recorded}
    for e in entries:  # the report and the TEI agree on where an element begins
        if e["xml_id"] in by_id and e["element"] in ("list", "quote", "p"):
            assert by_id[e["xml_id"]] <= e["line"]


def test_tei_all_pruned_to_the_names_of_a_small_file(runner, tmp_path):
    small = tmp_path / "small.xml"
    (tmp_path / "small.txt").write_text("A Title\n\nSome words of the text.\n", encoding="utf-8")
    assert runner.invoke(main, ["convert", str(tmp_path / "small.txt"), "-o", str(small)]).exit_code == 0
    tree = etree.parse(str(small))
    names = document_names(tree)
    full = etree.parse(str(schema_path("tei_all"))).getroot()
    cut = pruned_tree(str(schema_path("tei_all")), names)
    rng = "{http://relaxng.org/ns/structure/1.0}"
    kept = {el.get("name") for el in cut.iter(rng + "element")}
    assert {local for _, local in names} <= kept | {None}
    assert len(list(cut.iter(rng + "element"))) < len(list(full.iter(rng + "element"))) / 5
    res = runner.invoke(main, ["validate", "--schema", "tei_all", str(small)])
    assert res.exit_code == 0 and res.stdout == f"{small}: valid (tei_all)\n"


def test_export_usage_errors(runner):
    good = str(ROOT / "tei" / "mastering-bolshevism.xml")
    res = runner.invoke(main, ["export", good, "--to", "text", "--width", "5"])
    assert res.exit_code == 2 and "--width" in res.stderr
    res = runner.invoke(main, ["export", good, "--to", "html", "--index"])
    assert res.exit_code == 2 and "--index" in res.stderr
    assert runner.invoke(main, ["export", good, "--to", "text", "--width", "20"]).exit_code == 0


def test_convert_warns_on_xml_input(runner, tmp_path):
    fake = tmp_path / "ed.txt"
    fake.write_text('<?xml version="1.0"?>\n<TEI>words here</TEI>\n', encoding="utf-8")
    res = runner.invoke(main, ["convert", str(fake)])
    warn = [ln for ln in res.stderr.splitlines() if "looks like XML or HTML" in ln]
    assert len(warn) == 1 and "validate" in warn[0] and "export" in warn[0]


def test_every_command_help_ends_with_examples_and_every_option_has_help(runner):
    for cmd in ["convert", "entities", "validate", "export", "build"]:
        res = runner.invoke(main, [cmd, "--help"])
        assert res.exit_code == 0
        tail = res.output.rstrip().splitlines()
        assert "Examples:" in "\n".join(tail[-4:]) and tail[-1].strip().startswith("tei-edition")
        for param in main.commands[cmd].params:
            if param.param_type_name == "option":
                assert param.help, f"{cmd} {param.opts} has no help"
