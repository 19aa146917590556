// The Node side of sitebuild.node's `run_json`: a script that reads one JSON request on stdin
// and prints one JSON reply on stdout. The build's snapshot maker (make_snapshot.mjs) and the
// Python tests' Node scripts (tests/calculators/*.mjs) run this way.

/**
 * Run `main` on the JSON request on stdin and print its reply as JSON on stdout. A failure is one
 * line on stderr, "NAME failed: REASON", and exit code 1 (with `stack`, the reason is the whole
 * stack; without, its message only: Node's default report would print Pyodide's minified code).
 * @template Request, Reply
 * @param {string} name  the script's file name
 * @param {(request: Request) => Promise<Reply>} main
 * @param {{stack?: boolean}} [options]
 */
export async function runJsonScript(name, main, { stack = false } = {}) {
  try {
    /** @type {Buffer[]} */
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    process.stdout.write(JSON.stringify(await main(request)));
  } catch (error) {
    const reason = error instanceof Error ? (stack ? error.stack : error.message) : String(error);
    process.stderr.write(`${name} failed: ${reason}\n`);
    process.exitCode = 1;
  }
}

/** @param {string} line */
const toStderr = (line) => process.stderr.write(`${line}\n`);

/** Pyodide's `stdout` and `stderr` options: what Python prints goes to stderr, so stdout carries
 *  only the reply. */
export const printToStderr = { stdout: toStderr, stderr: toStderr };
