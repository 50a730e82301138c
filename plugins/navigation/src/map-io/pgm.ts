import type { SourceLocation } from '@omnimind/core';
import type { GrayImage } from './gray-image.js';
import { MAP_IO_CODES, imageError } from './map-io-errors.js';

const isSpace = (byte: number) =>
  byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0b || byte === 0x0c;
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;

/** Where byte `offset` of a text-headed file is, for messages (lines and columns from 1). */
function locationOf(bytes: Uint8Array, offset: number, file: string): SourceLocation {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file, line, col: offset - lineStart + 1 };
}

/**
 * Parses a PGM image (Netpbm greymap): binary `P5` (1 byte per pixel, or 2 big-endian bytes when
 * maxval > 255) and plain `P2` (decimal text). `#` comments are allowed wherever whitespace is in
 * the header (and, for P2, between values). Problems raise `OMNI_ERR_MAP_IMAGE_INVALID` with the
 * `file:line:col` of the offending header token.
 */
export function parsePgm(bytes: Uint8Array, file = '<pgm>'): GrayImage {
  const fail = (message: string, offset?: number): never => {
    throw imageError(
      MAP_IO_CODES.IMAGE_INVALID,
      `${offset === undefined ? `${file}: ` : ''}${message}`,
      offset === undefined ? undefined : locationOf(bytes, offset, file),
    );
  };
  if (bytes.length < 2 || bytes[0] !== 0x50 || (bytes[1] !== 0x35 && bytes[1] !== 0x32))
    fail(`not a PGM image: expected 'P5' or 'P2' at the start`, 0);
  const plain = bytes[1] === 0x32;
  let pos = 2;

  const skipSpaceAndComments = () => {
    while (pos < bytes.length) {
      if (isSpace(bytes[pos]!)) pos++;
      else if (bytes[pos] === 0x23) while (pos < bytes.length && bytes[pos] !== 0x0a && bytes[pos] !== 0x0d) pos++;
      else break;
    }
  };
  let tokenStart = pos;
  const readNumber = (what: string): number => {
    const before = pos;
    skipSpaceAndComments();
    if (pos >= bytes.length) fail(`unexpected end of file: expected the ${what}`, pos);
    if (pos === before && what !== 'pixel') fail(`expected whitespace before the ${what}`, pos);
    const start = pos;
    tokenStart = start;
    let value = 0;
    while (pos < bytes.length && isDigit(bytes[pos]!)) {
      value = value * 10 + bytes[pos]! - 0x30;
      pos++;
    }
    if (pos === start) fail(`expected the ${what} (a decimal number)`, start);
    if (pos < bytes.length && !isSpace(bytes[pos]!) && bytes[pos] !== 0x23)
      fail(`unexpected character after the ${what}`, pos);
    return value;
  };

  const width = readNumber('width');
  const widthAt = tokenStart;
  const height = readNumber('height');
  const maxValue = readNumber('maximum grey value');
  const maxAt = tokenStart;
  if (width < 1 || height < 1) fail(`image size ${width}×${height} is empty`, widthAt);
  if (width * height > 100_000_000) fail(`image of ${width}×${height} pixels is too large`, widthAt);
  if (maxValue < 1 || maxValue > 65_535) fail(`maximum grey value ${maxValue} is outside 1..65535`, maxAt);

  const count = width * height;
  const gray = new Float32Array(count);
  if (plain) {
    for (let i = 0; i < count; i++) {
      const value = readNumber('pixel');
      if (value > maxValue) fail(`pixel value ${value} exceeds the maximum grey value ${maxValue}`, tokenStart);
      gray[i] = value;
    }
    return { width, height, maxValue, gray };
  }

  // P5: exactly one whitespace byte separates the maxval from the raster.
  if (pos >= bytes.length || !isSpace(bytes[pos]!)) fail('expected a whitespace byte before the raster', pos);
  pos++;
  const wide = maxValue > 255;
  const needed = count * (wide ? 2 : 1);
  if (bytes.length - pos < needed)
    fail(`truncated raster: ${width}×${height} pixels need ${needed} bytes, the file has ${bytes.length - pos}`);
  for (let i = 0; i < count; i++) {
    const value = wide ? (bytes[pos + 2 * i]! << 8) | bytes[pos + 2 * i + 1]! : bytes[pos + i]!;
    if (value > maxValue) fail(`pixel ${i} has value ${value}, above the maximum grey value ${maxValue}`);
    gray[i] = value;
  }
  return { width, height, maxValue, gray };
}

/**
 * Encodes 8-bit grey pixels (rows top to bottom) as a binary PGM (`P5`, maxval 255), with an
 * optional comment line.
 */
export function encodePgm(width: number, height: number, pixels: Uint8Array, comment?: string): Uint8Array {
  const header = `P5\n${comment ? `# ${comment.replace(/[\r\n]+/g, ' ')}\n` : ''}${width} ${height}\n255\n`;
  const head = new TextEncoder().encode(header);
  const out = new Uint8Array(head.length + width * height);
  out.set(head);
  out.set(pixels.subarray(0, width * height), head.length);
  return out;
}
