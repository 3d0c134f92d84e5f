import postalCodesUrl from '../../shared/data/postal-codes.csv?url';
import type { GeoPoint } from './operations.ts';

// Coordinates the maps draw from, all shipped with the project: the postal-code centres of
// shared/data/postal-codes.csv (fetched from the portal's own assets once, when a map needs one)
// and the towns that orient a visitor in the region.

let table: Promise<Map<string, GeoPoint>> | undefined;

async function load(): Promise<Map<string, GeoPoint>> {
  const response = await fetch(postalCodesUrl);
  const map = new Map<string, GeoPoint>();
  for (const line of (await response.text()).split('\n')) {
    const [code, lat, lng] = line.split(',');
    if (code && lng) map.set(code, { latitude: Number(lat), longitude: Number(lng) });
  }
  return map;
}

export async function postalCodeLocation(postalCode: string): Promise<GeoPoint | undefined> {
  table ??= load().catch((error) => {
    table = undefined;
    throw error;
  });
  return (await table).get(postalCode);
}

export const towns: { name: string; at: GeoPoint }[] = [
  { name: 'Eisenach', at: { latitude: 50.98566, longitude: 10.31446 } },
  { name: 'Eschwege', at: { latitude: 51.17783, longitude: 10.04851 } },
  { name: 'Mühlhausen', at: { latitude: 51.23744, longitude: 10.45112 } },
  { name: 'Bad Salzungen', at: { latitude: 50.82265, longitude: 10.25402 } },
  { name: 'Witzenhausen', at: { latitude: 51.34246, longitude: 9.85492 } },
  { name: 'Gotha', at: { latitude: 50.95115, longitude: 10.69493 } },
  { name: 'Kassel', at: { latitude: 51.31705, longitude: 9.49246 } },
  { name: 'Göttingen', at: { latitude: 51.53453, longitude: 9.93423 } },
  { name: 'Bad Hersfeld', at: { latitude: 50.88038, longitude: 9.70586 } },
  { name: 'Erfurt', at: { latitude: 50.97543, longitude: 11.02619 } },
];

/** The region's core, shown when there is nothing else to fit. */
const regionBox = { south: 50.8, north: 51.35, west: 9.8, east: 10.6 };

export interface Projection {
  width: number;
  height: number;
  /** Kilometres to view-box units. */
  scale: number;
  at(point: GeoPoint): { x: number; y: number };
  inside(point: GeoPoint): boolean;
}

const kmPerDegreeLatitude = 110.57;

/**
 * An equirectangular projection around the middle latitude: over the ~100 km of a search radius
 * it is within a fraction of a percent of the true distances, so a radius is a circle.
 */
export function project(points: GeoPoint[], circle: { centre: GeoPoint; radiusKm: number } | undefined, width = 640): Projection {
  let { south, north, west, east } = points.length || circle ? { south: 90, north: -90, west: 180, east: -180 } : regionBox;
  const extend = (p: GeoPoint) => {
    south = Math.min(south, p.latitude);
    north = Math.max(north, p.latitude);
    west = Math.min(west, p.longitude);
    east = Math.max(east, p.longitude);
  };
  points.forEach(extend);
  const middle = ((south + north) / 2 || 51) * (Math.PI / 180);
  const kmPerDegreeLongitude = 111.32 * Math.cos(middle);
  if (circle) {
    const dLat = circle.radiusKm / kmPerDegreeLatitude;
    const dLon = circle.radiusKm / kmPerDegreeLongitude;
    extend({ latitude: circle.centre.latitude - dLat, longitude: circle.centre.longitude - dLon });
    extend({ latitude: circle.centre.latitude + dLat, longitude: circle.centre.longitude + dLon });
  }
  // At least 60 km across, so one hit shows the towns around it; a margin around everything.
  const minSpan = 60;
  let spanX = Math.max((east - west) * kmPerDegreeLongitude, minSpan);
  let spanY = Math.max((north - south) * kmPerDegreeLatitude, minSpan * 0.6);
  const centreLat = (south + north) / 2;
  const centreLon = (west + east) / 2;
  spanX *= 1.15;
  spanY *= 1.15;
  // Keep a landscape frame: widen whichever side is short.
  if (spanX / spanY < 1.4) spanX = spanY * 1.4;
  else spanY = spanX / 1.4;
  const scale = width / spanX;
  const height = Math.round(spanY * scale);
  const at = (p: GeoPoint) => ({
    x: width / 2 + (p.longitude - centreLon) * kmPerDegreeLongitude * scale,
    y: height / 2 - (p.latitude - centreLat) * kmPerDegreeLatitude * scale,
  });
  return {
    width,
    height,
    scale,
    at,
    inside(p) {
      const { x, y } = at(p);
      return x >= 0 && x <= width && y >= 0 && y <= height;
    },
  };
}
