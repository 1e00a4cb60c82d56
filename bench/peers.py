"""The peers, when installed: pandoc (markdown -> TEI) and Saxon-HE (XSLT on TEI).

The TEI Stylesheets are not packaged for Debian, PyPI or npm, so Saxon runs the minimal
stylesheets in ``bench/xslt/`` (a small fraction of the Stylesheets' work): its figures
are an upper bound for the speed of Saxon with the real Stylesheets.
"""
from __future__ import annotations

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


def tei_stylesheets() -> Path | None:
    """The TEI Stylesheets, if some package ever installs them in a usual place."""
    return next((d for d in STYLESHEET_DIRS if (d / "html" / "html.xsl").exists()), None)


def pandoc(src: Path, out: Path, repeat: int, timeout: float = 3600) -> dict:
    """pandoc -f markdown -t tei on the same text our convert reads."""
    return best_of(["pandoc", "-f", "markdown", "-t", "tei", "-s", str(src), "-o", str(out)],
                   repeat, timeout=timeout)


def saxon(tei: Path, out: Path, fmt: str, repeat: int, timeout: float = 3600) -> dict:
    """Saxon-HE running the html or text stylesheet on our TEI (JVM start included)."""
    styles = tei_stylesheets()
    if styles:
        xsl = styles / ("html/html.xsl" if fmt == "html" else "txt/tei-to-text.xsl")
    else:
        xsl = BENCH / "xslt" / f"tei-{fmt}.xsl"
    return best_of(["java", "-Xmx4g", "-cp", str(saxon_jar()), "net.sf.saxon.Transform",
                    f"-s:{tei}", f"-xsl:{xsl}", f"-o:{out}"], repeat, timeout=timeout)
