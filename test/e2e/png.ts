/**
 * Just enough PNG decoding to look at a screenshot's pixels: 8-bit RGB or
 * RGBA, not interlaced — what Chromium writes for page screenshots.
 */
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  data: Uint8Array;
}

export function decodePng(png: Buffer): Pixels {
  let offset = 8; // signature
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [bitDepth, colourType, , , interlace] = [
        body[8],
        body[9],
        body[10],
        body[11],
        body[12],
      ];
      if (bitDepth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6)) {
        throw new Error(
          `unsupported PNG: depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`,
        );
      }
      channels = colourType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)] ?? -1;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const a = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
      const value = line[x] ?? 0;
      let predicted: number;
      switch (filter) {
        case 0:
          predicted = 0;
          break;
        case 1:
          predicted = a;
          break;
        case 2:
          predicted = b;
          break;
        case 3:
          predicted = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`bad PNG filter ${filter}`);
      }
      rows[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < rows.length; i += channels, j += 4) {
    data[j] = rows[i] ?? 0;
    data[j + 1] = rows[i + 1] ?? 0;
    data[j + 2] = rows[i + 2] ?? 0;
    data[j + 3] = channels === 4 ? (rows[i + 3] ?? 255) : 255;
  }
  return { width, height, data };
}

/** Share of the pixels within `tolerance` (per channel) of the colour `#rrggbb`. */
export function shareOfColour(pixels: Pixels, hex: string, tolerance = 6): number {
  const target = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  let matching = 0;
  const total = pixels.width * pixels.height;
  for (let j = 0; j < pixels.data.length; j += 4) {
    if (target.every((value, k) => Math.abs((pixels.data[j + k] ?? 0) - value) <= tolerance))
      matching += 1;
  }
  return matching / total;
}

/** How many distinct colours appear, after dropping the low 3 bits of each channel. */
export function distinctColours(pixels: Pixels): number {
  const seen = new Set<number>();
  for (let j = 0; j < pixels.data.length; j += 4) {
    seen.add(
      (((pixels.data[j] ?? 0) >> 3) << 10) |
        (((pixels.data[j + 1] ?? 0) >> 3) << 5) |
        ((pixels.data[j + 2] ?? 0) >> 3),
    );
  }
  return seen.size;
}
