"""Serve a built site with the shipped nginx config (deploy/nginx.conf) on the real nginx.

    python -m sitebuild.nginx [SITE_DIR] [--port 8000] [--subpath /muscle/]   # serve, foreground
    python -m sitebuild.nginx --print [--root /srv/www] [--subpath /muscle/]  # print the block

`make preview` and the tests use it. The server block is deploy/nginx.conf with three lines set
for the occasion (`listen`, `root`, `error_page`), wrapped in a small main config whose pid file,
logs and temporary folders live in a fresh temporary prefix, so nginx runs as any user and in
the foreground (`daemon off`). SIGTERM or Ctrl+C stops it. The brotli_static line stays only
where the module is installed (Debian: libnginx-mod-http-brotli-static, `make nginx`).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from . import ROOT

DEPLOY_CONF = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
START_TIMEOUT_S = 10.0


class NginxError(Exception):
    """nginx is missing, rejected the config, or did not start."""


def normal_subpath(subpath: str) -> str:
    """``muscle`` or ``/muscle`` → ``/muscle/``; ``/`` stays ``/``."""
    inner = subpath.strip("/")
    return f"/{inner}/" if inner else "/"


def immutable_addresses() -> str:
    """The pattern of the addresses deploy/nginx.conf keeps for good (its one location that sends
    `immutable`). It is written in the part of PCRE that Python's `re` and JavaScript's RegExp
    read alike, so the local server (sitebuild.server) and the service worker (sitebuild.offline)
    follow the same rule as the shipped config."""
    found = re.findall(
        r'^\s*location ~ "([^"]+)" \{\n\s*add_header Cache-Control "[^"]*\bimmutable"',
        DEPLOY_CONF.read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    if len(found) != 1:
        raise NginxError(
            f"{DEPLOY_CONF}: expected one location that sends immutable, found {len(found)}"
        )
    return str(found[0])


def _replace_line(text: str, pattern: str, new: str) -> str:
    """Replace the one line matching `pattern` (a whole, indented directive) with `new`."""
    regex = re.compile(rf"^(\s*){pattern}$", re.MULTILINE)
    found = regex.findall(text)
    if len(found) != 1:
        raise NginxError(
            f"{DEPLOY_CONF}: expected one line matching {pattern!r}, found {len(found)}"
        )
    return regex.sub(lambda match: match.group(1) + new, text)


def server_block(
    root: Path | str, listen: str = "80", subpath: str = "/", brotli: bool = True
) -> str:
    """deploy/nginx.conf for a site whose built folder is `root` + `subpath`."""
    text = DEPLOY_CONF.read_text(encoding="utf-8")
    text = _replace_line(text, r"listen \S+;", f"listen {listen};")
    text = _replace_line(text, r"root \S+;", f"root {root};")
    text = _replace_line(text, r"error_page 404 \S+;", f"error_page 404 {subpath}404.html;")
    if not brotli:
        text = _replace_line(text, r"brotli_static on;", "# brotli_static: module not installed")
    return text


def main_config(prefix: Path, server_conf: Path, access_log: str, brotli: bool) -> str:
    """A complete nginx.conf around one server block, with every writable path in `prefix`."""
    lines = [
        "# Written by sitebuild.nginx for a local preview; the server block is deploy/nginx.conf.",
        "daemon off;",
        "worker_processes 1;",
        f"pid {prefix}/nginx.pid;",
        "error_log stderr;",
    ]
    if os.geteuid() == 0:
        # As root, workers would drop to `nobody`, who may not read a private temp folder.
        lines.append(f"user {getpass.getuser()};")
    if brotli:
        lines.append(f"load_module {BROTLI_MODULE};")
    lines += [
        "events { worker_connections 128; }",
        "http {",
        f"    access_log {access_log};",
        "    sendfile on;",
        "    log_not_found off;",
        *(f"    {kind}_temp_path {prefix}/{kind};" for kind in _TEMP_KINDS),
        f"    include {server_conf};",
        "}",
    ]
    return "\n".join(lines) + "\n"


_TEMP_KINDS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


@dataclass
class Preview:
    """A configured (not yet started) nginx for one site: its prefix folder and its address."""

    prefix: Path
    conf: Path
    url: str
    process: subprocess.Popen[bytes] | None = None

    def command(self, *extra: str) -> list[str]:
        return [NGINX, "-p", str(self.prefix), "-e", "stderr", "-c", str(self.conf), *extra]

    def check(self) -> str:
        """`nginx -t` on the config: its whole output (nginx writes it to stderr)."""
        done = subprocess.run(self.command("-t"), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise NginxError(f"nginx -t failed:\n{done.stderr}")
        return done.stderr


def configure(
    site_dir: Path,
    prefix: Path,
    port: int,
    subpath: str = "/",
    access_log: str | None = None,
) -> Preview:
    """Write the configs into `prefix` to serve `site_dir` at http://127.0.0.1:PORT/SUBPATH."""
    if not Path(NGINX).exists():
        raise NginxError("nginx is not installed: run `make nginx`")
    subpath = normal_subpath(subpath)
    brotli = BROTLI_MODULE.exists()
    root = site_dir.resolve()
    if subpath != "/":
        # nginx maps /muscle/x to <root>/muscle/x: give it a root holding the site under that name.
        root = prefix / "root"
        link = root / subpath.strip("/")
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(site_dir.resolve(), target_is_directory=True)
    server_conf = prefix / "server.conf"
    server_conf.write_text(server_block(root, f"127.0.0.1:{port}", subpath, brotli), "utf-8")
    conf = prefix / "nginx.conf"
    log = access_log or str(prefix / "access.log")
    conf.write_text(main_config(prefix, server_conf, log, brotli), encoding="utf-8")
    return Preview(prefix, conf, f"http://127.0.0.1:{port}{subpath}")


def wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    """Return once 127.0.0.1:PORT accepts connections; fail if nginx exits or takes too long."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NginxError(f"nginx exited with status {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise NginxError(f"nginx did not listen on 127.0.0.1:{port} within {START_TIMEOUT_S} s")


@contextlib.contextmanager
def serving(
    site_dir: Path, port: int, subpath: str = "/", access_log: str | None = None
) -> Iterator[Preview]:
    """nginx serving `site_dir` for the duration of the block, stopped (SIGTERM) after it."""
    with tempfile.TemporaryDirectory(prefix="nginx-preview-") as temp:
        preview = configure(site_dir, Path(temp), port, subpath, access_log)
        process = preview.process = subprocess.Popen(preview.command())
        try:
            wait_for_port(port, process)
            yield preview
        finally:
            process.terminate()
            process.wait(timeout=START_TIMEOUT_S)


def _stop(signum: int, frame: FrameType | None) -> None:
    """Turn SIGTERM into the same clean exit as Ctrl+C."""
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site_dir", nargs="?", default=ROOT / "site", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--subpath", default="/", help="serve the site under this path")
    parser.add_argument("--print", action="store_true", help="print the server block and exit")
    parser.add_argument("--root", default="/srv/why-am-i-losing-muscle/site", help="with --print")
    options = parser.parse_args()
    if options.print:
        print(server_block(options.root, subpath=normal_subpath(options.subpath)), end="")
        return
    if not (options.site_dir / "index.html").is_file():
        sys.exit(f"{options.site_dir} holds no built site: run `make build` first")
    signal.signal(signal.SIGTERM, _stop)
    try:
        with serving(options.site_dir, options.port, options.subpath, "/dev/stderr") as preview:
            print(f"nginx serves {options.site_dir} at {preview.url} (Ctrl+C stops)", flush=True)
            status = preview.process.wait() if preview.process else 0
            sys.exit(f"nginx stopped by itself (status {status})")
    except KeyboardInterrupt:
        print("nginx stopped", file=sys.stderr)
    except NginxError as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main()
