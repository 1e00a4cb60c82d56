"""Corpus builds: parallel, incremental (manifest of content hashes), robust to bad files
and to two builds of one folder at once, with a progress bar only on a terminal."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import manifest as manifest_mod
from converter.build import build_all, run_job, Job
from converter.cli import main
from converter.manifest import MANIFEST_NAME
from converter.progress import Progress, summary
from converter.xmlio import parse_file

N_FILES = 200
N_SMALL = 24


def _seed_text(i: int) -> str:
    return (f"Pamphlet Number {i}\n\nSome words in the opening paragraph of pamphlet {i}.\n\n"
            f"I. THE FIRST PART\n\nMore words here, on the {i}th page, about the matter.\n")


def _make(tmp_path, n: int):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(n):
        (seeds / f"p{i:04d}.txt").write_text(_seed_text(i), encoding="utf-8")
    return seeds, tmp_path / "tei", tmp_path / "ed"


@pytest.fixture
def corpus(tmp_path):
    """N_FILES tiny seeds: the scale tests."""
    return _make(tmp_path, N_FILES)


@pytest.fixture
def small(tmp_path):
    """A few seeds, for tests of one behaviour that build several times."""
    return _make(tmp_path, N_SMALL)


def _statuses(results) -> dict:
    out: dict = {}
    for r in results:
        out[r.status] = out.get(r.status, 0) + 1
    return out


@pytest.mark.slow  # 200 files, twice
def test_parallel_build_then_incremental_skip(corpus):
    seeds, tei, ed = corpus
    first = build_all(seeds, tei, ed, jobs=2)
    assert _statuses(first) == {"built": N_FILES}
    assert [r.seed for r in first] == sorted(str(p) for p in seeds.glob("*.txt"))
    assert len(list(tei.glob("*.xml"))) == N_FILES
    assert len(list(ed.glob("*.html"))) == N_FILES and len(list(ed.glob("*.txt"))) == N_FILES
    assert all(r.words > 0 for r in first)
    entries = json.loads((tei / MANIFEST_NAME).read_text())["entries"]
    assert len(entries) == N_FILES

    second = build_all(seeds, tei, ed, jobs=2)
    assert _statuses(second) == {"skipped": N_FILES}
    # Skipped files still report the words recorded when they were built.
    assert [r.words for r in second] == [r.words for r in first]


def test_changes_rebuild_only_what_changed(small):
    seeds, tei, ed = small
    build_all(seeds, tei, ed, jobs=2)
    (seeds / "p0003.txt").write_text(_seed_text(3) + "\nAn added paragraph.\n")
    (seeds / "p0005.json").write_text(json.dumps({"metadata": {"title": "Five"}}))
    (ed / "p0007.html").unlink()  # a lost output
    (tei / "p0009.xml").write_text("tampered")  # an output edited by hand
    res = {Path(r.seed).stem: r.status for r in build_all(seeds, tei, ed, jobs=2)}
    assert sorted(k for k, v in res.items() if v == "built") == ["p0003", "p0005", "p0007",
                                                                  "p0009"]
    assert b"An added paragraph" in (tei / "p0003.xml").read_bytes()
    assert b"<title>Five</title>" in (tei / "p0005.xml").read_bytes()
    assert (ed / "p0007.html").exists()
    assert parse_file(tei / "p0009.xml").getroot() is not None


def test_force_and_tool_change_rebuild_everything(small, monkeypatch):
    seeds, tei, ed = small
    build_all(seeds, tei, ed, jobs=2)
    before = (tei / "p0000.xml").stat()
    assert _statuses(build_all(seeds, tei, ed, jobs=2, force=True)) == {"built": N_SMALL}
    after = (tei / "p0000.xml").stat()  # same bytes: the file was left alone, not rewritten
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    monkeypatch.setattr(manifest_mod, "code_version", lambda: "another-code-version")
    assert _statuses(build_all(seeds, tei, ed, jobs=2)) == {"built": N_SMALL}


def test_authority_file_is_part_of_the_key(small, monkeypatch):
    seeds, tei, ed = small
    for p in list(seeds.glob("*.txt"))[3:]:
        p.unlink()
    # The pipeline's authority support belongs to the entities stage: stub the conversion
    # call so this test checks only that the build hashes and passes the file.
    import converter.job as job_mod

    seen = []
    real = job_mod._convert

    def fake(seed, authority, encoding=None):
        seen.append(authority)
        return real(seed, None)

    monkeypatch.setattr(job_mod, "_convert", fake)
    auth = seeds.parent / "authority.json"
    auth.write_text('{"entities": []}')
    assert _statuses(build_all(seeds, tei, ed, jobs=1, authority=auth)) == {"built": 3}
    assert seen == [str(auth)] * 3
    assert _statuses(build_all(seeds, tei, ed, jobs=1, authority=auth)) == {"skipped": 3}
    auth.write_text('{"entities": [{"id": "x", "type": "person", "label": "X"}]}')
    assert _statuses(build_all(seeds, tei, ed, jobs=1, authority=auth)) == {"built": 3}


def test_bad_files_fail_alone_and_are_retried(small):
    seeds, tei, ed = small
    (seeds / "p0001.txt").write_bytes(b"not utf-8 \xff\n")
    (seeds / "p0002.txt").write_text("  \n\n \n")
    results = build_all(seeds, tei, ed, jobs=2)
    failed = {Path(r.seed).stem: r for r in results if r.status == "failed"}
    assert sorted(failed) == ["p0001", "p0002"]
    assert failed["p0001"].error.startswith(f"{seeds / 'p0001.txt'}:1:11: not valid utf-8")
    assert _statuses(results)["built"] == N_SMALL - 2
    # Failed files are not recorded, so the next build tries them again (and only them).
    again = build_all(seeds, tei, ed, jobs=2)
    assert _statuses(again) == {"skipped": N_SMALL - 2, "failed": 2}
    (seeds / "p0001.txt").write_text("Fixed now.\n")
    assert {Path(r.seed).stem: r.status for r in build_all(seeds, tei, ed, jobs=2)}[
        "p0001"] == "built"


def test_run_job_never_raises(tmp_path):
    res = run_job(Job(str(tmp_path / "missing.txt"), str(tmp_path), str(tmp_path)))
    assert res.status == "failed" and "cannot read file" in res.error


def _table(output: str) -> dict:
    """The summary table's rows: status -> [files, words, entities, problems]."""
    lines = output.splitlines()
    head = next(i for i, ln in enumerate(lines) if ln.split() == ["files", "words", "entities",
                                                                   "problems"])
    return {ln.split()[0]: ln.split()[1:] for ln in lines[head + 1:head + 5]}


