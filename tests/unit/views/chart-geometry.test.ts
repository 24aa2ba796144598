import { describe, expect, it } from 'vitest';
import { barFraction, completionScaleMax, sparklineGeometry } from '@/lib/views/chart-geometry';

describe('sparklineGeometry', () => {
  const box = { width: 110, height: 50, padding: 5 };

  it('spreads rows evenly across the width and maps min..max of all series onto the height', () => {
    const { paths, ends } = sparklineGeometry([{ a: 0, b: 10 }, { a: 5, b: null }, { a: 10, b: 20 }], ['a', 'b'], box);
    expect(paths.a).toBe('M5 45L55 35L105 25');
    expect(paths.b).toBe('M5 25M105 5'); // the gap breaks the line
    expect(ends.b).toEqual({ x: 105, y: 5 });
  });

  it('a flat series sits in the middle; a series without values draws nothing', () => {
    const { paths, ends } = sparklineGeometry([{ a: 3, b: null }, { a: 3, b: null }], ['a', 'b'], box);
    expect(paths.a).toBe('M5 25L105 25');
    expect(paths.b).toBe('');
    expect(ends.b).toBeNull();
  });
});

describe('completion bars', () => {
  it('the scale is at least 100 %, widened in 25 % steps up to 150 %', () => {
    expect(completionScaleMax([0.4, null, 0.9])).toBe(1);
    expect(completionScaleMax([1.1])).toBe(1.25);
    expect(completionScaleMax([1.25])).toBe(1.25);
    expect(completionScaleMax([3])).toBe(1.5);
    expect(completionScaleMax([])).toBe(1);
  });

  it('bar fractions are clamped to 0..1', () => {
    expect(barFraction(0.6, 1.25)).toBeCloseTo(0.48, 12);
    expect(barFraction(-0.2, 1)).toBe(0);
    expect(barFraction(2, 1.5)).toBe(1);
    expect(barFraction(null, 1)).toBe(0);
  });
});
