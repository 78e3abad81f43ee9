/**
 * Postgres arrays in the binary wire format (what `array_send` writes and `array_recv` reads).
 * node-postgres sends a Buffer parameter as binary, so `$1::float8[]` given one of these skips
 * formatting every float as text in Node and parsing it back with strtod in Postgres: the two
 * biggest per-point costs of an ingest batch. Binary floats are also exact by construction
 * (NaN and ±Infinity included), where text relies on shortest round-trip spellings.
 */

const int8Oid = 20;
const float8Oid = 701;
const headerBytes = 20;
const elementBytes = 12; // int32 length + 8 bytes of value

function arrayBuffer(length: number, elementOid: number): Buffer {
  const buffer = Buffer.allocUnsafe(headerBytes + length * elementBytes);
  buffer.writeInt32BE(1, 0); // one dimension
  buffer.writeInt32BE(0, 4); // no NULLs
  buffer.writeUInt32BE(elementOid, 8);
  buffer.writeInt32BE(length, 12);
  buffer.writeInt32BE(1, 16); // lower bound
  return buffer;
}

/** A float8[] parameter: every number exactly, NaN and ±Infinity kept. */
export function binaryFloat8Array(values: ArrayLike<number>): Buffer {
  const buffer = arrayBuffer(values.length, float8Oid);
  let at = headerBytes;
  for (let i = 0; i < values.length; i++) {
    buffer.writeInt32BE(8, at);
    buffer.writeDoubleBE(values[i]!, at + 4);
    at += elementBytes;
  }
  return buffer;
}

/** An int8[] parameter from safe integers (steps), negative ones in two's complement. */
export function binaryInt8Array(values: ArrayLike<number>): Buffer {
  const buffer = arrayBuffer(values.length, int8Oid);
  let at = headerBytes;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const high = Math.floor(value / 0x1_0000_0000);
    buffer.writeInt32BE(8, at);
    buffer.writeInt32BE(high, at + 4);
    buffer.writeUInt32BE(value - high * 0x1_0000_0000, at + 8);
    at += elementBytes;
  }
  return buffer;
}
