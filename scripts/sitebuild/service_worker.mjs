// Build the site's service worker with Workbox (npm `workbox-build`), for sitebuild.offline.
//
//   node service_worker.mjs '{"site", "template", "deploy", "runtime": [...], "precache": [...]}'
//
// Copies Workbox's own runtime into <site>/assets/javascripts/workbox/ (production builds only:
// the service worker and the page load it from the site, never from a CDN), fills the template's
// placeholders, and lets injectManifest write <site>/sw.js with the precache list: the offline
// page and its few small scripts, nothing else. Prints what it wrote as JSON.

import { copyWorkboxLibraries, injectManifest } from "workbox-build";
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const KEEP = /^workbox-(sw\.js|[a-z-]+\.prod\.js|window\.prod\.mjs)$/;

async function copyRuntime(site) {
  const parent = path.join(site, "assets", "javascripts");
  const target = path.join(parent, "workbox");
  await rm(target, { recursive: true, force: true });
  const copied = await copyWorkboxLibraries(parent);
  await rename(path.join(parent, copied), target);
  for (const name of await readdir(target)) {
    if (!KEEP.test(name)) await rm(path.join(target, name));
  }
  return (await readdir(target)).sort();
}

async function main() {
  const options = JSON.parse(process.argv[2]);
  const runtime = await copyRuntime(options.site);
  let source = await readFile(options.template, "utf8");
  for (const [placeholder, value] of [
    ["__DEPLOY__", options.deploy],
    ["__RUNTIME_FILES__", JSON.stringify(options.runtime)],
  ]) {
    if (source.split(placeholder).length !== 2) throw new Error(`${placeholder} must occur once`);
    source = source.replace(placeholder, value);
  }
  const scratch = await mkdtemp(path.join(tmpdir(), "sw-"));
  try {
    const swSrc = path.join(scratch, "sw.js");
    await writeFile(swSrc, source);
    const { count, size, warnings } = await injectManifest({
      swSrc,
      swDest: path.join(options.site, "sw.js"),
      globDirectory: options.site,
      globPatterns: options.precache,
    });
    if (warnings.length) throw new Error(warnings.join("\n"));
    console.log(JSON.stringify({ precached: count, bytes: size, workbox: runtime }));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