def test_cli_summary_exit_code_and_no_bar_when_piped(small):
    seeds, tei, ed = small
    (seeds / "p0001.txt").write_bytes(b"bad \xff\xfd")
    args = ["build", str(seeds), "--out", str(tei), "--editions", str(ed), "-j", "2"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 1
    assert "\r" not in res.output  # not a terminal: no progress bar
    rows = _table(res.output)
    assert rows["built"][0] == str(N_SMALL - 1) and rows["failed"][0] == "1"
    assert rows["total"][0] == str(N_SMALL) and int(rows["total"][1]) > 0
    assert any(ln.startswith("time ") for ln in res.output.splitlines())
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 1 and _table(res.output)["skipped"][0] == str(N_SMALL - 1)
    res = CliRunner().invoke(main, args + ["--force", "--progress"])
    assert "\r[" in res.output and f"{N_SMALL}/{N_SMALL} files" in res.output


def test_progress_bar_line_and_summary():
    class R:
        def __init__(self, status, words=0):
            self.status, self.words, self.entities, self.problems = status, words, 0, 0

    class Tty:
        def __init__(self):
            self.out = []

        def isatty(self):
            return True

        def write(self, s):
            self.out.append(s)

        def flush(self):
            pass

    stream = Tty()
    bar = Progress(4, stream)
    for st in ("built", "failed", "skipped", "built"):
        bar.update(R(st, 10))
    bar.close()
    assert "".join(stream.out).endswith("\n") and "4/4 files" in "".join(stream.out)
    assert "1 failed" in bar.line()
    quiet = Tty()
    quiet.isatty = lambda: False
    Progress(4, quiet).update(R("built"))
    assert quiet.out == []
    table = summary([R("built", 5), R("skipped", 7), R("failed")], 2.0)
    assert table.splitlines()[-2].split() == ["total", "3", "12", "0", "0"]


@pytest.mark.slow  # 200 files, two builds
def test_two_builds_of_one_folder_at_once(corpus):
    seeds, tei, ed = corpus
    cmd = [sys.executable, "-m", "converter", "build", str(seeds), "--out", str(tei),
           "--editions", str(ed), "-j", "2"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    entries = json.loads((tei / MANIFEST_NAME).read_text())["entries"]
    assert len(entries) == N_FILES
    assert not list(tei.glob("*.tmp")) and not list(ed.glob("*.tmp"))
    assert not (tei / (MANIFEST_NAME + ".lock")).exists()  # no lock file left behind
    for xml in tei.glob("*.xml"):
        parse_file(xml)
    again = build_all(seeds, tei, ed, jobs=2)
    assert _statuses(again) == {"skipped": N_FILES}


def test_a_dying_worker_fails_only_its_own_file(small, monkeypatch):
    """A worker killed mid-file (out of memory, a crash in C code) breaks the process pool;
    the other files are still built and only the culprit is reported."""
    import os

    import converter.job as job_mod

    seeds, tei, ed = small
    real = job_mod._convert

    def crashing(seed, authority, encoding=None):  # forked workers inherit this patch
        if seed.name == "p0005.txt":
            os._exit(9)
        return real(seed, authority, encoding)

    monkeypatch.setattr(job_mod, "_convert", crashing)
    results = build_all(seeds, tei, ed, jobs=2)
    failed = [r for r in results if r.status == "failed"]
    assert [Path(r.seed).name for r in failed] == ["p0005.txt"]
    assert "worker process died" in failed[0].error
    assert _statuses(results)["built"] == N_SMALL - 1


def test_build_hashes_the_sidecar_the_pipeline_reads(tmp_path):
    """build.plan names the sidecar itself (to skip importing the pipeline when nothing
    changed); it must be the file the pipeline reads."""
    from converter.pipeline import sidecar_path

    seed = tmp_path / "a.b.txt"
    assert sidecar_path(seed) == seed.with_suffix(".json")
