/*
 * Says in plain words when the server sends the site's modules with a type browsers refuse.
 *
 * Debian's own nginx types (and some other hosts') have no entry for .mjs, so a server set up
 * without the site's config sends the modules as application/octet-stream. Browsers then never
 * run them: no calculator, no search, and nothing on the page says why. This file is a classic
 * script (.js, a type every server knows), deferred and listed before the modules, so it runs
 * first and hears a module fail to load. It then asks the server for that module's type (one
 * HEAD request, only after a failure) and, if the type is the cause, says so in each
 * calculator's status line, or at the top of the page where there is no calculator. Modules
 * that load never trigger it.
 */
(() => {
  "use strict";
  const SCRIPT_TYPES = new Set(["text/javascript", "application/javascript", "application/x-javascript"]);
  let message = "";
  let checking = false;

  function show() {
    const statuses = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".mc-status"));
    const top = statuses.length ? null : topOfPage();
    const places = statuses.length ? [...statuses] : top ? [top] : [];
    for (const status of places) {
      status.dataset.state = "error";
      const text = status.querySelector(".mc-status__text") || status;
      text.textContent = message;
      const repository = /** @type {HTMLAnchorElement | null} */ (document.querySelector("a.md-source"));
      if (repository) {
        const link = document.createElement("a");
        link.href = `${repository.href.replace(/#.*$/, "")}#self-hosting`;
        link.textContent = "How to set up the server";
        text.append(" ", link);
      }
    }
  }

  /** @returns {HTMLElement | null} the notice at the top of the page's content */
  function topOfPage() {
    const content = document.querySelector(".md-content__inner");
    if (!content) return null;
    let notice = /** @type {HTMLElement | null} */ (content.querySelector(".mc-server-check"));
    if (!notice) {
      notice = document.createElement("p");
      notice.className = "mc-status mc-server-check";
      notice.setAttribute("role", "status");
      content.prepend(notice);
    }
    return notice;
  }

  /** @param {string} address  a module that did not load */
  async function check(address) {
    let response;
    try {
      response = await fetch(address, { method: "HEAD", cache: "no-store" });
    } catch {
      return; // offline or blocked: not a type problem, and other messages cover a failed start
    }
    const type = (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
    if (!response.ok || SCRIPT_TYPES.has(type)) return;
    const name = new URL(address).pathname.split("/").pop();
    message =
      `This copy of the site is not set up right: its server sends the site's scripts (.mjs ` +
      `files such as ${name}) as “${type || "no type"}” instead of “text/javascript”, so ` +
      `browsers refuse to run them and the calculators and search cannot work. Whoever runs ` +
      `the site can fix it in the server's settings (see “Self-hosting” in the site's README).`;
    show();
  }

  addEventListener(
    "error",
    (event) => {
      const script = event.target;
      if (checking || !(script instanceof HTMLScriptElement) || script.type !== "module") return;
      if (!script.src) return;
      checking = true;
      check(script.src);
    },
    true,
  );

  // Material's instant navigation swaps the page's content: say it again on each new page.
  if (window.document$) window.document$.subscribe(() => message && show());
})();
