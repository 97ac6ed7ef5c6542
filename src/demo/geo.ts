/**
 * Where things happen: the five districts of Dongying, their boundaries (from the shared GeoJSON
 * when present, else each district's bounding box) and sampling of points inside them.
 * Coordinates are sampled in the boundary file's own frame so that points fall inside the
 * polygons the big screen draws.
 */
import { loadDistricts } from './reference.js';
import type { Rng } from './rng.js';

export type LonLat = [lon: number, lat: number];

export interface District {
  adcode: string;
  name: string;
  /** Urban centre, where most stations and incidents cluster. */
  center: LonLat;
  bbox: [minLon: number, minLat: number, maxLon: number, maxLat: number];
  polygons: number[][][][] | null;
}

/** Built-in facts; bounding boxes measured from dongying-370500.geojson. */
const BUILT_IN: Omit<District, 'polygons'>[] = [
  { adcode: '370502', name: '东营区', center: [118.5075, 37.4616], bbox: [118.217, 37.262, 119.013, 37.537] },
  { adcode: '370503', name: '河口区', center: [118.5296, 37.886], bbox: [118.213, 37.767, 119.067, 38.158] },
  { adcode: '370505', name: '垦利区', center: [118.5513, 37.5887], bbox: [118.252, 37.416, 119.309, 37.952] },
  { adcode: '370522', name: '利津县', center: [118.2489, 37.4934], bbox: [118.112, 37.363, 118.712, 38.146] },
  { adcode: '370523', name: '广饶县', center: [118.4075, 37.0516], bbox: [118.289, 36.936, 119.04, 37.36] },
];

export function loadCityDistricts(): District[] {
  const features = loadDistricts();
  return BUILT_IN.map((d) => ({ ...d, polygons: features?.find((f) => f.adcode === d.adcode)?.polygons ?? null }));
}

function inRing(p: LonLat, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function insideDistrict(d: District, p: LonLat): boolean {
  const [x0, y0, x1, y1] = d.bbox;
  if (p[0] < x0 || p[0] > x1 || p[1] < y0 || p[1] > y1) return false;
  if (!d.polygons) return true;
  return d.polygons.some(([outer, ...holes]) => inRing(p, outer) && !holes.some((h) => inRing(p, h)));
}

const KM_PER_DEG_LAT = 111.0;

/**
 * A point in the district near `around` (normal spread `sigmaKm`), by rejection; after a few
 * misses it samples the whole district uniformly, and as a last resort returns `around`.
 */
export function samplePoint(rng: Rng, d: District, around: LonLat, sigmaKm: number): LonLat {
  const kmPerDegLon = KM_PER_DEG_LAT * Math.cos((around[1] * Math.PI) / 180);
  for (let i = 0; i < 12; i++) {
    const p: LonLat = [
      around[0] + rng.normal(0, sigmaKm) / kmPerDegLon,
      around[1] + rng.normal(0, sigmaKm) / KM_PER_DEG_LAT,
    ];
    if (insideDistrict(d, p)) return p;
  }
  const [x0, y0, x1, y1] = d.bbox;
  for (let i = 0; i < 50; i++) {
    const p: LonLat = [rng.between(x0, x1), rng.between(y0, y1)];
    if (insideDistrict(d, p)) return p;
  }
  return around;
}
