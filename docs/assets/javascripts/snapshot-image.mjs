// The file the build stores a memory snapshot in, and how the worker gets the snapshot back.
//
// A memory snapshot is the interpreter's whole memory, taken after Python has started. Two things
// make most of it redundant on the wire, so the file leaves them out:
//
// - Its first megabytes are the interpreter's constant data, which the browser downloads anyway
//   inside pyodide.asm.wasm (the binary's active data segments), and most of those bytes Python
//   never changes. The build XORs them out: every byte Python did not change becomes zero.
// - Most of the memory is zero pages. The file keeps only the runs of non-zero pages.
//
// The worker puts the zero pages back as soon as the file arrives (`unpackSnapshot`), and the
// constant data back at the moment the interpreter is instantiated (`restoreInterpreterData`):
// a freshly instantiated module's memory holds exactly its active data segments and zeros, so
// XOR-ing it in undoes the build's XOR without the worker ever reading the interpreter's bytes
// (which would mean a second copy of 9.6 MB, and no code cache for the compiled interpreter).
//
// The file: "msn2", the memory image's length, the length of the interpreter's data region
// (XOR-ed), the number of runs of non-zero pages, each run's [offset, length] (all 32-bit
// little-endian), then the runs' bytes one after another. Used by the build
// (scripts/sitebuild/make_snapshot.mjs), the worker (calculator-worker.mjs) and the tests.

const DATA_SECTION = 11;
const START_SECTION = 8;
const I32_CONST = 0x41;
const END = 0x0b;
const MAGIC = 0x326e736d;  // "msn2"
const HEADER = 16;
const PAGE = 4096;

/** An error in the binary's or the snapshot file's layout: the build fails, the worker starts
 * Python the normal way. */
export class WasmLayoutError extends Error {}

class Reader {
  /** @param {Uint8Array} bytes */
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

/** The active data segments of a WebAssembly binary, as `[address, bytes]` pairs: what its
 * memory holds the moment it is instantiated. A binary with a start function, or with passive
 * segments (placed by code), could hold more, so it is refused.
 * @param {Uint8Array} wasm
 * @returns {[number, Uint8Array][]} */
export function dataSegments(wasm) {
  const reader = new Reader(wasm);
  reader.at = 8;  // magic number and version
  /** @type {[number, Uint8Array][]} */
  let segments = [];
  while (reader.at < wasm.length) {
    const id = reader.byte();
    const size = reader.unsigned();
    const end = reader.at + size;
    if (id === START_SECTION) throw new WasmLayoutError("the interpreter has a start function");
    if (id === DATA_SECTION) {
      segments = [];
      for (let count = reader.unsigned(); count > 0; count--) {
        const flags = reader.unsigned();
        if (flags !== 0 && flags !== 2) throw new WasmLayoutError(`a data segment of kind ${flags}`);
        if (flags === 2 && reader.unsigned() !== 0) throw new WasmLayoutError("a data segment is for a second memory");
        if (reader.byte() !== I32_CONST) throw new WasmLayoutError("a data segment's address is not a constant");
        const address = reader.address();
        if (reader.byte() !== END) throw new WasmLayoutError("a data segment's address is not a constant");
        const length = reader.unsigned();
        segments.push([address, wasm.subarray(reader.at, reader.at + length)]);
        reader.at += length;
      }
    }
    reader.at = end;
  }
  return segments;
}

/** Where the memory starts in a snapshot (Pyodide's format: a header whose length is the
 * second 32-bit word, then the memory).
 * @param {Uint8Array} snapshot */
function memoryStart(snapshot) {
  if (snapshot.length < 8) throw new WasmLayoutError("the snapshot is too short");
  return new DataView(snapshot.buffer, snapshot.byteOffset, 8).getUint32(4, true);
}

/** The build's side: the snapshot as the file stores it, without the interpreter's constant
 * data (taken from `wasm`, the interpreter's bytes) and without its zero pages.
 * @param {Uint8Array} snapshot  @param {Uint8Array} wasm  @returns {Uint8Array} */
export function packSnapshot(snapshot, wasm) {
  const image = snapshot.slice();
  const start = memoryStart(image);
  let dataEnd = 0;
  for (const [address, data] of dataSegments(wasm)) {
    const from = start + address;
    if (from + data.length > image.length) throw new WasmLayoutError("the snapshot is smaller than the interpreter's memory");
    for (let i = 0; i < data.length; i++) image[from + i] ^= data[i];
    dataEnd = Math.max(dataEnd, address + data.length);
  }
  /** @type {[number, number][]} [offset, length] of each run of non-zero pages */
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
  const header = HEADER + 8 * runs.length;
  const packed = new Uint8Array(header + runs.reduce((sum, [, length]) => sum + length, 0));
  const view = new DataView(packed.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, image.length, true);
  view.setUint32(8, dataEnd, true);
  view.setUint32(12, runs.length, true);
  let at = header;
  runs.forEach(([offset, length], index) => {
    view.setUint32(HEADER + 8 * index, offset, true);
    view.setUint32(HEADER + 4 + 8 * index, length, true);
    packed.set(image.subarray(offset, offset + length), at);
    at += length;
  });
  return packed;
}

/** The worker's side, when the file arrives: the memory image with its zero pages back, and the
 * length of the interpreter's data region still to put back (`restoreInterpreterData`). The image
 * is written into `into` when given (zeros of the image's length, allocated beforehand).
 * @param {Uint8Array} packed  @param {Uint8Array | null} [into]
 * @returns {{image: Uint8Array, dataEnd: number}} */
export function unpackSnapshot(packed, into = null) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (packed.length < HEADER || view.getUint32(0, true) !== MAGIC) throw new WasmLayoutError("the snapshot file is not packed");
  const length = view.getUint32(4, true);
  if (into && into.length !== length) throw new WasmLayoutError("the snapshot file is not the one the page named");
  const image = into ?? new Uint8Array(length);
  const dataEnd = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  let at = HEADER + 8 * count;
  for (let index = 0; index < count; index++) {
    const offset = view.getUint32(HEADER + 8 * index, true);
    const length = view.getUint32(HEADER + 4 + 8 * index, true);
    if (at + length > packed.length || offset + length > image.length) throw new WasmLayoutError("the snapshot file is damaged");
    image.set(packed.subarray(at, at + length), offset);
    at += length;
  }
  if (at !== packed.length || memoryStart(image) + dataEnd > image.length) throw new WasmLayoutError("the snapshot file is damaged");
  return { image, dataEnd };
}

/** The worker's side, once the interpreter is instantiated and before the snapshot is restored:
 * XOR the fresh memory's data region (`memory`: the instance's memory buffer) into `image`, in
 * place.
 * @param {{image: Uint8Array, dataEnd: number}} unpacked  @param {ArrayBufferLike} memory
 * @returns {Uint8Array} */
export function restoreInterpreterData({ image, dataEnd }, memory) {
  const start = memoryStart(image);
  const aligned = (image.byteOffset + start) % 4 === 0 && dataEnd % 4 === 0;
  const target = aligned ? new Uint32Array(image.buffer, image.byteOffset + start, dataEnd / 4) : image.subarray(start, start + dataEnd);
  const source = aligned ? new Uint32Array(memory, 0, dataEnd / 4) : new Uint8Array(memory, 0, dataEnd);
  for (let i = 0; i < target.length; i++) target[i] ^= source[i];
  return image;
}
