// Taking the reader to another part of a calculator without touching the page's address: the
// address holds the calculator's inputs in its fragment (or, on the self-check, nothing at all),
// so an in-page link there is not followed, nor passed on to Material's instant navigation,
// which would push its anchor into the address and the history.

/** Scroll so an element starts just below what sticks to the top of the screen: Material's
 *  header and, on a narrow screen, the calculator's headline.
 *  @param {HTMLElement} root  a `.mc-calculator`  @param {HTMLElement} element */
export function scrollBelowHeader(root, element) {
  let covered = document.querySelector(".md-header")?.getBoundingClientRect().height ?? 0;
  const glance = /** @type {HTMLElement | null} */ (root.querySelector(".mc-glance"));
  if (glance && getComputedStyle(glance).display !== "none") covered += glance.offsetHeight;
  scrollBy({ top: element.getBoundingClientRect().top - covered - 8, behavior: "instant" });
}

/** Make `link` take the reader to the element `target()` finds (when it finds one): scrolled
 *  below the header and focused, as following a link to it would, with the address unchanged.
 *  @param {HTMLElement} root  a `.mc-calculator`
 *  @param {Element | null} link
 *  @param {() => HTMLElement | null} target */
export function jumpWithoutAddress(root, link, target) {
  link?.addEventListener("click", (event) => {
    const element = target();
    if (!element) return;
    event.preventDefault();
    event.stopPropagation();
    element.tabIndex = -1;
    scrollBelowHeader(root, element);
    element.focus({ preventScroll: true });
  });
}
