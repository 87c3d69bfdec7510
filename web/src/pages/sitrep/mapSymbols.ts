/**
 * The report map's symbols as the PDF draws them: incidents as dots, the
 * centres of threat areas as triangles. The basemap is offline and has no
 * sprite, so the triangle is drawn here as raw RGBA pixels for
 * `map.addImage`; a symbol layer with an icon and no text needs no glyphs.
 */

export const INCIDENT_COLOUR = '#b42318';
export const THREAT_COLOUR = '#8a5a00';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** Twice the signed area of (a, b, p): which side of the edge a→b the point p lies on. */
function side(a: [number, number], b: [number, number], p: [number, number]): number {
  return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
}

/**
 * An upward triangle `size` pixels square: `fill` inside, a white rim of
 * `rim` pixels so that it stands out on any basemap colour, transparent around.
 */
export function triangleImage(size: number, fill: string, rim = 2): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  const outer: [number, number][] = [
    [size / 2, 0.5],
    [size - 0.5, size - 0.5],
    [0.5, size - 0.5],
  ];
  // The inner triangle shares the centroid and is shrunk so that the rim is about `rim` wide.
  const centre: [number, number] = [size / 2, (0.5 + 2 * (size - 0.5)) / 3];
  const scale = Math.max(0, 1 - (3 * rim) / size);
  const inner = outer.map(([x, y]): [number, number] => [
    centre[0] + (x - centre[0]) * scale,
    centre[1] + (y - centre[1]) * scale,
  ]);
  const inside = (shape: [number, number][], p: [number, number]) => {
    const [a, b, c] = shape as [[number, number], [number, number], [number, number]];
    return side(a, b, p) >= 0 && side(b, c, p) >= 0 && side(c, a, p) >= 0;
  };
  const colour = rgb(fill);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p: [number, number] = [x + 0.5, y + 0.5];
      if (!inside(outer, p)) continue;
      const [r, g, b] = inside(inner, p) ? colour : [255, 255, 255];
      data.set([r, g, b, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
