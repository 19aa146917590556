"""Serve a built site with the shipped nginx config on the real nginx, or print that config.

    python -m sitebuild.nginx [SITE_DIR] [--port 8000] [--subpath /muscle/]   # serve, foreground
    python -m sitebuild.nginx --print [--root DIR]                  # the server block
    python -m sitebuild.nginx --print --subpath /muscle/ --root DIR  # the locations for a subpath

The shipped config is deploy/nginx.conf (a server block), deploy/subpath.conf (two locations for
a host's own server block, with `alias`) and the two snippets both include from
deploy/snippets/why-am-i-losing-muscle/ (site.conf: the site's rules; headers.conf: the headers
every response carries). `make preview` and the tests use it: the server block with `listen` and
`root` set for the occasion, the snippets copied beside it, in a small main config whose pid file,
logs and temporary folders live in a fresh temporary prefix (which is also nginx's configuration
folder, so the shipped `include` lines find the snippets), so nginx runs as any user and in the
foreground (`daemon off`). SIGTERM or Ctrl+C stops it. The brotli_static line stays only where
the module is installed (Debian: libnginx-mod-http-brotli-static, `make nginx`).
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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from . import ROOT

DEPLOY_DIR = ROOT / "deploy"
DEPLOY_CONF = DEPLOY_DIR / "nginx.conf"
SUBPATH_CONF = DEPLOY_DIR / "subpath.conf"
#: The snippets' folder, as the shipped files include it (relative to nginx's config folder).
SNIPPETS = "snippets/why-am-i-losing-muscle"
SITE_SNIPPET = DEPLOY_DIR / SNIPPETS / "site.conf"
HEADERS_SNIPPET = DEPLOY_DIR / SNIPPETS / "headers.conf"
#: Debian's own types, which a plain nginx without the shipped config uses.
DEBIAN_MIME_TYPES = Path("/etc/nginx/mime.types")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
START_TIMEOUT_S = 10.0


class NginxError(Exception):
    """nginx is missing, rejected the config, or did not start."""


def normal_subpath(subpath: str) -> str:
    """``muscle`` or ``/muscle`` → ``/muscle/``; ``/`` stays ``/``.

    >>> normal_subpath("muscle"), normal_subpath("/")
    ('/muscle/', '/')
    """
    inner = subpath.strip("/")
    return f"/{inner}/" if inner else "/"


def immutable_addresses() -> str:
    """The pattern of the addresses the shipped config keeps for good (the one location of
    site.conf that sends `immutable`). It is written in the part of PCRE that Python's `re` and
    JavaScript's RegExp read alike, so the local server (sitebuild.server) and the service worker
    (sitebuild.offline) follow the same rule as the shipped config."""
    found = re.findall(
        r'^\s*location ~ "([^"]+)" \{\n\s*add_header Cache-Control "[^"]*\bimmutable"',
        SITE_SNIPPET.read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    if len(found) != 1:
        raise NginxError(
            f"{SITE_SNIPPET}: expected one location that sends immutable, found {len(found)}"
        )
    return str(found[0])


_ADD_HEADER = re.compile(r'^add_header ([\w-]+) (?:"([^"]*)"|(\S+)) always;$', re.MULTILINE)


def shipped_headers(text: str | None = None) -> dict[str, str]:
    """The headers headers.conf sends on every response (its lines that are not comments).

    >>> shipped_headers('add_header X-Frame-Options DENY always;\\n# add_header A "b" always;')
    {'X-Frame-Options': 'DENY'}
    """
    text = HEADERS_SNIPPET.read_text(encoding="utf-8") if text is None else text
    return {name: quoted or bare for name, quoted, bare in _ADD_HEADER.findall(text)}


def _replace_line(text: str, pattern: str, new: str, source: Path = DEPLOY_CONF) -> str:
    """Replace the one line matching `pattern` (a whole, indented directive) with `new`."""
    regex = re.compile(rf"^(\s*){pattern}$", re.MULTILINE)
    found = regex.findall(text)
    if len(found) != 1:
        raise NginxError(f"{source}: expected one line matching {pattern!r}, found {len(found)}")
    return regex.sub(lambda match: match.group(1) + new, text)


def subpath_snippet(subpath: str, alias: Path | str) -> str:
    """deploy/subpath.conf for the site at `subpath` of a host, its built folder at `alias`."""
    subpath = normal_subpath(subpath)
    if subpath == "/":
        raise NginxError("a subpath snippet needs a subpath other than /")
    text = SUBPATH_CONF.read_text(encoding="utf-8")
    text = _replace_line(text, r"location = \S+ \{", f"location = {subpath[:-1]} {{", SUBPATH_CONF)
    text = _replace_line(text, r"return 301 \S+;", f"return 301 {subpath};", SUBPATH_CONF)
    text = _replace_line(text, r"location \^~ \S+ \{", f"location ^~ {subpath} {{", SUBPATH_CONF)
    text = _replace_line(text, r"alias \S+;", f"alias {str(alias).rstrip('/')}/;", SUBPATH_CONF)
    return _replace_line(
        text, r"error_page 404 \S+;", f"error_page 404 {subpath}404.html;", SUBPATH_CONF
    )


_ROOT_LOCATION = re.compile(r"^    location / \{\n.*?^    \}\n", re.MULTILINE | re.DOTALL)


def server_block(
    root: Path | str,
    listen: str = "80",
    subpath: str = "/",
    site_dir: Path | str | None = None,
    host_rules: str = "",
) -> str:
    """deploy/nginx.conf for a site whose built folder is `root`; or, with a `subpath`, a host
    whose own root is `root` and whose server block holds deploy/subpath.conf for `site_dir`,
    after the host's own `host_rules` (locations of the host's that the snippet must survive)."""
    text = DEPLOY_CONF.read_text(encoding="utf-8")
    text = _replace_line(text, r"listen \S+;", f"listen {listen};")
    text = _replace_line(text, r"root \S+;", f"root {root};")
    if normal_subpath(subpath) == "/":
        return text
    if site_dir is None:
        raise NginxError("serving under a subpath needs the built folder (site_dir)")
    if len(_ROOT_LOCATION.findall(text)) != 1:
        raise NginxError(f"{DEPLOY_CONF}: expected one `location / {{ ... }}` block")
    inner = host_rules + "\n" + subpath_snippet(subpath, site_dir)
    indented = "".join(f"    {line}" if line.strip() else line for line in inner.splitlines(True))
    return _ROOT_LOCATION.sub(lambda _: indented, text)


def plain_server_block(root: Path | str, listen: str) -> str:
    """A server as a fresh Debian nginx has it, without the shipped config: the host's
    mime.types and nothing else (what `make check-host` and the page's server check catch)."""
    return (
        "server {\n"
        f"    listen {listen};\n"
        f"    root {root};\n"
        "    index index.html;\n"
        f"    include {DEBIAN_MIME_TYPES};\n"
        "    default_type application/octet-stream;\n"
        "}\n"
    )


def write_snippets(prefix: Path, brotli: bool = True, extra_headers: Sequence[str] = ()) -> Path:
    """Copy the shipped snippets into `prefix`/snippets/..., where the shipped `include` lines
    find them when `prefix` is nginx's configuration folder. `extra_headers` are `add_header`
    lines appended to headers.conf, as an operator would add HSTS."""
    folder = prefix / SNIPPETS
    folder.mkdir(parents=True, exist_ok=True)
    site = SITE_SNIPPET.read_text(encoding="utf-8")
    if not brotli:
        site = _replace_line(
            site, r"brotli_static on;", "# brotli_static: module not installed", SITE_SNIPPET
        )
    (folder / "site.conf").write_text(site, encoding="utf-8")
    headers = HEADERS_SNIPPET.read_text(encoding="utf-8")
    headers += "".join(f"{line}\n" for line in extra_headers)
    (folder / "headers.conf").write_text(headers, encoding="utf-8")
    return folder


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
    *,
    shipped: bool = True,
    extra_headers: Sequence[str] = (),
    host_rules: str = "",
) -> Preview:
    """Write the configs into `prefix` to serve `site_dir` at http://127.0.0.1:PORT/SUBPATH.

    At `/` the server block is deploy/nginx.conf; under a subpath, a host's server block with
    deploy/subpath.conf in it (the site reached through `alias`, the host's root an empty
    folder). `shipped=False` serves the site as a plain Debian nginx would, without the config."""
    if not Path(NGINX).exists():
        raise NginxError("nginx is not installed: run `make nginx`")
    subpath = normal_subpath(subpath)
    brotli = shipped and BROTLI_MODULE.exists()
    site_dir = site_dir.resolve()
    listen = f"127.0.0.1:{port}"
    server_conf = prefix / "server.conf"
    if not shipped:
        if subpath != "/":
            raise NginxError("the plain server serves the site at / only")
        server = plain_server_block(site_dir, listen)
    elif subpath == "/":
        server = server_block(site_dir, listen)
    else:
        host_root = prefix / "host-root"
        host_root.mkdir()
        server = server_block(host_root, listen, subpath, site_dir, host_rules)
    write_snippets(prefix, brotli, extra_headers)
    server_conf.write_text(server, encoding="utf-8")
    conf = prefix / "nginx.conf"
    log = access_log or str(prefix / "access.log")
    conf.write_text(main_config(prefix, server_conf, log, brotli), encoding="utf-8")
    return Preview(prefix, conf, f"http://127.0.0.1:{port}{subpath}")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now, for `serving`."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ensure_port_free(port: int) -> None:
    """Fail if something already listens on 127.0.0.1:PORT: `wait_for_port` would take that
    server's answer for nginx's, while nginx itself failed to bind (seen with an nginx left over
    from an interrupted run, which then served every page instead of the site asked for)."""
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
        raise NginxError(f"127.0.0.1:{port} is already in use: stop what listens there first")


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
    site_dir: Path,
    port: int,
    subpath: str = "/",
    access_log: str | None = None,
    **options: Any,
) -> Iterator[Preview]:
    """nginx serving `site_dir` for the duration of the block, stopped (SIGTERM) after it.
    `options` are configure()'s keyword options."""
    with tempfile.TemporaryDirectory(prefix="nginx-preview-") as temp:
        preview = configure(site_dir, Path(temp), port, subpath, access_log, **options)
        ensure_port_free(port)
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
    parser.add_argument(
        "--print",
        action="store_true",
        help="print the server block (with --subpath: the locations for a host's server block)",
    )
    parser.add_argument(
        "--root", default="/srv/why-am-i-losing-muscle/site", help="the built folder, with --print"
    )
    options = parser.parse_args()
    if options.print:
        subpath = normal_subpath(options.subpath)
        if subpath == "/":
            print(server_block(options.root), end="")
        else:
            print(subpath_snippet(subpath, options.root), end="")
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
