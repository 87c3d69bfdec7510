/**
 * Cluster counts drawn as images. The offline basemap has no glyph server,
 * so MapLibre cannot lay out text; instead each distinct label ("12",
 * "3.4K", "1.2万") is drawn once on a canvas when the map first asks for it
 * (`styleimagemissing`) and used as a symbol layer's icon.
 */
import type { Map as MapLibreMap, MapStyleImageMissingEvent } from 'maplibre-gl';

export const COUNT_IMAGE_PREFIX = 'count:';
const FONT_PX = 12;
const PADDING_PX = 3;

function drawLabel(label: string, pixelRatio: number): ImageData | null {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return null;
  const font = `700 ${FONT_PX * pixelRatio}px system-ui, 'Noto Sans', sans-serif`;
  context.font = font;
  const width = Math.ceil(context.measureText(label).width + 2 * PADDING_PX * pixelRatio);
  const height = Math.ceil((FONT_PX + 2 * PADDING_PX) * pixelRatio);
  canvas.width = width;
  canvas.height = height;
  // Resizing the canvas resets its state.
  context.font = font;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillStyle = '#ffffff';
  context.fillText(label, width / 2, height / 2 + 0.5 * pixelRatio);
  return context.getImageData(0, 0, width, height);
}

function addCountImage(map: MapLibreMap, id: string): void {
  if (map.hasImage(id)) return;
  const pixelRatio = Math.max(1, Math.round(window.devicePixelRatio || 1));
  const image = drawLabel(id.slice(COUNT_IMAGE_PREFIX.length), pixelRatio);
  if (image) map.addImage(id, image, { pixelRatio });
}

/**
 * Adds the images for these labels before the data that uses them: an image
 * found missing during layout makes the map lay the tiles out a second time.
 */
export function ensureCountImages(map: MapLibreMap, labels: Iterable<string>): void {
  for (const label of labels) addCountImage(map, `${COUNT_IMAGE_PREFIX}${label}`);
}

/** Draws any count label still missing when the map asks for it, for as long as the map lives. */
export function installCountImages(map: MapLibreMap): void {
  map.on('styleimagemissing', (event: MapStyleImageMissingEvent) => {
    if (event.id.startsWith(COUNT_IMAGE_PREFIX)) addCountImage(map, event.id);
  });
}

const compactFormats = new Map<string, Intl.NumberFormat>();

/** "950", "1.2K", "35K" in the interface language: short enough to sit inside a circle. */
export function countLabel(count: number, locale: string): string {
  let format = compactFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    compactFormats.set(locale, format);
  }
  return format.format(count);
}
