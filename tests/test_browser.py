"""The HTML editions of the seeds, opened in headless Chromium as a reader would open them
from disk: no console errors (a style or script blocked by the page's own Content
Security Policy would be one), every table-of-contents link, index back-link and note
link lands on an element, nothing overflows a phone screen, the page works with script
off, the print stylesheet applies, and the screenshots (tests/output/, not committed) are
not blank. Chromium is driven over the DevTools protocol on a pipe (stdlib only).

Skipped when no Chromium is installed, unless the CI environment variable is set.
"""
from __future__ import annotations

import base64
import json
import os
import select
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from pathlib import Path

import pytest

from converter.pipeline import convert_file
from converter.writers import html as html_writer
from converter.xmlio import parse_bytes
from tests.conftest import in_ci, params, shared_params

pytestmark = pytest.mark.slow  # headless Chromium

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "output"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXE = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
            if shutil.which(n)), None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--mute-audio", "--hide-scrollbars", "--remote-debugging-pipe"]

if EXE is None:
    if in_ci():
        pytest.fail("chromium is not installed (CI must run the browser tests)",
                    pytrace=False)
    pytest.skip("chromium is not installed", allow_module_level=True)


class Browser:
    """Chromium with the DevTools protocol on fds 3 (commands in) and 4 (replies out)."""

    def __init__(self, profile: str):
        cmd_r, self._cmd_w = os.pipe()
        self._out_r, out_w = os.pipe()

        def wire():  # in the child: the pipe ends become fds 3 and 4
            a, b = os.dup(cmd_r), os.dup(out_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen([EXE, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                     preexec_fn=wire, pass_fds=(3, 4), stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(out_w)
        self._buf, self._next, self.events = b"", 0, []

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._out_r], [], [], left)[0]:
                raise TimeoutError("no reply from chromium")
            chunk = os.read(self._out_r, 1 << 20)
            if not chunk:
                raise ConnectionError("chromium closed the pipe")
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method: str, session: str | None = None, timeout: float = 30, **params):
        """Send one command and return its result; events that arrive meanwhile are kept."""
        self._next += 1
        msg = {"id": self._next, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> dict:
        """Wait for (and consume) the first event called ``method``."""
        deadline = time.monotonic() + timeout
        while True:
            for i, ev in enumerate(self.events):
                if ev.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read(deadline))

    def close(self) -> None:
        """Ask the browser to quit; kill it (our own process) if it does not."""
        try:
            self.call("Browser.close", timeout=5)
        except (OSError, RuntimeError, TimeoutError, ConnectionError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._cmd_w)
        os.close(self._out_r)


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module, with a throw-away profile."""
    with tempfile.TemporaryDirectory(prefix="tei-edition-chromium-") as profile:
        b = Browser(profile)
        try:
            yield b
        finally:
            b.close()


class Tab:
    """One page, with the console errors it produced."""

    def __init__(self, browser: Browser):
        self.b = browser
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        self.s = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            browser.call(f"{domain}.enable", self.s)

    def size(self, width: int, height: int, mobile: bool = False) -> None:
        """Set the viewport, as a desktop window or a phone."""
        self.b.call("Emulation.setDeviceMetricsOverride", self.s, width=width, height=height,
                    deviceScaleFactor=1, mobile=mobile)

    def open(self, url: str) -> None:
        """Load ``url`` and wait until it has loaded."""
        self.b.call("Page.navigate", self.s, url=url)
        self.b.wait_for("Page.loadEventFired")

    def js(self, expression: str):
        """The value of a JavaScript expression evaluated in the page."""
        res = self.b.call("Runtime.evaluate", self.s, expression=expression, returnByValue=True)
        assert "exceptionDetails" not in res, res["exceptionDetails"]
        return res["result"].get("value")

    def screenshot(self, path: Path) -> bytes:
        """Save a PNG of the viewport at ``path`` and return it."""
        data = base64.b64decode(self.b.call("Page.captureScreenshot", self.s, format="png")["data"])
        path.write_bytes(data)
        return data

    def errors(self) -> list:
        """Console errors, uncaught exceptions, error log entries and dialogs so far."""
        out = []
        for ev in self.b.events:
            if ev.get("sessionId") != self.s:
                continue
            m, p = ev.get("method"), ev.get("params", {})
            if m == "Runtime.exceptionThrown":
                out.append(p["exceptionDetails"].get("text"))
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(json.dumps(p.get("args"))[:300])
            elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
                out.append(p["entry"].get("text"))
            elif m == "Page.javascriptDialogOpening":  # alert() from smuggled script
                out.append("dialog: " + p.get("message", ""))
        return out


def distinct_rows(png: bytes) -> int:
    """How many different pixel rows a PNG has (1 for a blank page)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, bpp = 8, b"", 0, 4
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width = struct.unpack(">I", body[:4])[0]
            bpp = {2: 3, 6: 4, 0: 1, 4: 2}[body[9]]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp + 1  # each row: a filter byte, then pixels
    return len({raw[i:i + stride] for i in range(0, len(raw), stride)})


