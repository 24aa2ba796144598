/**
 * Geometry of the small server-rendered SVG charts (sparklines, completion bars): where things go on
 * the screen, never a figure anyone reads. The figures themselves come from lib/progress.
 */

export interface Box {
  width: number;
  height: number;
  /** inner margin so strokes and markers at the edges are not cut off */
  padding: number;
}

export interface SparklineGeometry {
  /** one SVG path per series; segments break at missing values */
  paths: Record<string, string>;
  /** the last drawn point of each series, for an end marker */
  ends: Record<string, { x: number; y: number } | null>;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Maps rows (one per x step) onto the box: x evenly spaced, y from the min..max of every plotted value
 * (a flat series sits in the middle). Keys name the series to draw, e.g. ['actual', 'planned'].
 */
export function sparklineGeometry<K extends string>(rows: readonly Partial<Record<K, number | null>>[], keys: readonly K[], box: Box): SparklineGeometry {
  const values = rows.flatMap((row) => keys.map((k) => row[k])).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const paths: Record<string, string> = {};
  const ends: SparklineGeometry['ends'] = {};
  const min = Math.min(...values);
  const max = Math.max(...values);
  const innerW = box.width - 2 * box.padding;
  const innerH = box.height - 2 * box.padding;
  const x = (i: number) => round(box.padding + (rows.length <= 1 ? innerW / 2 : (innerW * i) / (rows.length - 1)));
  const y = (v: number) => round(max === min ? box.padding + innerH / 2 : box.padding + innerH - ((v - min) / (max - min)) * innerH);
  for (const key of keys) {
    let d = '';
    let pen = false;
    let end: { x: number; y: number } | null = null;
    rows.forEach((row, i) => {
      const v = row[key];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      end = { x: x(i), y: y(v) };
      d += `${pen ? 'L' : 'M'}${end.x} ${end.y}`;
      pen = true;
    });
    paths[key] = d;
    ends[key] = end;
  }
  return { paths, ends };
}

/**
 * The right end of a completion bar scale: at least 100 %, widened to show completions up to 150 %
 * (in steps of 25 %) so that "achieved early" stays visible; beyond that bars are cut off and the
 * printed number tells the rest.
 */
export function completionScaleMax(ratios: readonly (number | null)[]): number {
  const highest = Math.max(1, ...ratios.filter((r): r is number => typeof r === 'number' && Number.isFinite(r)));
  return Math.min(1.5, Math.ceil(highest * 4 - 1e-9) / 4);
}

/** A ratio as a share of the bar (0..1), clamped: negative completion draws nothing, overflow a full bar. */
export function barFraction(ratio: number | null, scaleMax: number): number {
  if (ratio === null || !Number.isFinite(ratio) || scaleMax <= 0) return 0;
  return Math.min(1, Math.max(0, ratio / scaleMax));
}
