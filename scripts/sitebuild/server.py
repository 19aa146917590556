"""A small Python static server, kept for the benchmark (scripts/benchmark_calculator_page.py):
plain files, the right MIME types, the site's Content-Security-Policy as a header (so it also
covers the calculators' worker), the cache rule of deploy/nginx.conf, loopback only.

    python -m sitebuild.server [SITE_DIR] [--port 8000]

Everything else (the tests, `make preview`, scripts/phone_figures.py) serves the site with the
real nginx and deploy/nginx.conf (sitebuild.nginx). The benchmark cannot: it needs a server whose
every response it sees and steers in its own process. It counts the raw, gzip and brotli bytes of
each file it sends, serves a generated naive Pyodide page beside the site as the yardstick, and
answers 404 for the memory snapshot while the "site, normal" variant runs (a Playwright route
would do that too, but routing turns Chromium's HTTP cache off, and the warm visits would then
download everything again). nginx's access log gives none of that per run without parsing logs
and rewriting its config mid-benchmark. :func:`content_security_policy` is also how the tests
read the policy the pages declare.
"""

from __future__ import annotations

import argparse
import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from mkdocs.utils.yaml import yaml_load

from . import ROOT
from .nginx import immutable_addresses


def _extra(key: str) -> str:
    """One policy key of mkdocs.yml's `extra`, its whitespace folded."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml_load(file)  # MkDocs' loader: it knows the !ENV tag
    return " ".join(str(config["extra"][key]).split())


def content_security_policy() -> str:
    """The policy from mkdocs.yml (`extra.content_security_policy`), the one the pages declare."""
    return _extra("content_security_policy")


def header_content_security_policy() -> str:
    """The policy a server sends as a header: the pages' policy, then the directives browsers
    obey only in a header (`extra.content_security_policy_header_only`, such as frame-ancestors).
    """
    return f"{content_security_policy()}; {_extra('content_security_policy_header_only')}"


#: Addresses whose content never changes: the rule of deploy/nginx.conf, read from it.
IMMUTABLE = re.compile(immutable_addresses())


class StaticHandler(SimpleHTTPRequestHandler):
    """Files from one folder, with the headers a careful static host sends."""

    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".whl": "application/zip",
    }
    policy = ""

    def end_headers(self) -> None:
        # As deploy/nginx.conf: a file whose name carries a hash of its content, and Pyodide's
        # files in the folder named by its version, never change, so they are cached for good.
        # Everything else (pages, the lockfile, favicons) is revalidated on each visit.
        immutable = IMMUTABLE.search(self.path.split("?")[0])
        self.send_header(
            "Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache"
        )
        self.send_header("Content-Security-Policy", self.policy)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing address gets the site's own 404 page, as the nginx config serves it."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet: the tests and the benchmark read no access log."""


class StaticServer(ThreadingHTTPServer):
    """A threaded server whose `stop()` ends serving and closes its socket."""

    daemon_threads = True

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def serve(site_dir: Path, port: int = 0) -> tuple[StaticServer, str]:
    """Start serving `site_dir` on 127.0.0.1 in a background thread; returns the server and its URL."""
    handler = type("Handler", (StaticHandler,), {"policy": header_content_security_policy()})
    server = StaticServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site_dir", nargs="?", default=str(ROOT / "site"), type=Path)
    parser.add_argument("--port", type=int, default=8000)
    options = parser.parse_args()
    server, url = serve(options.site_dir, options.port)
    print(f"Serving {options.site_dir} at {url} (Ctrl+C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