CHECKS = r"""(() => {
  const land = a => { const id = decodeURIComponent(a.getAttribute('href').slice(1));
                      return document.getElementById(id) !== null; };
  const all = [...document.querySelectorAll('a[href^="#"]')];
  const toc = [...document.querySelectorAll('nav.toc a')];
  const back = [...document.querySelectorAll('section.index .occ a')];
  const refs = [...document.querySelectorAll('sup.nref a, section.notes a.back')];
  return {links: all.length, broken: all.filter(a => !land(a)).map(a => a.getAttribute('href')),
          toc: toc.map(a => a.getAttribute('href')), back: back.length, refs: refs.length,
          divs: document.querySelectorAll('main section').length,
          styled: getComputedStyle(document.body).maxWidth !== 'none',
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          h1: document.querySelectorAll('h1').length, lang: document.documentElement.lang,
          text: document.querySelector('main').innerText.length};
})()"""

LANDS = r"""(href => { location.hash = href;
  const el = document.getElementById(decodeURIComponent(href.slice(1)));
  const top = el.getBoundingClientRect().top;
  const atEnd = window.innerHeight + window.scrollY >= document.body.scrollHeight - 2;
  return el.matches(':target') && (Math.abs(top) < 3 || atEnd); })"""


@pytest.fixture(scope="module")
def editions():
    """The HTML edition of every seed, written where a reader would open it from disk."""
    OUT.mkdir(parents=True, exist_ok=True)
    out = {}
    for seed in SEEDS:
        data, _ = convert_file(seed)
        path = OUT / f"{seed.stem}.html"
        path.write_bytes(html_writer.write(parse_bytes(data, str(seed))))
        out[seed.stem] = path
    return out


