import { useEffect, useState } from 'preact/hooks';
import { postalCodeLocation, project, towns } from '../geo.ts';
import type { GeoPoint, NetworkCode } from '../operations.ts';
import { useLocale } from '../use-locale.ts';

// An SVG map drawn only from coordinates the project ships: hits, the search radius around its
// postal code, a few towns for orientation, a graticule and a scale bar. No tiles, nothing fetched
// from elsewhere. The hits are listed beside it, so the map is one image for assistive technology.

export interface MapPoint {
  id: string;
  name: string;
  network: NetworkCode;
  at: GeoPoint;
}

export const networkColours: Record<NetworkCode, string> = { NIWE: '#0b5cad', LINAT: '#a3341a', KONAT: '#1d6b33' };

function usePostalCode(postalCode: string | undefined): GeoPoint | undefined {
  const [point, setPoint] = useState<GeoPoint>();
  useEffect(() => {
    setPoint(undefined);
    if (!postalCode) return;
    let current = true;
    postalCodeLocation(postalCode).then(
      (p) => current && setPoint(p),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [postalCode]);
  return point;
}

function niceScale(km: number): number {
  return [1, 2, 5, 10, 20, 25, 50, 100, 200].reverse().find((step) => step <= km) ?? 1;
}

export function HitMap({ points, postalCode, radiusKm, label }: { points: MapPoint[]; postalCode?: string; radiusKm?: number; label: string }) {
  const { t, number } = useLocale();
  const centre = usePostalCode(postalCode);
  const circle = centre && radiusKm ? { centre, radiusKm } : undefined;
  const map = project(
    points.map((p) => p.at),
    circle,
  );
  const scaleKm = niceScale(map.width / map.scale / 5);
  const graticule: { d: string }[] = [];
  for (let lat = 49; lat <= 53; lat += 0.25) {
    const a = map.at({ latitude: lat, longitude: 5 });
    const b = map.at({ latitude: lat, longitude: 15 });
    graticule.push({ d: `M${a.x},${a.y}L${b.x},${b.y}` });
  }
  for (let lon = 8; lon <= 12; lon += 0.25) {
    const a = map.at({ latitude: 48, longitude: lon });
    const b = map.at({ latitude: 54, longitude: lon });
    graticule.push({ d: `M${a.x},${a.y}L${b.x},${b.y}` });
  }
  const networks = [...new Set(points.map((p) => p.network))];
  return (
    <figure class="map">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        <rect width={map.width} height={map.height} class="map-land" />
        <g class="map-graticule">
          {graticule.map((line) => (
            <path key={line.d} d={line.d} />
          ))}
        </g>
        {circle && (
          <g class="map-radius">
            <circle cx={map.at(circle.centre).x} cy={map.at(circle.centre).y} r={circle.radiusKm * map.scale} />
            <path d={`M${map.at(circle.centre).x - 6},${map.at(circle.centre).y}h12M${map.at(circle.centre).x},${map.at(circle.centre).y - 6}v12`} />
          </g>
        )}
        <g class="map-towns">
          {towns
            .filter((town) => map.inside(town.at))
            .map((town) => {
              const { x, y } = map.at(town.at);
              // Near the right edge the name goes to the left of its town, so it is not cut off.
              const left = x > map.width * 0.8;
              return (
                <g key={town.name}>
                  <rect x={x - 3} y={y - 3} width={6} height={6} />
                  <text x={left ? x - 6 : x + 6} y={y - 5} text-anchor={left ? 'end' : 'start'}>
                    {town.name}
                  </text>
                </g>
              );
            })}
        </g>
        <g class="map-hits">
          {points.map((point) => {
            const { x, y } = map.at(point.at);
            return (
              <circle key={point.id} cx={x} cy={y} r={6} fill={networkColours[point.network]} data-member={point.id}>
                <title>{point.name}</title>
              </circle>
            );
          })}
        </g>
        <g class="map-scale" transform={`translate(12 ${map.height - 14})`}>
          <path d={`M0,-4v4h${scaleKm * map.scale}v-4`} />
          <text x={scaleKm * map.scale + 6} y={0}>
            {t.km(number(scaleKm))}
          </text>
        </g>
      </svg>
      <figcaption class="map-legend">
        {networks.map((code) => (
          <span key={code}>
            <svg width="12" height="12" aria-hidden="true">
              <circle cx="6" cy="6" r="5" fill={networkColours[code]} />
            </svg>{' '}
            {t.mapLegendHit} ({code})
          </span>
        ))}
        <span>
          <svg width="12" height="12" aria-hidden="true">
            <rect x="3" y="3" width="6" height="6" class="legend-town" />
          </svg>{' '}
          {t.mapLegendTown}
        </span>
        {circle && (
          <span>
            <svg width="14" height="14" aria-hidden="true">
              <circle cx="7" cy="7" r="6" class="legend-radius" />
            </svg>{' '}
            {t.mapLegendCentre} ({postalCode})
          </span>
        )}
      </figcaption>
    </figure>
  );
}
