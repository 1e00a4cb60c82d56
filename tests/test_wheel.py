"""The tool as users get it: a wheel built from this tree, installed (not editable) into a
fresh virtual environment, and every command run from a folder outside the checkout.

Slow (a wheel build and a venv with its dependencies from the index): ``-m "not slow"``
leaves it out of a quick run; CI runs it.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
pytestmark = pytest.mark.slow

LITE = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt>
<sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader><text><body><p>Words.</p></body></text>
</TEI>
"""


def _run(cmd, cwd, env, stdin=None, ok=True):
    res = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, input=stdin,
                         capture_output=True, timeout=600)
    if ok:
        assert res.returncode == 0, (cmd, res.stdout.decode()[-2000:], res.stderr.decode()[-2000:])
    return res


def _build_wheel(tmp: Path) -> Path:
    """A wheel of a copy of the sources, so the build leaves nothing in the checkout."""
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for name in ("converter", "schemas"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    cmd = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp / "dist", src]
    # Offline when this interpreter can build it itself; else pip fetches setuptools.
    if importlib.util.find_spec("setuptools") and importlib.util.find_spec("wheel"):
        cmd.insert(4, "--no-build-isolation")
    _run(cmd, tmp, None)
    (wheel,) = (tmp / "dist").glob("tei_edition-*.whl")
    return wheel


@pytest.fixture(scope="module")
def tool(tmp_path_factory):
    """(tei-edition command, environment, work folder): installed from a wheel in a new venv."""
    tmp = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(tmp)
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", venv], tmp, None)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    # Dependencies come from the index, as for a user: the wheel's metadata is tested too.
    _run([venv / "bin" / "python", "-m", "pip", "install", "-q", wheel], tmp, env)
    work = tmp / "work"
    work.mkdir()
    where = _run([venv / "bin" / "python", "-c", "import converter; print(converter.__file__)"],
                 work, env).stdout.decode().strip()
    assert Path(where).is_relative_to(venv), where  # the installed copy, not the checkout
    return venv / "bin" / "tei-edition", env, work


def test_installed_wheel_runs_every_command_from_any_folder(tool):
    exe, env, work = tool
    seeds = work / "proj" / "seeds"
    seeds.mkdir(parents=True)
    for p in SEEDS.iterdir():
        if p.suffix in (".txt", ".json"):
            shutil.copy2(p, seeds / p.name)
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()

    # build (sidecars are checked against the packaged JSON schema) beside the seeds folder
    res = _run([exe, "build", seeds, "-j", "1"], elsewhere, env)
    rows = {ln.split()[0]: ln.split()[1:] for ln in res.stdout.decode().splitlines() if ln.split()}
    assert rows["built"][0] == str(len(list(SEEDS.glob("*.txt")))) and rows["failed"][0] == "0"
    tei = work / "proj" / "tei"
    for seed in SEEDS.glob("*.txt"):
        out = tei / f"{seed.stem}.xml"
        assert out.read_bytes() == (ROOT / "tei" / out.name).read_bytes()  # same as the checkout
        for ext in (".html", ".txt"):
            assert (work / "proj" / "editions" / f"{seed.stem}{ext}").is_file()
    assert list(elsewhere.iterdir()) == []

    # validate: our schema with Schematron, tei_lite, tei_all (compiled once, one small file)
    small = min(tei.glob("*.xml"), key=lambda p: p.stat().st_size)
    _run([exe, "validate", *sorted(tei.glob("*.xml"))], elsewhere, env)
    _run([exe, "validate", "--schema", "tei_all", small], elsewhere, env)
    _run([exe, "validate", "--schema", "tei_lite", "-"], elsewhere, env, stdin=LITE)
    res = _run([exe, "validate", "--schema", "tei_lite", small], elsewhere, env, ok=False)
    assert res.returncode == 1 and f"{small}:" in res.stdout.decode()
    assert "standOff" in res.stdout.decode()  # explained from the installed grammar

    # entities --json with a sidecar
    seed = seeds / "the-partys-tasks-commentary.txt"
    rep = json.loads(_run([exe, "entities", seed, "--json"], elsewhere, env).stdout)
    assert rep and "Traceback" not in json.dumps(rep)

    # both exports, to a file and to standard output
    html = elsewhere / "e.html"
    _run([exe, "export", small, "--to", "html", "-o", html], elsewhere, env)
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    text = _run([exe, "export", small, "--to", "text", "-o", "-"], elsewhere, env).stdout
    assert len(text.split()) > 100

    # convert as a filter, into validate and export
    xml = _run([exe, "convert", "-", "-o", "-"], elsewhere, env,
               stdin=b"A Title\n\nWords from a pipe, in Moscow.\n").stdout
    _run([exe, "validate", "-"], elsewhere, env, stdin=xml)
    out = _run([exe, "export", "-", "--to", "text"], elsewhere, env, stdin=xml).stdout
    assert b"Words from a pipe, in Moscow." in out


def test_installed_wheel_holds_the_schemas(tool):
    exe, env, work = tool
    python = exe.parent / "python"
    code = ("from importlib.resources import files; "
            "print(sorted(p.name for p in files('converter.schemas').iterdir()))")
    names = json.loads(_run([python, "-c", code], work, env).stdout.decode().replace("'", '"'))
    for name in ("tei-edition.rng", "tei-edition.sch", "sidecar.schema.json", "tei_all.rng",
                 "tei_lite.rng", "TEI.LICENSE.TXT"):
        assert name in names
