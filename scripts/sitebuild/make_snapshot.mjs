// Make the calculators' memory snapshot and the trimmed standard library, under Node, with the
// same Pyodide files the site serves (called by sitebuild/snapshot.py; no network).
//
// stdin:  {"runtime": "/dir with pyodide.mjs, pyodide.asm.*, python_stdlib.zip",
//          "sources": {"musclecalc/__init__.py": "...", ...},   // written into site-packages
//          "warm": "Python code that calls every calculator once",
//          "lock_file": "/path/pyodide-lock.json",
//          "out": "/dir"}                                      // gets python_stdlib.zip, snapshot.bin
// stdout: {"modules": [...], "zip_files": N, "snapshot_bytes": N, "build_id": "..."}
//
// Two interpreters, one after the other:
// 1. a normal start with the full standard library runs the warm-up and lists every module that
//    came from the library's zip; Python's own zipfile then writes a zip holding only those;
// 2. a start with that trimmed zip and `_makeSnapshot` runs the same warm-up and snapshots its
//    memory. zipimport's table of the zip's contents is part of that memory, so the browser must
//    be given exactly this zip with this snapshot (both are named by a hash of their contents).
// musclecalc's sources are written straight into site-packages (loadPackage leaves JavaScript
// references behind that a snapshot refuses), and imported by the warm-up, so the snapshot holds
// them as loaded modules; the browser never needs their files.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const readStdin = async () => {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
};

const quiet = { stdout: (line) => process.stderr.write(`${line}\n`), stderr: (line) => process.stderr.write(`${line}\n`) };

const LIST_MODULES = `
import json, sys
_zip = sys.path[[p.endswith('.zip') for p in sys.path].index(True)]
_names = set()
for _module in list(sys.modules.values()):
    _file = getattr(_module, '__file__', None) or ''
    if _file.startswith(_zip + '/'):
        _names.add(_file[len(_zip) + 1:])
json.dumps([_zip, sorted(_names)])
`;

// Python (the first interpreter's) copies the listed members, with their folders and their
// original dates and compression, into a new zip: the same bytes for the same list.
const WRITE_ZIP = `
import zipfile
def _trim(source, target, names):
    keep = set(names)
    for name in names:
        parts = name.split('/')[:-1]
        keep.update('/'.join(parts[:i]) + '/' for i in range(1, len(parts) + 1))
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, 'w') as new:
        for info in old.infolist():
            if info.filename in keep:
                new.writestr(info, old.read(info.filename), compress_type=info.compress_type)
    return len(keep)
_trim
`;

async function boot(loadPyodide, request, options) {
  const { runtime, sources } = request;
  const pyodide = await loadPyodide({ indexURL: runtime + "/", lockFileURL: request.lock_file, ...quiet, ...options });
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  for (const [path, text] of Object.entries(sources)) {
    const file = `${sitePackages}/${path}`;
    pyodide.FS.mkdirTree(file.slice(0, file.lastIndexOf("/")));
    pyodide.FS.writeFile(file, text);
  }
  return pyodide;
}

// What the browser's worker does after a start, so everything it touches is loaded already.
function warmUp(pyodide, warm) {
  pyodide.runPython(warm);
  const bridge = pyodide.pyimport("musclecalc.bridge");
  bridge.destroy();
  pyodide.runPython("import sys; sys.version.split()[0]");
}

const main = async () => {
  const request = await readStdin();
  const { loadPyodide } = await import(pathToFileURL(join(request.runtime, "pyodide.mjs")).href);

  const full = await boot(loadPyodide, request, {});
  warmUp(full, request.warm);
  const [zipPath, modules] = JSON.parse(full.runPython(LIST_MODULES));
  const trimmed = "/tmp/python_stdlib.zip";
  const trim = full.runPython(WRITE_ZIP);
  const zipFiles = trim(zipPath, trimmed, modules);
  trim.destroy();
  const zipBytes = full.FS.readFile(trimmed);
  const zipOut = join(request.out, "python_stdlib.zip");
  writeFileSync(zipOut, zipBytes);

  const snap = await boot(loadPyodide, request, {
    stdLibURL: zipOut,
    _makeSnapshot: true,
  });
  warmUp(snap, request.warm);
  const [, again] = JSON.parse(snap.runPython(LIST_MODULES));
  const missing = modules.filter((name) => !again.includes(name));
  if (missing.length) throw new Error(`the trimmed library lost modules: ${missing.join(", ")}`);
  const snapshot = snap.makeMemorySnapshot();
  writeFileSync(join(request.out, "snapshot.bin"), snapshot);
  return { modules, zip_files: zipFiles, snapshot_bytes: snapshot.length };
};

try {
  process.stdout.write(JSON.stringify(await main()));
} catch (error) {
  process.stderr.write(`make_snapshot.mjs failed: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
}
