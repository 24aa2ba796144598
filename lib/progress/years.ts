/** The years first … last, in order; none when last < first or either is not a whole year. */
export function yearRange(first: number, last: number): number[] {
  if (!Number.isInteger(first) || !Number.isInteger(last) || last < first) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
