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


# -- crashes that must be one-line errors -------------------------------------------------

def _nested_tei(levels: int) -> str:
    """A valid edition with ``levels`` nested <hi> inside its first paragraph."""
    from tests.helpers import VALID

    src = VALID.read_text(encoding="utf-8")
    start = src.index(">", src.index("<p", src.index("<body"))) + 1
    return src[:start] + "<hi>" * levels + "x" + "</hi>" * levels + src[start:]


@pytest.mark.parametrize("levels", [100, 123, 124, 200, 248, 251])
def test_what_validates_also_exports(tmp_path, levels):
    """Nesting near libxml2's limit of 256 passed validation, then both writers died
    with RecursionError: now what parses (and so validates) always exports."""
    tei = tmp_path / "deep.xml"
    tei.write_text(_nested_tei(levels), encoding="utf-8")
    checked = run("validate", "--schema", "tei_all", tei)
    exports = [run("export", tei, "--to", fmt) for fmt in ("html", "text")]
    for res in [checked] + exports:
        assert "Traceback" not in res.output + res.stderr
        assert "internal error" not in res.stderr, res.stderr
    if checked.exit_code == 0:
        assert [r.exit_code for r in exports] == [0, 0]
    else:
        for res in exports:
            _one_line_error(res, f"{tei}:")
            assert "nested more than" in res.stderr


def test_over_long_seed_names_fail_alone(tmp_path):
    """A 251-character stem has a 256-byte sidecar name (ENAMETOOLONG aborted the build);
    a 240-character stem fits, but its temp name (stem + 14) did not."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _seed(seeds, "ok")
    _seed(seeds, "a" * 251)
    _seed(seeds, "b" * 240)
    res = run("build", seeds, "-j", "1", "--no-progress")
    _one_line_error(res, str(seeds / ("a" * 251 + ".json")))
    for stem in ("ok", "b" * 240):
        assert (tmp_path / "tei" / f"{stem}.xml").exists()
        assert (tmp_path / "editions" / f"{stem}.html").exists()


def test_long_output_name_is_written(seed, tmp_path):
    out = tmp_path / ("c" * 250 + ".xml")
    res = run("convert", seed, "-o", out)
    assert res.exit_code == 0, res.stderr
    assert out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(not os.path.isdir("/sys"), reason="needs a read-only /sys")
def test_build_into_a_read_only_place(tmp_path):
    """Read-only outputs: each file's error, then the manifest's, with hints that name
    build's own options (it has no -o); no internal error from the manifest lock."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _seed(seeds)
    out = "/sys/tei-edition-test-out"
    res = run("build", seeds, "--out", out, "--editions", "/sys/tei-edition-test-ed",
              "-j", "1", "--no-progress")
    _one_line_error(res, f"{out}/a.xml: cannot write output",
                    f"{out}/.tei-edition-manifest.json: cannot write output")
    hints = [ln for ln in res.stderr.splitlines() if ln.startswith("  hint: ")]
    assert hints and all("-o" not in h.split() for h in hints), hints
    assert any("--out" in h for h in hints), hints


def test_full_disk_manifest_still_shows_each_files_problems(tmp_path, monkeypatch):
    """When the manifest cannot be written, the per-file errors are still printed."""
    import errno

    from converter import manifest
    from converter.xmlio import write_error

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _seed(seeds)
    _seed(seeds, "empty", "")

    def full(path, data, **kw):
        raise write_error(OSError(errno.ENOSPC, "No space left on device"), path)

    monkeypatch.setattr(manifest, "write_atomic", full)
    res = run("build", seeds, "-j", "1", "--no-progress")
    _one_line_error(res, f"{seeds / 'empty.txt'}:1: the file has no text",
                    f"{tmp_path / 'tei' / '.tei-edition-manifest.json'}: cannot write output: "
                    "No space left on device")
    assert "total" in res.stdout  # the summary too


# -- processes ----------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    from pathlib import Path

    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _running(pid: int) -> bool:
    from pathlib import Path

    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_exit_when_build_is_killed(tmp_path):
    """SIGKILL to `build -j 2`: its workers must not wait forever on the pool's pipe."""
    import signal
    import time

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(6):
        _seed(seeds, f"s{i}", "\n\n".join(f"Paragraph {k} of Comrade Kirov in Moscow."
                                          for k in range(4000)))
    proc = subprocess.Popen([sys.executable, "-m", "converter", "build", str(seeds), "-j", "2",
                             "--no-progress"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    workers = []
    for _ in range(1200):  # until the pool has started (at most a minute)
        workers = _children(proc.pid)
        if len(workers) >= 2 or proc.poll() is not None:
            break
        time.sleep(0.05)
    time.sleep(1)
    workers = _children(proc.pid)
    proc.kill()
    proc.wait()
    assert workers, "the build never started its workers"
    for _ in range(120):  # they exit at once; a minute is only a guard against a hang
        alive = [w for w in workers if _running(w)]
        if not alive:
            break
        time.sleep(0.5)
    for w in alive:
        os.kill(w, signal.SIGKILL)
    assert alive == [], "workers outlived the killed build"


# -- exact values -------------------------------------------------------------------------

# A valid value for each patterned field of the sidecar schema, by where it sits.
_PATTERNED = {
    ("metadata", "date"): "1937-03-03",
    ("metadata", "language"): "en",
    ("entities", "id"): "kirov",
    ("entities", "wikidata"): "Q1",
    ("notes", "id"): "n-intro",
}


def _patterns(node, where=()):
    """(place, pattern) for every pattern in the sidecar schema."""
    from converter.sidecar import SCHEMA_PATH

    if node is None:
        node = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    out = []
    if isinstance(node, dict):
        if "pattern" in node:
            out.append((where, node["pattern"]))
        for key, value in node.items():
            step = {"entity": "entities", "note": "notes"}.get(key, key)
            keep = step if key not in ("properties", "$defs", "items") else None
            out += _patterns(value, where + ((keep,) if keep else ()))
    return out


def _sidecar_with(place, value) -> dict:
    entity = {"id": "kirov", "type": "person", "label": "Sergei Kirov"}
    note = {"phrase": "Kirov", "text": "A note."}
    part, key = place
    if part == "metadata":
        return {"metadata": {key: value}}
    if part == "entities":
        return {"entities": [{**entity, key: value}]}
    return {"entities": [entity], "notes": [{**note, key: value}]}


def test_every_pattern_has_a_trailing_newline_case():
    places = {(w[-2], w[-1]) for w, _ in _patterns(None)}
    assert places == set(_PATTERNED)


@pytest.mark.parametrize("place", sorted(_PATTERNED))
def test_trailing_newline_is_not_accepted(tmp_path, place):
    """Python's ``$`` matches before a final newline: "en\\n" passed the schema and
    became xml:lang="en&#10;"."""
    seed = _seed(tmp_path, text="Sergei Kirov spoke.\n")
    side = seed.with_suffix(".json")
    side.write_text(json.dumps(_sidecar_with(place, _PATTERNED[place])), encoding="utf-8")
    assert run("convert", seed).exit_code == 0  # the value itself is fine
    side.write_text(json.dumps(_sidecar_with(place, _PATTERNED[place] + "\n")),
                    encoding="utf-8")
    _one_line_error(run("convert", seed), f"{side}:1: $.{place[0]}")
    assert "does not match" in run("convert", seed).stderr
