// Calculator pages: mount a controller (calculator-page.mjs) on every calculator a page shows.
// Material emits document$ on the first load and after every instant navigation, so the module
// and its client of the one Python worker (worker-client.mjs) stay loaded from page to page. Other pages start
// Python only when the reader heads for a calculator (python-intent.mjs).

import { Calculator } from "./calculator-page.mjs";
import { startOnIntent } from "./python-intent.mjs";
import { stageWarningSigns } from "./warning-signs.mjs";

function mount() {
  for (const root of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".mc-calculator:not([data-mounted])"))) {
    root.dataset.mounted = "true";
    new Calculator(root);
    stageWarningSigns(root);
  }
  startOnIntent();
}

if (typeof document$ !== "undefined") document$.subscribe(mount);
else mount();
