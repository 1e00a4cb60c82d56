"""Hostile input, second round: unbounded reads, crashes that must be one-line errors,
exact values in sidecars, and worker processes that outlive a killed build.

Every case runs the command line (click's CliRunner or the installed command) and expects
exit 1 with one line ``file[:line[:col]]: message`` (and perhaps a hint), never a hang,
a traceback or "internal error".
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest

from tests.helpers import run


def _one_line_error(res, *starts):
    """Exit 1, no traceback or internal error, and each of ``starts`` opens a line of
    stderr (the problem lines), with nothing but hints beside them."""
    assert res.exit_code == 1, (res.stdout, res.stderr)
    err = res.stderr
    assert "Traceback" not in res.output + err and "internal error" not in err, err
    lines = err.splitlines()
    for want in starts:
        assert any(line.startswith(want) for line in lines), (want, lines)


def _seed(folder, name="a", text="Some words of a seed.\n"):
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


# -- unbounded reads --------------------------------------------------------------------

def _guarded(fn, seconds=120):
    """Run ``fn`` in a thread; a hang is a test failure, not a stuck test run."""
    out = {}
    thread = threading.Thread(target=lambda: out.setdefault("res", fn()), daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail("the command hung")
    return out["res"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_build_with_a_seed_linked_to_dev_zero_fails_that_file(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _seed(seeds)
    (seeds / "zero.txt").symlink_to("/dev/zero")
    res = _guarded(lambda: run("build", seeds, "-j", "1", "--no-progress"))
    _one_line_error(res, f"{seeds / 'zero.txt'}: file too large")
    assert (tmp_path / "tei" / "a.xml").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_build_with_a_named_pipe_seed_does_not_block(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _seed(seeds)
    os.mkfifo(seeds / "pipe.txt")
    res = _guarded(lambda: run("build", seeds, "-j", "1", "--no-progress"))
    _one_line_error(res, f"{seeds / 'pipe.txt'}:1: the file has no text")
    assert (tmp_path / "tei" / "a.xml").exists()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_sidecar_and_authority_reads_are_bounded(tmp_path):
    seed = _seed(tmp_path)
    res = _guarded(lambda: run("convert", seed, "--authority", "/dev/zero"))
    _one_line_error(res, "/dev/zero: file too large")
    (tmp_path / "a.json").symlink_to("/dev/zero")
    res = _guarded(lambda: run("convert", seed))
    _one_line_error(res, f"{tmp_path / 'a.json'}: file too large")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_build_authority_dev_zero_is_not_a_missing_file(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _seed(seeds)
    res = _guarded(lambda: run("build", seeds, "--authority", "/dev/zero", "--no-progress"))
    _one_line_error(res, "/dev/zero: file too large")
    assert "no such authority file" not in res.stderr


def test_authority_nested_deeply_is_a_one_line_error(tmp_path):
    seed = _seed(tmp_path)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    _one_line_error(run("convert", seed, "--authority", deep),
                    f"{deep}:1:1: malformed JSON: nested too deeply")


def test_authority_key_given_twice_is_an_error(tmp_path):
    seed = _seed(tmp_path)
    auth = tmp_path / "people.json"
    auth.write_text('{"entities": [{"id": "kirov", "type": "person", "label": "Sergei Kirov",\n'
                    '  "label": "Kirov"}]}\n', encoding="utf-8")
    _one_line_error(run("convert", seed, "--authority", auth),
                    f"{auth}:2: key 'label' appears twice in one object")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _seed(seeds)
    _one_line_error(run("build", seeds, "--authority", auth, "--no-progress"),
                    f"{auth}:2: key 'label' appears twice")


@pytest.mark.parametrize("schema", ["folder", "dev_zero"])
def test_schema_that_is_not_a_file(tmp_path, schema):
    if schema == "dev_zero" and not os.path.exists("/dev/zero"):
        pytest.skip("needs /dev/zero")
    from tests.helpers import VALID

    path = tmp_path if schema == "folder" else "/dev/zero"
    res = _guarded(lambda: run("validate", "--schema", path, VALID))
    _one_line_error(res, f"{path}: not a schema file")
