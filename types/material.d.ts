// What the page's scripts use beyond TypeScript's DOM library (types/page.json).

/** Enough of RxJS's Observable for `subscribe`: Material's `document$` emits the document on the
 *  first load and after every instant navigation. */
interface MaterialObservable<T> {
  subscribe(next: (value: T) => void): { unsubscribe(): void };
}

/** Material for MkDocs' global (absent where its bundle did not load). */
declare var document$: MaterialObservable<Document> | undefined;

/** Material's settings helpers, from its inline script in <head> (before-first-render.js wraps
 *  them): read a kept value (or null), keep one. The storage defaults to localStorage. */
declare var __md_get: ((key: string, storage?: Storage, scope?: URL) => unknown) | undefined;
declare var __md_set: ((key: string, value: unknown, storage?: Storage, scope?: URL) => void) | undefined;

/** The Network Information API (Chromium only, so not in TypeScript's DOM library): what
 *  python-intent.mjs reads to leave readers who save data alone. */
interface Navigator {
  readonly connection?: { readonly saveData?: boolean; readonly effectiveType?: string };
}
