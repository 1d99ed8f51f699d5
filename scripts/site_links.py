"""Internal links, images and anchors of a built site, checked against the files on disk.

Every HTML and SVG file of an output folder is parsed (Python's html.parser); each reference
a reader's browser would follow or load (href, src, srcset, data, poster, xlink:href, and the
og:/twitter: URLs in <meta>) is resolved against the page's URL. A reference is internal when
it is relative, root-relative, or absolute on the site's base URL; it must then name a file
of the output (a path ending in "/" names its index.html, as the server serves it), and a
fragment must name an id (or an <a name>) in the target HTML or SVG file. "#" and "#top"
are the HTML standard's own "top of the document" and need no id. External URLs are counted,
not fetched (CI has no network).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

# Attributes that make the browser follow or load a URL, by element.
URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "script": ("src",), "iframe": ("src",), "embed": ("src",), "audio": ("src",),
    "video": ("src", "poster"), "track": ("src",), "object": ("data",),
    "form": ("action",), "blockquote": ("cite",), "q": ("cite",),
}
# <meta property=…> whose content is a URL on the site (Open Graph, Twitter cards).
META_URL_PROPERTIES = {"og:url", "og:image", "og:image:url", "og:image:secure_url",
                       "twitter:image", "twitter:url"}
IMAGE_TAGS = {"img", "source", "image"}


@dataclass
class Reference:
    """One URL in one file: where it is (file, line), what it is, and what it points to."""
    file: str
    line: int
    tag: str
    attribute: str
    url: str


@dataclass
class ParsedFile:
    ids: set[str] = field(default_factory=set)
    references: list[Reference] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self, file: str):
        super().__init__(convert_charrefs=True)
        self.file = file
        self.parsed = ParsedFile()

    def handle_starttag(self, tag, attrs):
        values = {name: (value or "") for name, value in attrs}
        if values.get("id"):
            self.parsed.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.parsed.ids.add(values["name"])
        line = self.getpos()[0]
        names = URL_ATTRIBUTES.get(tag, ())
        if tag == "meta" and (values.get("property") or values.get("name")) in META_URL_PROPERTIES:
            names = ("content",)
        for name in names:
            value = values.get(name)
            if value is None:
                continue
            urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] \
                if name == "srcset" else [value.strip()]
            for url in urls:
                self.parsed.references.append(Reference(self.file, line, tag, name, url))

    handle_startendtag = handle_starttag


def parse_file(path: str) -> ParsedFile:
    collector = _Collector(path)
    with open(path, encoding="utf-8", errors="replace") as handle:
        collector.feed(handle.read())
    collector.close()
    return collector.parsed


@dataclass
class LinkReport:
    """What was checked, and every reference that does not resolve (as printable lines)."""
    internal: int = 0
    anchors: int = 0
    images: int = 0
    external: int = 0
    broken: list[str] = field(default_factory=list)


def url_path_of(root: str, file: str) -> str:
    """The URL path a file is served at: `money/index.html` → `/money/`."""
    relative = os.path.relpath(file, root).replace(os.sep, "/")
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def file_for(root: str, path: str) -> str | None:
    """The file the server sends for a URL path, or None (a folder without index.html too)."""
    local = os.path.normpath(os.path.join(root, unquote(path).lstrip("/")))
    if not (local + os.sep).startswith(os.path.normpath(root) + os.sep) and local != os.path.normpath(root):
        return None
    if path.endswith("/") or os.path.isdir(local):
        local = os.path.join(local, "index.html")
    return local if os.path.isfile(local) else None


def check_links(root: str, base_url: str) -> LinkReport:
    """Checks every HTML and SVG file under `root`, a site served at `base_url`."""
    base = urlsplit(base_url)
    parsed: dict[str, ParsedFile] = {}
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith((".html", ".svg")):
                path = os.path.join(folder, name)
                parsed[os.path.normpath(path)] = parse_file(path)
    report = LinkReport()
    for path, content in sorted(parsed.items()):
        page_url = base_url.rstrip("/") + url_path_of(root, path)
        for ref in content.references:
            target = urlsplit(urljoin(page_url, ref.url))
            if target.scheme not in ("http", "https") or target.netloc != base.netloc:
                report.external += target.scheme in ("http", "https")
                continue
            report.internal += 1
            report.images += ref.tag in IMAGE_TAGS
            where = f"{os.path.relpath(ref.file, root)}:{ref.line}: <{ref.tag} {ref.attribute}=\"{ref.url}\">"
            site_path = target.path if target.path.startswith(base.path) else None
            file = file_for(root, "/" + site_path[len(base.path):]) if site_path is not None else None
            if file is None:
                report.broken.append(f"{where}: no file for {target.path}")
                continue
            fragment = unquote(target.fragment)
            if not fragment or fragment.lower() == "top":
                continue
            report.anchors += 1
            ids = parsed.get(os.path.normpath(file))
            if ids is not None and fragment not in ids.ids:
                report.broken.append(f"{where}: no id \"{fragment}\" in {os.path.relpath(file, root)}")
    return report