@pytest.mark.parametrize("stem", [s.stem for s in SEEDS])
def test_seed_edition_reads_in_chromium(browser, editions, stem):
    tab = Tab(browser)
    tab.size(1280, 900)
    tab.open(editions[stem].as_uri())
    facts = tab.js(CHECKS)
    assert tab.errors() == []
    assert facts["styled"], "the stylesheet did not apply (blocked by the CSP?)"
    assert facts["broken"] == [] and facts["links"] > 0
    assert facts["h1"] == 1 and facts["lang"] == "en" and facts["text"] > 1000
    assert len(facts["toc"]) >= facts["divs"]  # every division is in the contents
    png = tab.screenshot(OUT / f"{stem}.png")
    assert distinct_rows(png) > 50, "the screenshot is blank"
    # Every link resolves (above); following one scrolls to its target. Chromium throttles
    # same-document navigations (200 per 10 s per renderer), so the contents links and an
    # even sample of the index back-links and note links are followed, 90 per page.
    back = tab.js("[...document.querySelectorAll('section.index .occ a, sup.nref a,"
                  " section.notes a.back')].map(a => a.getAttribute('href'))")
    assert facts["back"] + facts["refs"] == len(back)
    step = max(1, -(-len(back) // max(1, 90 - len(facts["toc"]))))
    for href in (facts["toc"] + back[::step])[:90]:
        assert tab.js(f"{LANDS}({json.dumps(href)})"), href
    # A reader on a phone: no sideways scrolling, paragraph numbers still shown.
    tab.size(390, 844, mobile=True)
    tab.open(editions[stem].as_uri())
    assert tab.js(CHECKS)["overflow"] <= 0
    tab.screenshot(OUT / f"{stem}-phone.png")
    # Printing hides the navigation.
    browser.call("Emulation.setEmulatedMedia", tab.s, media="print")
    assert tab.js("getComputedStyle(document.querySelector('nav.toc')).display") == "none"
    browser.call("Emulation.setEmulatedMedia", tab.s, media="")
    assert tab.errors() == []


def test_page_works_without_script(browser, editions):
    tab = Tab(browser)
    tab.size(1024, 768)
    browser.call("Emulation.setScriptExecutionDisabled", tab.s, value=True)
    stem = SEEDS[0].stem
    tab.open(editions[stem].as_uri() + "#s2")
    # Script is off for the page; evaluation from DevTools still works for inspection.
    assert tab.js("document.querySelector(':target') && document.querySelector(':target').id"
                  ) == "s2"
    assert tab.js("getComputedStyle(document.body).maxWidth") != "none"
    assert tab.errors() == []


def test_fixture_with_notes_entities_and_lists_reads_in_chromium(browser):
    """The hand-written fixture has everything the seeds may not have yet: notes, an index,
    dates, lists and quotations."""
    from converter.xmlio import parse_file

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "writers-fixture.html"
    path.write_bytes(html_writer.write(parse_file(ROOT / "tests/fixtures/writers/full.xml")))
    tab = Tab(browser)
    tab.size(1280, 900)
    tab.open(path.as_uri())
    facts = tab.js(CHECKS)
    assert tab.errors() == [] and facts["broken"] == []
    assert facts["back"] == 7 and facts["refs"] == 4
    hover = tab.js("[...document.querySelectorAll('main time')].map(t => t.title)")
    assert hover == ["1923-12-02", "between 1934-01-01 and 1934-12-31",
                     "from 1934-12-01 to 1935-01-18"]
    assert distinct_rows(tab.screenshot(OUT / "writers-fixture.png")) > 50
    # "cite" copies a citation with the paragraph's URL (the optional script at work).
    browser.call("Browser.grantPermissions",
                 permissions=["clipboardReadWrite", "clipboardSanitizedWrite"])
    browser.call("Page.bringToFront", tab.s)
    tab.js("document.getElementById('s1.p2').querySelector('a.cite').click()")
    deadline = time.monotonic() + 5
    while "copied" not in tab.js("document.getElementById('s1.p2').querySelector('a.cite')"
                                 ".className") and time.monotonic() < deadline:
        time.sleep(0.05)
    copied = browser.call("Runtime.evaluate", tab.s, expression="navigator.clipboard.readText()",
                          awaitPromise=True, returnByValue=True)["result"]["value"]
    assert copied == ("Ann Author, A Test Edition & Its <Tricks>, s1.p2. "
                      + path.as_uri() + "#s1.p2")
    assert tab.js("location.hash") == "#s1.p2"
    # Wide screens show the notes in the margin, beside the text and not over it.
    tab.size(1500, 900)
    tab.open(path.as_uri())
    assert tab.js(r"""(() => { const text = document.getElementById('s1.p1');
      return [...document.querySelectorAll('main .side')].every(s =>
        getComputedStyle(s).display === 'block' &&
        s.getBoundingClientRect().left >= text.getBoundingClientRect().right); })()""")
    tab.size(800, 900)
    tab.open(path.as_uri())
    assert tab.js("getComputedStyle(document.querySelector('main .side')).display") == "none"
    assert tab.errors() == []


SHAPE = r"""(() => { const out = [];
  const walk = (el, depth) => { out.push(depth + ':' + el.tagName.toLowerCase());
                                for (const c of el.children) walk(c, depth + 1); };
  walk(document.documentElement, 0); return out; })()"""
PAGES = params([ROOT / "tests/fixtures/writers/full.xml", ROOT / "tests/fixtures/writers/standoff.xml",
                ROOT / "tests/fixtures/writers/hostile.xml", *sorted((ROOT / "tei").glob("*.xml"))]
               ) + shared_params("corpus/gold", "*.xml")


@pytest.mark.parametrize("tei", PAGES)
def test_browser_builds_the_page_as_written(browser, tei, tmp_path):
    """The browser's DOM has exactly the nesting the writer made: no paragraph closed early
    by a block inside it, no link split by a link inside it (HTML's parser repairs such
    markup silently). Also for other projects' TEI, with no console errors."""
    from converter.xmlio import parse_file

    tree = parse_file(tei)
    page = html_writer.build(tree)
    path = tmp_path / "page.html"
    path.write_bytes(html_writer.write(tree))
    expected = []

    def walk(el, depth):
        expected.append(f"{depth}:{el.tag}")
        for c in el:
            if isinstance(c.tag, str):
                walk(c, depth + 1)
    walk(page, 0)
    tab = Tab(browser)
    tab.size(1280, 900)
    tab.open(path.as_uri())
    assert tab.js(SHAPE) == expected
    facts = tab.js(CHECKS)
    assert facts["broken"] == [] and tab.errors() == []
    tab.size(390, 844, mobile=True)  # and on a phone, nothing runs off the side
    tab.open(path.as_uri())
    assert tab.js(CHECKS)["overflow"] <= 0


LAYOUT = r"""(() => {
  const overlaps = [];
  for (const lab of document.querySelectorAll('ul.list > li > .label')) {
    const next = lab.nextSibling;
    if (!next || next.nodeType !== 3 || !next.textContent.trim()) continue;
    const r = document.createRange(); r.setStart(next, 0); r.setEnd(next, 1);
    const text = r.getClientRects()[0], box = lab.getBoundingClientRect();
    if (text && text.top < box.bottom - 2 && text.left < box.right - 0.5)
      overlaps.push(lab.textContent + next.textContent.slice(0, 10));
  }
  const heads = [...document.querySelectorAll('main h2, main h3, main h4, main h5, main h6')];
  const nav = document.querySelector('nav.toc').getBoundingClientRect();
  const text = document.querySelector('main p').getBoundingClientRect();
  return {overlaps, heads: heads.length,
          up: heads.filter(h => h.querySelector('a.up[href="#_toc"]')).length,
          position: getComputedStyle(document.querySelector('nav.toc')).position,
          navRight: nav.right, textLeft: text.left,
          bare: [...document.querySelectorAll('nav.toc a')].map(a => a.textContent)
                .filter(t => /^\W*(\d+|[IVXLCDM]+)\W*$/.test(t))};
})()"""


@pytest.mark.parametrize("stem", [s.stem for s in SEEDS])
def test_reading_aids_lay_out_cleanly(browser, editions, stem):
    """Labels of any length never overlap their item's text; every heading links back to
    the contents; no contents entry is a bare number; on a wide screen the contents stay
    beside the text without covering it (screenshots: *-wide.png)."""
    tab = Tab(browser)
    tab.size(1280, 900)
    tab.open(editions[stem].as_uri())
    facts = tab.js(LAYOUT)
    assert facts["overlaps"] == []
    assert facts["heads"] == facts["up"] and facts["bare"] == []
    assert facts["position"] != "fixed"
    for href in ["#_toc"]:
        assert tab.js(f"{LANDS}({json.dumps(href)})")
    tab.size(1700, 900)
    tab.open(editions[stem].as_uri())
    tab.js("window.scrollTo(0, 2500)")
    facts = tab.js(LAYOUT)
    assert facts["position"] == "fixed" and facts["navRight"] < facts["textLeft"] - 40
    assert distinct_rows(tab.screenshot(OUT / f"{stem}-wide.png")) > 50
    assert tab.errors() == []
