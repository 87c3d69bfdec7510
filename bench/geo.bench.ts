/**
 * The geo kernel's costs and the selectivity of its covers. Budgets it feeds:
 * "incidents within 25 km of a route, last 90 days" over 1M incidents p99 ≤ 20
 * ms, and "new incident → affected sites and movements" p99 ≤ 10 ms. It prints
 * cover sizes, timings, and — for 1,000,000 seeded random incidents in the
 * region (20–45°N, 60–80°E) — how many rows `h3_rN IN (cover)` would return
 * against how many are truly within 25 km, so the SQL cost can be predicted.
 *
 * Run: npx tsx bench/geo.bench.ts
 */
import { availableParallelism, loadavg } from 'node:os';
import {
  type LatLon,
  type StoredResolution,
  coverCircle,
  coverRoute,
  distanceToPolylineKm,
  pointCells,
  preparePolyline,
} from '../src/core/geo/index.js';

/** A seeded generator, so that every run measures the same points. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20_250_101);

/** Islamabad → Dasu along the Karakoram Highway (~300 km by road). */
const KKH: LatLon[] = [
  { lat: 33.7215, lon: 73.0433 }, // Islamabad
  { lat: 34.1463, lon: 73.2117 }, // Abbottabad
  { lat: 34.3302, lon: 73.1968 }, // Mansehra
  { lat: 34.79, lon: 72.94 }, // Thakot
  { lat: 34.92, lon: 72.87 }, // Besham
  { lat: 35.2917, lon: 73.2906 }, // Dasu
];
const ISLAMABAD = KKH[0] as LatLon;
const RADIUS_KM = 25;

/**
 * Runs `operation` for `durationMs` after a warm-up. Returns wall-clock mean
 * and p99 per op (µs) and this process's CPU time per op, which other
 * processes on a shared machine disturb far less.
 */
function time(
  operation: (i: number) => unknown,
  durationMs = 1_000,
): { meanUs: number; p99Us: number; cpuUs: number } {
  for (let i = 0, end = performance.now() + 200; performance.now() < end; i++) operation(i);
  const samples: number[] = [];
  const cpuStart = process.cpuUsage();
  const stop = performance.now() + durationMs;
  for (let i = 0; performance.now() < stop; i++) {
    const start = performance.now();
    for (let j = 0; j < 10; j++) operation(i * 10 + j);
    samples.push(((performance.now() - start) * 1000) / 10);
  }
  const cpu = process.cpuUsage(cpuStart);
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return {
    meanUs: mean,
    p99Us: samples[Math.floor(samples.length * 0.99)] ?? mean,
    cpuUs: (cpu.user + cpu.system) / (samples.length * 10),
  };
}
const fixed = (value: number, digits = 1): string => value.toFixed(digits);

const points = Array.from({ length: 10_000 }, () => ({
  lat: 20 + random() * 25,
  lon: 60 + random() * 20,
}));
const pick = (i: number): LatLon => points[i % points.length] as LatLon;

console.log(
  `Geo kernel (H3 via h3-js; columns h3_r4, h3_r6, h3_r8). ` +
    `Load average ${fixed(loadavg()[0] ?? 0, 2)} on ${availableParallelism()} cores: wall times include contention.\n`,
);

const circle = coverCircle(ISLAMABAD.lat, ISLAMABAD.lon, RADIUS_KM);
const circleTime = time((i) => coverCircle(pick(i).lat, pick(i).lon, RADIUS_KM));
console.log(
  `coverCircle 25 km:        res ${circle.resolution}, ${circle.cells.length} cells; ` +
    `${fixed(circleTime.meanUs)} µs/op (p99 ${fixed(circleTime.p99Us)} µs; CPU ${fixed(circleTime.cpuUs)} µs/op)`,
);

