// Calculator pages: mount a controller (calculator-page.mjs) on every calculator a page shows.
// Material emits document$ on the first load and after every instant navigation, so the module
// and its one Python worker (python-worker.mjs) stay loaded from page to page.

import { Calculator } from "./calculator-page.mjs";

function mount() {
  for (const root of document.querySelectorAll(".mc-calculator:not([data-mounted])")) {
    root.dataset.mounted = "true";
    new Calculator(root);
  }
}

if (typeof document$ !== "undefined") document$.subscribe(mount);
else mount();
