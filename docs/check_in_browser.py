"""Build the documentation site and look at it in a real browser (headless Chromium).

Usage: ``python docs/check_in_browser.py [--out DIR]``

- builds the site with ``mkdocs build --strict`` into a temporary directory;
- serves it on a free localhost port;
- for every page in the navigation, lets Chromium render it (``--dump-dom``)
  and take a full-width screenshot into ``DIR`` (default ``site-screenshots/``);
- fails (exit status 1) on a picture that does not load or is not an image,
  a page that should show pictures and shows none, and text that was not
  rendered: Sphinx roles (``:class:`…```), mkdocstrings directives
  (``::: sinorus…``), unresolved cross-references (``[sinorus.X][]``) or
  code fences shown as text; and a field of a record class that the API
  reference does not list.

Chromium is Debian's package ``chromium``; where it is missing and the
script runs as root with ``apt-get``, it installs it.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Pages whose text promises pictures: each must show at least this many.
PICTURES = {"index.html": 1, "tutorial.html": 1}
UNRENDERED = [
    (re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj):`"), "a Sphinx role"),
    (re.compile(r"^\s*::: sinorus", re.MULTILINE), "a mkdocstrings directive"),
    (re.compile(r"\[`?sinorus[\w.]*`?\]\[\]"), "an unresolved cross-reference"),
    (re.compile(r"^\s*```", re.MULTILINE), "a code fence shown as text"),
]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


class _Page(HTMLParser):
    """The visible text of a rendered page and the pictures it shows."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[str] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs).get("src") or "")
        if tag in ("script", "style", "code", "pre"):  # code may show roles on purpose
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "code", "pre") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def _apt_install(package: str) -> bool:
    """Install a Debian package where apt is there and we may; whether it worked."""
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", package]
    if subprocess.run(install, env=env, capture_output=True).returncode == 0:
        return True
    subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True)
    return subprocess.run(install, env=env, capture_output=True).returncode == 0


def chromium() -> str:
    """The Chromium executable, installed with apt where missing and possible.

    The pages show Chinese names, so a font with Chinese characters is
    installed too where none is, for screenshots as readers see them.
    """
    if shutil.which("fc-list") and not subprocess.run(
        ["fc-list", ":lang=zh"], capture_output=True, text=True
    ).stdout.strip():
        _apt_install("fonts-wqy-zenhei")
    for attempt in range(2):
        for name in ("chromium", "chromium-browser", "google-chrome"):
            found = shutil.which(name)
            if found:
                return found
        if attempt == 0 and not _apt_install("chromium"):
            break
    sys.exit("check_in_browser: Chromium is not installed (apt-get install chromium)")


def build(site: Path) -> list[str]:
    """Build the site into ``site``; the pages of its navigation, as file names."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    nav = re.findall(r"^\s*-\s*(?:[^:\n]+:\s*)?([\w-]+)\.md\s*$", (ROOT / "mkdocs.yml").read_text(),
                     re.MULTILINE)  # fmt: skip
    return [f"{name}.html" for name in nav]


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser that closes a connection early is no problem of the pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def render(browser: str, url: str, shot: Path, profile: Path) -> str:
    """The page's DOM after Chromium ran it, and its screenshot."""
    common = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}"]
    dom = subprocess.run([*common, "--dump-dom", url], capture_output=True, text=True,
                         timeout=120, check=True).stdout  # fmt: skip
    subprocess.run([*common, f"--screenshot={shot}", "--window-size=1280,1800", url],
                   capture_output=True, timeout=120, check=True)  # fmt: skip
    return dom


def problems_of(page: str, dom: str, base: str) -> list[str]:
    """What is wrong with one rendered page (empty when nothing is)."""
    parsed = _Page()
    parsed.feed(dom)
    found = []
    for src in parsed.images:
        url = urllib.request.urljoin(base + page, src)
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                head = response.read(16)
                kind = response.headers.get("Content-Type", "")
        except OSError as error:
            found.append(f"{page}: picture {src} does not load ({error})")
            continue
        if not (kind.startswith("image/") and (head.startswith(b"\x89PNG") or b"<svg" in head
                or head.startswith(b"<?xml"))):  # fmt: skip
            found.append(f"{page}: picture {src} is not an image ({kind})")
    wanted = PICTURES.get(page, 0)
    if len(parsed.images) < wanted:
        found.append(f"{page}: shows {len(parsed.images)} pictures, expected {wanted} or more")
    text = "".join(parsed.text)
    for pattern, what in UNRENDERED:
        match = pattern.search(text)
        if match:
            context = text[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")
            found.append(f"{page}: {what} was not rendered: …{context}…")
    if "<article" not in dom:
        found.append(f"{page}: no article: the page did not render")
    if page == "reference.html":
        found += _missing_fields(dom)
    return found


def _missing_fields(dom: str) -> list[str]:
    """Every field of every kind of record must be listed, with its type, in the reference."""
    from sinorus.fields import fields_of
    from sinorus.kinds import KINDS

    missing = []
    for kind in KINDS:
        cls = kind.record
        for field in fields_of(cls):
            anchor = f'id="{cls.__module__}.{cls.__name__}.{field.name}"'
            if anchor not in dom:
                missing.append(f"reference.html: {cls.__name__}.{field.name} is not listed")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site-screenshots")
    args = parser.parse_args(argv)
    browser = chromium()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        site, profile = Path(work) / "site", Path(work) / "profile"
        pages = build(site)
        server, base = serve(site)
        try:
            found = []
            for page in pages:
                shot = args.out / page.replace(".html", ".png")
                dom = render(browser, base + page, shot, profile)
                found += problems_of(page, dom, base)
                if not shot.exists() or shot.stat().st_size == 0:
                    found.append(f"{page}: no screenshot was taken")
                print(f"{page}: {shot}")
        finally:
            server.shutdown()
    for problem in found:
        print(problem, file=sys.stderr)
    print(f"{len(pages)} pages, {len(found)} problems", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
