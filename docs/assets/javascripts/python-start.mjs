// Calculator pages load this from <head> (right after the runtime's <meta> tag), ahead of the
// theme's scripts and the page's own: starting Python is the longest wait on the page, so the
// worker starts while the rest of the page is still arriving. calculators.mjs imports the same
// worker-client.mjs later and finds the start under way.
import { python } from "./worker-client.mjs";

python.start().catch(() => {});  // a failure is shown by the calculator, with a retry