const route = coverRoute(KKH, RADIUS_KM);
const prepared = preparePolyline(KKH);
const routeTime = time(() => coverRoute(KKH, RADIUS_KM));
console.log(
  `coverRoute KKH 25 km:     res ${route.resolution}, ${route.cells.length} cells ` +
    `(line ${fixed(prepared.lengthKm)} km great-circle); ` +
    `${fixed(routeTime.meanUs / 1000, 2)} ms/op ` +
    `(p99 ${fixed(routeTime.p99Us / 1000, 2)} ms; CPU ${fixed(routeTime.cpuUs / 1000, 2)} ms/op)`,
);

const cellsTime = time((i) => pointCells(pick(i).lat, pick(i).lon));
console.log(
  `pointCells (3 columns):   ${fixed(cellsTime.meanUs, 2)} µs/op (CPU ${fixed(cellsTime.cpuUs, 2)})`,
);
const distanceTime = time((i) => distanceToPolylineKm(pick(i), KKH));
console.log(
  `distanceToPolylineKm:     ${fixed(distanceTime.meanUs, 3)} µs/op (CPU ${fixed(distanceTime.cpuUs, 3)}; ` +
    `6-vertex line, unprepared)`,
);
const preparedTime = time((i) => prepared.isWithinKm(pick(i), RADIUS_KM));
console.log(
  `prepared.isWithinKm:      ${fixed(preparedTime.meanUs, 3)} µs/op (CPU ${fixed(preparedTime.cpuUs, 3)}; ` +
    `the exact filter per candidate)`,
);

// Candidate filter: 1,000,000 incidents spread uniformly over the region.
const INCIDENTS = 1_000_000;
const covers = (cover: { resolution: StoredResolution; cells: string[] }) => ({
  ...cover,
  set: new Set(cover.cells),
  candidates: 0,
  missed: 0,
});
const routeCovers = ([4, 6, 8] as const).map((resolution) =>
  covers(coverRoute(KKH, RADIUS_KM, { resolution, maxCells: Infinity })),
);
const circleCovers = ([4, 6, 8] as const).map((resolution) =>
  covers(coverCircle(ISLAMABAD.lat, ISLAMABAD.lon, RADIUS_KM, { resolution, maxCells: Infinity })),
);
const circleCenter = preparePolyline([ISLAMABAD]);
let nearRoute = 0;
let nearCircle = 0;
const filterStart = performance.now();
for (let i = 0; i < INCIDENTS; i++) {
  const point = { lat: 20 + random() * 25, lon: 60 + random() * 20 };
  const cells = pointCells(point.lat, point.lon);
  const inRoute = prepared.isWithinKm(point, RADIUS_KM);
  const inCircle = circleCenter.isWithinKm(point, RADIUS_KM);
  if (inRoute) nearRoute++;
  if (inCircle) nearCircle++;
  for (const [list, truth] of [
    [routeCovers, inRoute],
    [circleCovers, inCircle],
  ] as const) {
    for (const cover of list) {
      const inCover = cover.set.has(cells[`h3_r${cover.resolution}`]);
      if (inCover) cover.candidates++;
      if (truth && !inCover) cover.missed++;
    }
  }
}
console.log(
  `\nCandidate filter over ${INCIDENTS.toLocaleString('en-US')} seeded incidents in 20–45°N, 60–80°E ` +
    `(${fixed((performance.now() - filterStart) / 1000, 1)} s):`,
);
const report = (label: string, truth: number, list: typeof routeCovers, chosen: number) => {
  console.log(`  ${label}: ${truth} incidents truly within 25 km`);
  for (const cover of list) {
    const precision = cover.candidates === 0 ? 0 : (100 * truth) / cover.candidates;
    console.log(
      `    res ${cover.resolution}: ${String(cover.cells.length).padStart(5)} cells, ` +
        `${String(cover.candidates).padStart(6)} candidates, precision ${fixed(precision)}%, ` +
        `missed ${cover.missed}${cover.resolution === chosen ? '   <- chosen' : ''}`,
    );
  }
};
report('route KKH', nearRoute, routeCovers, route.resolution);
report('circle Islamabad', nearCircle, circleCovers, circle.resolution);
if ([...routeCovers, ...circleCovers].some((cover) => cover.missed > 0)) {
  console.error('A cover missed a true hit: covers must be supersets.');
  process.exitCode = 1;
}
