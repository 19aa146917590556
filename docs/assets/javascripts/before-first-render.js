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
})();
