/**
 * Tandem's geo kernel: H3 cells for stored points, cell covers for "within r
 * km of a point / route / in this view / in this area", exact distances and
 * point-in-polygon for the final filter, map clusters, and input schemas.
 * Points are `{ lat, lon }` objects (or named `lat, lon` arguments); GeoJSON
 * geometry keeps RFC 7946's [longitude, latitude] positions.
 *
 * Owns: the public surface of core/geo. Must never: do I/O or hold state.
 */
export {
  type LatLon,
  type LatLonBox,
  EARTH_RADIUS_KM,
  boxAroundCap,
  boxesIntersect,
  destinationPoint,
  interpolateGreatCircle,
  isValidLatLon,
} from './sphere.js';
export {
  type PreparedPolyline,
  distanceToPolylineKm,
  distanceToSegmentKm,
  haversineKm,
  preparePolyline,
} from './distance.js';
export { simplifyPolyline } from './simplify.js';
export {
  type CellColumn,
  type PointCells,
  type StoredResolution,
  STORED_RESOLUTIONS,
  averageEdgeKm,
  cellBoundaryPolygon,
  cellCentroid,
  cellColumn,
  cellToParentAt,
  isStoredResolution,
  pointCells,
} from './cells.js';
export {
  type CellCover,
  type CoverOptions,
  DEFAULT_MAX_CIRCLE_CELLS,
  DEFAULT_MAX_ROUTE_CELLS,
  MAX_COVER_RADIUS_KM,
  coverCircle,
  coverRoute,
} from './cover.js';
export {
  type BoundsCover,
  DEFAULT_MAX_VIEW_CELLS,
  coverBounds,
  splitAtAntimeridian,
} from './bounds.js';
export {
  DEFAULT_MAX_POLYGON_CELLS,
  circleToPolygon,
  coverPolygon,
  pointInPolygon,
  polygonCells,
} from './polygon.js';
export {
  type CellCount,
  type ClusterFeature,
  CLUSTER_RESOLUTION_BY_ZOOM,
  clusterFeatures,
  clusterResolutionForZoom,
  groupByResolutionFor,
  rollUpCellCounts,
} from './cluster.js';
export * from './geojson.schema.js';
