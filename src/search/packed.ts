/**
 * Typed arrays and string lists packed into one buffer, and read back as views over it: a snapshot
 * loads in one read, with no parsing of the numbers and no copy (JSON.parse of an index, then
 * rebuilding its Maps, was most of a cold start).
 *
 * Layout: "CBPK", a uint32 header length, the header (JSON: each section's name, type, byte offset and
 * length, plus the caller's metadata), then the sections, each starting on an 8-byte boundary.
 */

const MAGIC = 'CBPK';
const ALIGN = 8;

type ArrayKind = 'u8' | 'u16' | 'u32' | 'i32' | 'f64' | 'strings';
const CONSTRUCTORS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array, f64: Float64Array } as const;
export type PackedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** What can be packed: typed arrays, and lists of strings (stored as UTF-8 joined by newlines, so no newline in them). */
export type Section = PackedArray | readonly string[];

interface SectionEntry {
  name: string;
  kind: ArrayKind;
  offset: number;
  bytes: number;
  /** Strings: how many. */
  count?: number;
}

interface Header<M> {
  meta: M;
  sections: SectionEntry[];
}

const kindOf = (a: Section): ArrayKind =>
  a instanceof Uint8Array
    ? 'u8'
    : a instanceof Uint16Array
      ? 'u16'
      : a instanceof Uint32Array
        ? 'u32'
        : a instanceof Int32Array
          ? 'i32'
          : a instanceof Float64Array
            ? 'f64'
            : 'strings';

/** Packs `sections` and `meta` into one buffer. */
export function pack<M>(meta: M, sections: Record<string, Section>): Buffer {
  const bodies: { entry: SectionEntry; bytes: Uint8Array }[] = [];
  let offset = 0;
  for (const [name, value] of Object.entries(sections)) {
    const kind = kindOf(value);
    let bytes: Uint8Array;
    if (kind === 'strings') {
      const list = value as readonly string[];
      if (list.some((s) => s.includes('\n'))) throw new Error(`section ${name}: a string holds a newline, which separates them`);
      bytes = Buffer.from(list.join('\n'), 'utf8');
    } else {
      const a = value as PackedArray;
      bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    }
    bodies.push({ entry: { name, kind, offset, bytes: bytes.byteLength, count: kind === 'strings' ? (value as string[]).length : undefined }, bytes });
    offset += Math.ceil(bytes.byteLength / ALIGN) * ALIGN;
  }
  const headerJson = Buffer.from(JSON.stringify({ meta, sections: bodies.map((b) => b.entry) } satisfies Header<M>), 'utf8');
  const start = Math.ceil((8 + headerJson.length) / ALIGN) * ALIGN;
  const out = Buffer.alloc(start + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerJson.length, 4);
  headerJson.copy(out, 8);
  for (const { entry, bytes } of bodies) out.set(bytes, start + entry.offset);
  return out;
}

/** What `unpack` returns: the metadata, and each section by name (typed arrays are views over the buffer). */
export interface Unpacked<M> {
  meta: M;
  sections: Map<string, Section>;
}

/** Reads a buffer written by `pack`; throws saying what is wrong when it is not one, or is cut short. */
export function unpack<M>(buffer: Buffer): Unpacked<M> {
  if (buffer.length < 8 || buffer.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a packed snapshot (no CBPK mark at its start)');
  // Views need their element alignment: a buffer from a pooled slab may not start on one.
  const buf = buffer.byteOffset % ALIGN === 0 ? buffer : Buffer.from(buffer);
  const headerLength = buf.readUInt32LE(4);
  if (8 + headerLength > buf.length) throw new Error('snapshot is truncated (its header runs past the end)');
  const header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength)) as Header<M>;
  const start = Math.ceil((8 + headerLength) / ALIGN) * ALIGN;
  const sections = new Map<string, Section>();
  for (const s of header.sections) {
    const at = start + s.offset;
    if (at + s.bytes > buf.length) throw new Error(`snapshot is truncated (section ${s.name} runs past the end)`);
    if (s.kind === 'strings') {
      const text = buf.toString('utf8', at, at + s.bytes);
      sections.set(s.name, s.count === 0 ? [] : text.split('\n'));
    } else {
      const C = CONSTRUCTORS[s.kind];
      sections.set(s.name, new C(buf.buffer as ArrayBuffer, buf.byteOffset + at, s.bytes / C.BYTES_PER_ELEMENT));
    }
  }
  return { meta: header.meta, sections };
}

/** A section of an unpacked snapshot, checked to be of the expected kind. */
export function section<T extends Section>(u: Unpacked<unknown>, name: string, is: (s: Section) => s is T): T {
  const s = u.sections.get(name);
  if (!s || !is(s)) throw new Error(`snapshot has no ${name} section of the expected type`);
  return s;
}

export const isStrings = (s: Section): s is string[] => Array.isArray(s);
export const isU32 = (s: Section): s is Uint32Array => s instanceof Uint32Array;
export const isF64 = (s: Section): s is Float64Array => s instanceof Float64Array;
/** Counts held in the narrowest array that fits them. */
export type Counts = Uint8Array | Uint16Array | Uint32Array;
export const isCounts = (s: Section): s is Counts => s instanceof Uint8Array || s instanceof Uint16Array || s instanceof Uint32Array;
export const isU8 = (s: Section): s is Uint8Array => s instanceof Uint8Array;
export const isI32 = (s: Section): s is Int32Array => s instanceof Int32Array;
