// What the workers use beyond TypeScript's WebWorker library (types/workers.json).

/** The runtime's manifest (runtime.json), written into calculator-worker.mjs by the build
 *  (sitebuild.runtime_cache); its paths are relative to assets/pyodide/. */
interface RuntimeManifest {
  module_url: string;
  index_url: string;
  wasm_url: string;
  wasm_bytes: number;
  wasm_sha256_blocks: string[];
  sha256_block_bytes: number;
  stdlib_url: string;
  lock_file_url: string;
  wheel: string;
  wheel_sha256: string;
  snapshot_url: string;
  snapshot_bytes: number;
  snapshot_memory_bytes: number;
  snapshot_sha256_blocks: string[];
  snapshot_stdlib_url: string;
}

interface WorkerGlobalScope {
  /** calculator-worker.mjs: the manifest the build wrote in (undefined in an unbuilt copy). */
  __MUSCLECALC_RUNTIME__?: RuntimeManifest;
  /** service-worker.js: Workbox's precache list, written in by the build (sitebuild.offline). */
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
}

/** service-worker.js: deploy/nginx.conf's rule for files kept for good, a regular expression's
 *  source written in by the build. */
declare const __VERSIONED__: string;

/** workbox-sw's global: each module loads on first use, with the types of its own package. */
declare const workbox: {
  setConfig(config: { modulePathPrefix?: string; debug?: boolean }): void;
  cacheableResponse: typeof import("workbox-cacheable-response");
  core: typeof import("workbox-core");
  precaching: typeof import("workbox-precaching");
  routing: typeof import("workbox-routing");
  strategies: typeof import("workbox-strategies");
};
