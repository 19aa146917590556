/*
 * Changes Material's bundle makes to every page as it starts, made here instead, in
 * <head>, before the body is parsed or styled, where they cost nothing.
 *
 * Made later, by the bundle at the end of <body>, each one made Chromium restyle every element
 * of the page (traces of the energy calculator, 752 elements, 4x CPU slowdown: 60 to 150 ms
 * each, inside the long task Lighthouse counts as blocking; README, "make lighthouse"):
 *
 * 1. `no-js` becomes `js` on <html>, and the bundle's focus-visible helper adds
 *    `js-focus-visible` (no stylesheet names that class). Material's stylesheet has rules like
 *    `.md-typeset table:not([class]) td > :first-child`, so Chromium treats a change to any
 *    element's class list as able to change the style of everything inside it; on <html> that
 *    is the whole page. Once the classes are there, the bundle's own calls change nothing.
 * 2. Instant navigation writes every relative address in the page as an absolute one
 *    (`link.href = link.href`). For a stylesheet link that loads and parses the sheet again and
 *    restyles the page with it. Done here, the stylesheets are swapped before anything uses
 *    them, and the bundle leaves absolute addresses alone.
 *
 * And one change that keeps the bundle working at all when the reader's browser blocks this
 * site's storage (Chrome's "Block all cookies", Safari's, a privacy extension), where reading
 * `localStorage` or `sessionStorage` throws a SecurityError:
 *
 * 3. Material keeps its settings through two helpers, `__md_get` and `__md_set`, defined by an
 *    inline script in <head> before this one. Both read the storage object as a default
 *    parameter, outside any try, so with storage blocked they threw: six page errors on a
 *    calculator, no palette switch and no search results. Wrapped here, blocked storage reads
 *    as nothing kept and a write is dropped, as the site's own modules already treat it.
 *
 * This file is a classic script listed after the stylesheets (overrides/main.html), so it runs
 * while the parser is still in <head>. Without JavaScript nothing changes: the page keeps `no-js`.
 */
(() => {
  "use strict";
  const root = document.documentElement;
  root.classList.replace("no-js", "js");
  root.classList.add("js-focus-visible");
  for (const link of /** @type {NodeListOf<HTMLLinkElement>} */ (
    document.querySelectorAll('link[rel~="stylesheet"][href]')
  )) {
    const address = link.getAttribute("href") || "";
    if (!/^(?:[a-z]+:)?\/\//i.test(address)) link.href = link.href;
  }
  const { __md_get: read, __md_set: write } = window;
  if (typeof read === "function" && typeof write === "function") {
    window.__md_get = (...args) => {
      try {
        return read(...args);
      } catch {
        return null;
      }
    };
    window.__md_set = (...args) => {
      try {
        write(...args);
      } catch {
        // storage blocked: nothing is kept, as when the reader clears it
      }
    };
  }
})();
