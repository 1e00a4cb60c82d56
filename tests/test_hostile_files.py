"""Files: atomic writes (an interrupted run leaves the old output), refusing to overwrite
an input however it is spelled, output folders created, output symlinks replaced,
unwritable outputs as clear errors. (Sizes and the error format: test_hostile_limits.)"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from converter.errors import InputError
from converter.xmlio import write_atomic

from tests.helpers import VALID, run


def _fail_writes(monkeypatch, error: OSError, half: bool = False) -> None:
    """Make the temp file of write_atomic fail with ``error`` (after half the bytes)."""
    real_fdopen = os.fdopen

    class Failing:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            if half:
                self.fh.write(data[: len(data) // 2])
            raise error

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Failing(real_fdopen(fd, mode)))


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- atomic writes --------------------------------------------------------------------

@pytest.mark.parametrize("crash", [KeyboardInterrupt, OSError(28, "No space left on device")])
def test_interrupted_write_keeps_old_output(tmp_path, monkeypatch, crash):
    out = tmp_path / "out.xml"
    out.write_bytes(b"OLD")

    def boom(*_a, **_k):
        raise crash

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises((KeyboardInterrupt, InputError)) as info:
        write_atomic(out, b"NEW" * 1000)
    if info.type is InputError:
        assert "cannot write output: No space left on device" in str(info.value)
    assert out.read_bytes() == b"OLD"
    assert _leftovers(tmp_path) == []


def test_interrupted_convert_keeps_old_output(seed, tmp_path, monkeypatch):
    """Through the CLI: a crash while writing leaves the previous edition and no temp file."""
    out = tmp_path / "ed.xml"
    out.write_bytes(b"PREVIOUS EDITION")
    _fail_writes(monkeypatch, OSError(5, "Input/output error"), half=True)
    res = run("convert", seed, "-o", out)
    assert res.exit_code == 1
    assert res.stderr.strip() == f"{out}: cannot write output: Input/output error"  # no hint
    assert out.read_bytes() == b"PREVIOUS EDITION"
    assert _leftovers(tmp_path) == []


def test_write_replaces_whole_file_and_is_readable(tmp_path):
    out = tmp_path / "x.xml"
    out.write_bytes(b"a much longer previous content " * 100)
    write_atomic(out, b"short")
    assert out.read_bytes() == b"short"
    assert oct(out.stat().st_mode & 0o777) == "0o644"


# -- never overwrite an input -----------------------------------------------------------

def test_refuses_to_overwrite_input_however_spelled(seed, tmp_path):
    original = seed.read_bytes()
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.txt"
    link.symlink_to(seed)
    hard = tmp_path / "hard.txt"
    os.link(seed, hard)
    for target in (seed, tmp_path / "sub" / ".." / "seed.txt", link, hard):
        res = run("convert", seed, "-o", target)
        assert res.exit_code == 1, target
        assert res.stderr.startswith(f"{target}: refusing to overwrite the input file"), res.stderr
    assert seed.read_bytes() == original


def test_refuses_to_overwrite_sidecar(seed):
    side = seed.with_suffix(".json")
    side.write_text('{"metadata": {"title": "T"}}', encoding="utf-8")
    res = run("convert", seed, "-o", side)
    assert res.exit_code == 1 and "refusing to overwrite the input file" in res.stderr
    assert side.read_text(encoding="utf-8") == '{"metadata": {"title": "T"}}'


def test_export_refuses_to_overwrite_its_tei(tmp_path):
    tei = tmp_path / "e.xml"
    tei.write_bytes(VALID.read_bytes())
    for fmt in ("html", "text"):
        res = run("export", tei, "--to", fmt, "-o", tei)
        assert res.exit_code == 1 and "refusing to overwrite the input file" in res.stderr
    assert tei.read_bytes() == VALID.read_bytes()


# -- output locations -----------------------------------------------------------------

def test_output_folders_are_created(seed, tmp_path):
    out = tmp_path / "a" / "b" / "c" / "ed.xml"
    assert run("convert", seed, "-o", out).exit_code == 0
    assert out.read_bytes().startswith(b"<?xml")
    html = tmp_path / "x" / "y" / "ed.html"
    assert run("export", out, "--to", "html", "-o", html).exit_code == 0 and html.exists()


def test_output_under_a_file_is_a_clear_error(seed, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = run("convert", seed, "-o", blocker / "ed.xml")
    assert res.exit_code == 1
    assert res.stderr.startswith(f"{blocker / 'ed.xml'}: cannot write output: ")
    assert "Traceback" not in res.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_output_folder_is_a_clear_error(seed, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        res = run("convert", seed, "-o", ro / "ed.xml")
        assert res.exit_code == 1
        assert res.stderr.splitlines() == [
            f"{ro / 'ed.xml'}: cannot write output: Permission denied",
            "  hint: the folder is not writable: choose another output with -o"]
    finally:
        ro.chmod(0o755)


def test_read_only_filesystem_is_a_clear_error(seed):
    """/sys refuses new files even for root: a one-line error with a hint, exit 1."""
    target = Path("/sys/tei-edition-test.xml")
    if not Path("/sys").is_dir():
        pytest.skip("no /sys here")
    res = run("convert", seed, "-o", target)
    assert res.exit_code == 1
    first, hint = res.stderr.splitlines()
    assert first in (f"{target}: cannot write output: Permission denied",
                     f"{target}: cannot write output: Read-only file system")
    assert hint.startswith("  hint: ") and "choose another output with -o" in hint
    assert not target.exists()


def test_full_disk_is_a_clear_error(seed, tmp_path, monkeypatch):
    out = tmp_path / "ed.xml"
    out.write_bytes(b"OLD")
    _fail_writes(monkeypatch, OSError(28, "No space left on device"))
    res = run("convert", seed, "-o", out)
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        f"{out}: cannot write output: No space left on device",
        "  hint: the disk is full; the previous output (if any) is unchanged"]
    assert out.read_bytes() == b"OLD" and _leftovers(tmp_path) == []


def test_missing_and_folder_inputs(tmp_path):
    res = run("convert", tmp_path / "nope.txt")
    assert res.exit_code == 1
    assert res.stderr.strip() == f"{tmp_path / 'nope.txt'}: cannot read file: No such file or directory"
    res = run("validate", tmp_path / "nope.xml")
    assert res.exit_code == 1 and "cannot read file: No such file or directory" in res.stderr
    assert run("convert", tmp_path).exit_code == 2  # a folder: usage error from click



def test_output_symlink_is_replaced_not_written_through(seed, tmp_path):
    """-o pointing at a symlink (say, planted towards a file of the user's) replaces the
    link with the new file; the file it pointed to is untouched."""
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "out.xml"
    link.symlink_to(precious)
    assert run("convert", seed, "-o", link).exit_code == 0
    assert precious.read_text() == "keep me"
    assert not link.is_symlink() and link.read_bytes().startswith(b"<?xml")


@pytest.mark.slow  # kills a process mid-write
def test_killed_run_leaves_old_or_complete_output(tmp_path):
    """SIGKILL at some moment of a real run: the output is the old file or the whole new
    one, never a prefix (whatever the timing, so the test does not depend on it)."""
    import signal
    import subprocess
    import sys
    import time

    seed = tmp_path / "big.txt"
    seed.write_text("\n\n".join(f"Paragraph {i} of a long text, with words." for i in range(40_000)),
                    encoding="utf-8")
    out = tmp_path / "ed.xml"
    for delay in (0.2, 0.6, 1.2):
        out.write_bytes(b"OLD")
        proc = subprocess.Popen([sys.executable, "-m", "converter", "convert", str(seed), "-o", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        data = out.read_bytes()
        assert data == b"OLD" or (data.startswith(b"<?xml") and data.rstrip().endswith(b"</TEI>"))
