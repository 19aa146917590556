// A memory snapshot is the interpreter's whole memory, taken after Python has started. Its first
// megabytes are the interpreter's constant data, which the browser already downloads inside
// pyodide.asm.wasm (the binary's data segments), and most of those bytes Python never changes.
// So the build stores the snapshot with the data segments XOR-ed out: every byte Python did not
// change becomes zero and compresses to almost nothing (about 1.3 MB less brotli on the wire).
// The worker XORs them back in before the restore. XOR undoes itself, so one function does both,
// here, for the build (scripts/sitebuild/make_snapshot.mjs) and the browser
// (calculator-worker.mjs) alike.

const DATA_SECTION = 11;
const I32_CONST = 0x41;
const END = 0x0b;

/** An error in the binary's layout: the snapshot is then not used (the build fails). */
export class WasmLayoutError extends Error {}

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
  }

  byte() {
    if (this.at >= this.bytes.length) throw new WasmLayoutError("the interpreter file ends early");
    return this.bytes[this.at++];
  }

  /** An unsigned LEB128 number (up to 32 bits). */
  unsigned() {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
    throw new WasmLayoutError("a number in the interpreter file is too long");
  }

  /** A signed LEB128 number (an i32.const), as the unsigned address it stands for. */
  address() {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = this.byte();
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80 && shift < 35);
    if (shift < 32 && byte & 0x40) value |= -1 << shift;
    return value >>> 0;
  }
}

/** The active data segments of a WebAssembly binary, as `[address, bytes]` pairs. Passive
 * segments (placed by code at run time) are left out: their bytes stay in the snapshot as they are. */
export function dataSegments(wasm) {
  const reader = new Reader(wasm);
  reader.at = 8;  // magic number and version
  while (reader.at < wasm.length) {
    const id = reader.byte();
    const size = reader.unsigned();
    const end = reader.at + size;
    if (id !== DATA_SECTION) {
      reader.at = end;
      continue;
    }
    const segments = [];
    for (let count = reader.unsigned(); count > 0; count--) {
      const flags = reader.unsigned();
      let address = null;
      if (flags === 0 || flags === 2) {
        if (flags === 2 && reader.unsigned() !== 0) throw new WasmLayoutError("a data segment is for a second memory");
        if (reader.byte() !== I32_CONST) throw new WasmLayoutError("a data segment's address is not a constant");
        address = reader.address();
        if (reader.byte() !== END) throw new WasmLayoutError("a data segment's address is not a constant");
      } else if (flags !== 1) {
        throw new WasmLayoutError(`unknown data segment kind ${flags}`);
      }
      const length = reader.unsigned();
      if (address !== null) segments.push([address, wasm.subarray(reader.at, reader.at + length)]);
      reader.at += length;
    }
    return segments;
  }
  return [];
}

/** XOR the data segments of `wasm` into the memory inside `snapshot` (Pyodide's format: a
 * header whose length is the second 32-bit word, then the memory), in place; returns `snapshot`. */
export function toggleInterpreterData(snapshot, wasm) {
  if (snapshot.length < 8) throw new WasmLayoutError("the snapshot is too short");
  const memoryStart = new DataView(snapshot.buffer, snapshot.byteOffset, 8).getUint32(4, true);
  for (const [address, data] of dataSegments(wasm)) {
    const start = memoryStart + address;
    if (start + data.length > snapshot.length) throw new WasmLayoutError("the snapshot is smaller than the interpreter's memory");
    for (let i = 0; i < data.length; i++) snapshot[start + i] ^= data[i];
  }
  return snapshot;
}

// Most of the memory is zero pages. The browser decodes brotli to the full 31 MB and hands every
// byte to the worker, so the stored file leaves them out: "msnp", the image's length, the number
// of runs of non-zero pages, each run's [offset, length] (32-bit little-endian), then the runs'
// bytes one after another.
const MAGIC = 0x706e736d;  // "msnp"
const PAGE = 4096;

/** The image without its zero pages (the build's side). */
export function packZeroPages(image) {
  const runs = [];
  for (let page = 0; page < image.length; page += PAGE) {
    const end = Math.min(page + PAGE, image.length);
    let zero = true;
    for (let i = page; i < end; i++) {
      if (image[i]) {
        zero = false;
        break;
      }
    }
    if (zero) continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === page) last[1] += end - page;
    else runs.push([page, end - page]);
  }
  const header = 12 + 8 * runs.length;
  const packed = new Uint8Array(header + runs.reduce((sum, [, length]) => sum + length, 0));
  const view = new DataView(packed.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, image.length, true);
  view.setUint32(8, runs.length, true);
  let at = header;
  runs.forEach(([offset, length], index) => {
    view.setUint32(12 + 8 * index, offset, true);
    view.setUint32(16 + 8 * index, length, true);
    packed.set(image.subarray(offset, offset + length), at);
    at += length;
  });
  return packed;
}

/** The whole image again, zero pages included (the worker's side). */
export function unpackZeroPages(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (packed.length < 12 || view.getUint32(0, true) !== MAGIC) throw new WasmLayoutError("the snapshot file is not packed");
  const image = new Uint8Array(view.getUint32(4, true));
  const count = view.getUint32(8, true);
  let at = 12 + 8 * count;
  for (let index = 0; index < count; index++) {
    const offset = view.getUint32(12 + 8 * index, true);
    const length = view.getUint32(16 + 8 * index, true);
    if (at + length > packed.length || offset + length > image.length) throw new WasmLayoutError("the snapshot file is damaged");
    image.set(packed.subarray(at, at + length), offset);
    at += length;
  }
  if (at !== packed.length) throw new WasmLayoutError("the snapshot file is damaged");
  return image;
}
