/** Draws the extension icon (a white key on Fluent blue) at the sizes Chrome uses; run once, the PNGs are committed. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const BLUE = [15, 108, 189];
const SAMPLES = 4;

/** Coverage of the shape at a point of the unit square: 0 outside, 1 background, 2 key. */
function shapeAt(x: number, y: number): 0 | 1 | 2 {
  const r = 0.18;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  if (dx * dx + dy * dy > r * r) return 0;
  const ring = Math.hypot(x - 0.34, y - 0.5);
  if (ring <= 0.17 && ring >= 0.08) return 2;
  if (x >= 0.48 && x <= 0.84 && y >= 0.46 && y <= 0.54) return 2;
  if (x >= 0.66 && x <= 0.72 && y >= 0.54 && y <= 0.66) return 2;
  if (x >= 0.76 && x <= 0.84 && y >= 0.54 && y <= 0.62) return 2;
  return 1;
}

function pixels(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let inside = 0;
      let key = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const shape = shapeAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (shape > 0) inside++;
          if (shape === 2) key++;
        }
      }
      const total = SAMPLES * SAMPLES;
      const white = inside ? key / inside : 0;
      const offset = 1 + px * 4;
      for (let c = 0; c < 3; c++) row[offset + c] = Math.round((BLUE[c] ?? 0) * (1 - white) + 255 * white);
      row[offset + 3] = Math.round((255 * inside) / total);
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(size))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) writeFileSync(resolve(import.meta.dirname, `../public/icon/${size}.png`), png(size));
console.log(`Wrote public/icon/{${SIZES.join(',')}}.png`);
