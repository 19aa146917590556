"""Debian's Chromium driven by Playwright: a visit that records what leaves loopback and what
goes wrong, and the element hooks the calculators' pages carry."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "BLOCKED_STORAGE",
    "CACHED_URLS",
    "KEPT",
    "KEPT_ON_DEVICE",
    "LAPTOP",
    "PHONE",
    "Visit",
    "control",
    "error_for",
    "open_visit",
]

#: Web Storage as a browser that blocks this site's data has it (Chrome's "Block all cookies",
#: Safari, privacy extensions): touching `localStorage` or `sessionStorage` throws a
#: SecurityError. Playwright has no switch for that, so ``page.add_init_script`` installs this
#: before any of the page's scripts run. Each caller's stack is kept in `window.storageCallers`,
#: so a test can tell who read the storage.
BLOCKED_STORAGE = """
window.storageCallers = [];
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {
    configurable: true,
    get() {
      window.storageCallers.push(new Error().stack);
      throw new DOMException("The operation is insecure.", "SecurityError");
    },
  });
}
"""

#: The reference phone the issues measure at (an iPhone 12 to 15 in CSS pixels).
PHONE = {"width": 390, "height": 844}
#: The reference laptop screen the desktop checks measure at.
LAPTOP = {"width": 1280, "height": 800}

#: Shown once the service worker has kept the page for offline reading (offline.mjs).
KEPT = "html[data-offline=kept]"
#: Every request URL in the page's Cache Storage, for ``page.evaluate``.
CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}"""


def control(calculator: str, key: str) -> str:
    """A selector for the control of a field, by its error key ("weight", "entries.2.sets")."""
    return f'#mc-{calculator} [data-key="{key}"]'


def error_for(calculator: str, key: str) -> str:
    """A selector for the message shown beside a field, by its error key."""
    return f'#mc-{calculator} [data-error-for="{key}"]'


#: Everything the page can see that the browser keeps: the address, the session history's
#: entries (the Navigation API lists this tab's same-origin ones), every Cache Storage key,
#: Web Storage and IndexedDB's databases with all their records.
KEPT_ON_DEVICE = """async () => {
  const dump = (storage) => Object.fromEntries(Object.entries(storage));
  const databases = [];
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    for (const store of db.objectStoreNames) {
      const records = await new Promise((ok) => {
        const all = db.transaction(store).objectStore(store).getAll();
        all.onsuccess = () => ok(all.result);
      });
      databases.push([name, store, records]);
    }
    db.close();
  }
  const urls = [];
  for (const name of await caches.keys()) {
    urls.push(name);
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return JSON.stringify({
    address: location.href,
    history: navigation.entries().map((entry) => entry.url),
    state: history.state,
    caches: urls,
    local: dump(localStorage),
    session: dump(sessionStorage),
    databases,
  });
}"""


@dataclass
class Visit:
    """A fresh browser context and page that records what leaves loopback and what goes wrong."""

    page: Any
    base_url: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    workers: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        self.page.goto(self.base_url + path.lstrip("/"))

    @property
    def foreign_requests(self) -> list[str]:
        return [
            url
            for url in self.requests
            if urlsplit(url).hostname not in {"127.0.0.1", "localhost"}
            and not url.startswith(("data:", "blob:"))
        ]

    def wait_ready(self, calculator: str, timeout: float = 60_000) -> None:
        self.page.wait_for_selector(
            f"#mc-{calculator} .mc-status[data-state=ready]", timeout=timeout
        )

    def assert_clean(self) -> None:
        assert self.foreign_requests == [], "requests left loopback"
        assert self.console_errors == [], f"the console reported errors: {self.console_errors}"


def wait_for_summary(visit: Visit, name: str, text: str, timeout: float = 30_000) -> None:
    """Wait until calculator `name`'s answer summary on the page reads `text`."""
    visit.page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.textContent === text",
        arg=[f"#mc-{name}-answer .mc-summary", text],
        timeout=timeout,
    )


def open_visit(
    browser: Any, site_url: str, *, service_workers: str = "block", **context_options: Any
) -> Visit:
    """A new browser context (empty cache) with one page, recording requests and errors.

    The site's service worker is blocked unless a test asks for it: requests it answers never
    reach Playwright's routes, so a test that injects failures would test the worker's cache.
    The offline and privacy tests run with it (``service_workers="allow"``)."""
    context = browser.new_context(service_workers=service_workers, **context_options)
    page = context.new_page()
    visit = Visit(page, site_url)
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on(
        "console",
        lambda message: message.type == "error" and visit.console_errors.append(message.text),
    )
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    page.on("worker", lambda worker: visit.workers.append(worker.url))
    return visit
