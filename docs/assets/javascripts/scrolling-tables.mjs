// A guide table wider than the reader's screen scrolls sideways inside Material's box. A box that
// scrolls must be reachable without a mouse, so while it scrolls it is a keyboard stop (the arrow
// keys then scroll it) and a region named after the heading above it; a box that fits the screen
// is left out of the tab order. The build writes each box's name (data-scroll-name,
// sitebuild/table_wrappers.py); this only switches it on and off as the box's width changes, which
// a ResizeObserver reports after layout, so reading the widths forces no extra layout.

/** @param {HTMLElement} box */
function markIfScrolling(box) {
  const scrolls = box.scrollWidth > box.clientWidth;
  if (scrolls === box.hasAttribute("tabindex")) return;
  if (scrolls) {
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", box.dataset.scrollName ?? "");
  } else {
    for (const name of ["tabindex", "role", "aria-label"]) box.removeAttribute(name);
  }
}

const observer = new ResizeObserver((entries) => {
  for (const { target } of entries) markIfScrolling(/** @type {HTMLElement} */ (target));
});

/** Watch this page's boxes only: those of the page instant navigation left are let go. */
function watchTables() {
  observer.disconnect();
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap[data-scroll-name]")) observer.observe(box);
}

// Material emits document$ on the first load and after each instant navigation.
if (typeof document$ !== "undefined") document$.subscribe(watchTables);
else watchTables();
