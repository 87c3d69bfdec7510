/**
 * The report's map, drawn with pdfkit vector calls: country outlines from
 * Natural Earth (world-atlas countries-50m, read once per process) around
 * the day's points — Pakistan and its neighbours when there are none — with
 * incidents as dots and threat-area centres as triangles. An equirectangular
 * projection scaled by the cosine of the middle latitude: plain and faithful
 * enough at the scale of a country. A map is not mirrored in Urdu.
 */
import { createRequire } from 'node:module';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapFeature } from './sitrep.section.js';
import type { PdfPrinter } from './sitrep.pdf.printer.js';
import { RULE } from './sitrep.pdf.styles.js';

interface Country {
  id: string;
  rings: Position[][];
  box: Box;
}

interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Pakistan, whose neighbours frame the map when the day has nothing to place. */
const PAKISTAN_ID = '586';
const DEFAULT_BOX: Box = { west: 60.5, south: 23.5, east: 77.5, north: 37.5 };
const MIN_SPAN_DEGREES = 4;
/** The smallest step of an outline worth drawing, in PDF points. */
const MIN_STEP = 0.8;

let countries: Country[] | undefined;

function loadCountries(): Country[] {
  if (countries) return countries;
  const topology = createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology<{
    countries: GeometryCollection;
  }>;
  const collection = feature(topology, topology.objects.countries);
  countries = collection.features.flatMap((f) => {
    const geometry = (f as Feature<Polygon | MultiPolygon>).geometry;
    if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') return [];
    const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
    const points = rings.flat();
    return [
      {
        id: String(f.id ?? ''),
        rings,
        box: {
          west: Math.min(...points.map((p) => p[0] ?? 0)),
          south: Math.min(...points.map((p) => p[1] ?? 0)),
          east: Math.max(...points.map((p) => p[0] ?? 0)),
          north: Math.max(...points.map((p) => p[1] ?? 0)),
        },
      },
    ];
  });
  return countries;
}

/** The points' box with a margin, at least MIN_SPAN_DEGREES each way, shaped like the map's frame. */
function extentOf(points: readonly MapFeature[], aspect: number): Box {
  const box =
    points.length === 0
      ? DEFAULT_BOX
      : {
          west: Math.min(...points.map((p) => p.lon)),
          south: Math.min(...points.map((p) => p.lat)),
          east: Math.max(...points.map((p) => p.lon)),
          north: Math.max(...points.map((p) => p.lat)),
        };
  const midLon = (box.west + box.east) / 2;
  const midLat = Math.max(-75, Math.min(75, (box.south + box.north) / 2));
  const cos = Math.cos((midLat * Math.PI) / 180);
  let lonSpan = Math.max(MIN_SPAN_DEGREES, (box.east - box.west) * 1.2);
  let latSpan = Math.max(MIN_SPAN_DEGREES, (box.north - box.south) * 1.2);
  if ((lonSpan * cos) / latSpan > aspect) latSpan = (lonSpan * cos) / aspect;
  else lonSpan = (latSpan * aspect) / cos;
  return {
    west: midLon - lonSpan / 2,
    east: midLon + lonSpan / 2,
    south: midLat - latSpan / 2,
    north: midLat + latSpan / 2,
  };
}

const meets = (a: Box, b: Box) =>
  a.west <= b.east && a.east >= b.west && a.south <= b.north && a.north >= b.south;

export function drawMap(printer: PdfPrinter, points: readonly MapFeature[], height: number): void {
  const { doc } = printer;
  printer.ensure(height + 10);
  const frame = { x: printer.frame.left, y: printer.y, width: printer.width, height };
  const extent = extentOf(points, frame.width / frame.height);
  const project = (lon: number, lat: number): [number, number] => [
    frame.x + ((lon - extent.west) / (extent.east - extent.west)) * frame.width,
    frame.y + ((extent.north - lat) / (extent.north - extent.south)) * frame.height,
  ];
  doc.save();
  doc.rect(frame.x, frame.y, frame.width, frame.height).clip();
  doc.rect(frame.x, frame.y, frame.width, frame.height).fillColor('#dde8f0').fill();
  for (const country of loadCountries()) {
    if (!meets(country.box, extent)) continue;
    for (const ring of country.rings) {
      // Points closer than a fraction of a point to the last one drawn add bytes, not detail.
      let last: [number, number] | undefined;
      for (const [lon = 0, lat = 0] of ring) {
        const [x, y] = project(lon, lat);
        if (!last) doc.moveTo(x, y);
        else if (Math.abs(x - last[0]) + Math.abs(y - last[1]) < MIN_STEP) continue;
        else doc.lineTo(x, y);
        last = [x, y];
      }
      doc.closePath();
    }
    doc
      .lineWidth(0.5)
      .fillAndStroke(country.id === PAKISTAN_ID ? '#efe8d4' : '#f6f4ee', '#9aa0a6', 'even-odd');
  }
  for (const point of points) {
    const [x, y] = project(point.lon, point.lat);
    if (point.shape === 'dot')
      doc.circle(x, y, 2.2).lineWidth(0.4).fillAndStroke('#c0392b', '#ffffff');
    else
      doc
        .polygon([x, y - 4.5], [x - 4, y + 2.8], [x + 4, y + 2.8])
        .lineWidth(0.5)
        .fillAndStroke('#f39c12', '#6e4a0e');
    printer.mark(point.marking);
  }
  doc.restore();
  doc.rect(frame.x, frame.y, frame.width, frame.height).lineWidth(0.6).strokeColor(RULE).stroke();
  printer.y += height + 4;
}
