// What the page's scripts use beyond TypeScript's DOM library (types/page.json).

/** Enough of RxJS's Observable for `subscribe`: Material's `document$` emits the document on the
 *  first load and after every instant navigation. */
interface MaterialObservable<T> {
  subscribe(next: (value: T) => void): { unsubscribe(): void };
}

/** Material for MkDocs' global (absent where its bundle did not load). */
declare var document$: MaterialObservable<Document> | undefined;

/** The Network Information API (Chromium only, so not in TypeScript's DOM library): what
 *  python-intent.mjs reads to leave readers who save data alone. */
interface Navigator {
  readonly connection?: { readonly saveData?: boolean; readonly effectiveType?: string };
}
