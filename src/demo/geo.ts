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

/** The published GCJ-02 offset at a point (degrees of longitude and latitude). */
function gcjOffset([lon, lat]: LonLat): LonLat {
  const a = 6378245.0;
  const ee = 0.00669342162296594323;
  const x = lon - 105.0;
  const y = lat - 35.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLon += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLon += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLon += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radLat = (lat / 180.0) * Math.PI;
  const magic = 1 - ee * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  return [
    (dLon * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI),
    (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI),
  ];
}

/**
 * GCJ-02 (the frame of the district map files) to WGS-84 (what the contract carries, §5.1): the
 * usual one-step inverse of the offset, accurate to a few metres.
 */
export function gcj02ToWgs84(p: LonLat): LonLat {
  const [dLon, dLat] = gcjOffset(p);
  return [p[0] - dLon, p[1] - dLat];
}

/** WGS-84 to GCJ-02, to place contract coordinates on the district maps. */
export function wgs84ToGcj02(p: LonLat): LonLat {
  const [dLon, dLat] = gcjOffset(p);
  return [p[0] + dLon, p[1] + dLat];
}
