"""The peers, when installed: pandoc (markdown -> TEI) and Saxon-HE (XSLT on TEI).

Saxon runs the real TEI Stylesheets (``profiles/default/html/to.xsl`` for HTML,
``txt/tei-to-text.xsl`` for text) from the folder named by ``$TEI_STYLESHEETS`` (a checkout
of github.com/TEIC/Stylesheets kept outside this repository; they are not packaged for
Debian, PyPI or npm). Without it Saxon runs the minimal stylesheets in ``bench/xslt/``, a
small fraction of the Stylesheets' work, and the report says so.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from measure import BENCH, best_of

SAXON_JARS = [Path("/usr/share/java/Saxon-HE.jar"), Path("/usr/share/java/saxon9he.jar")]
STYLESHEET_DIRS = [Path("/usr/share/xml/tei/stylesheet"), Path("/usr/share/xml/tei/stylesheets")]


def pandoc_version() -> str | None:
    """``pandoc 2.17.1.1`` or None when pandoc is not installed."""
    exe = shutil.which("pandoc")
    if not exe:
        return None
    out = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout
    return out.splitlines()[0] if out else "pandoc"


def saxon_jar() -> Path | None:
    """The Saxon-HE jar (Debian ``libsaxonhe-java``) if it and java are installed."""
    if not shutil.which("java"):
        return None
    return next((j for j in SAXON_JARS if j.exists()), None)


def saxon_version() -> str | None:
    jar = saxon_jar()
    if not jar:
        return None
    out = subprocess.run(["java", "-cp", str(jar), "net.sf.saxon.Transform", "-t", "-?"],
                         capture_output=True, text=True)
    line = next((ln for ln in (out.stderr + out.stdout).splitlines() if "Saxon" in ln), "")
    return line.strip() or jar.name


STYLESHEET = {"html": "profiles/default/html/to.xsl", "text": "txt/tei-to-text.xsl"}


def tei_stylesheets() -> Path | None:
    """The TEI Stylesheets: ``$TEI_STYLESHEETS``, else a usual system place, else None."""
    env = os.environ.get("TEI_STYLESHEETS")
    dirs = ([Path(env)] if env else []) + STYLESHEET_DIRS
    return next((d for d in dirs if all((d / x).exists() for x in STYLESHEET.values())), None)


def stylesheets_version() -> str | None:
    """``TEI Stylesheets 7.57.0 (/path)`` when found (their VERSION file)."""
    d = tei_stylesheets()
    if not d:
        return None
    version = (d / "VERSION").read_text().strip() if (d / "VERSION").exists() else "?"
    return f"TEI Stylesheets {version} ({d}: {STYLESHEET['html']}, {STYLESHEET['text']})"


def pandoc(src: Path, out: Path, repeat: int, timeout: float = 3600) -> dict:
    """pandoc -f markdown -t tei on the same text our convert reads."""
    return best_of(["pandoc", "-f", "markdown", "-t", "tei", "-s", str(src), "-o", str(out)],
                   repeat, timeout=timeout)


def saxon(tei: Path, out: Path, fmt: str, repeat: int, timeout: float = 3600) -> dict:
    """Saxon-HE running the html or text stylesheet on our TEI (JVM start included)."""
    styles = tei_stylesheets()
    if styles:
        xsl = styles / STYLESHEET[fmt]
    else:
        xsl = BENCH / "xslt" / f"tei-{fmt}.xsl"
    return best_of(["java", "-Xmx4g", "-cp", str(saxon_jar()), "net.sf.saxon.Transform",
                    f"-s:{tei}", f"-xsl:{xsl}", f"-o:{out}"], repeat, timeout=timeout)
