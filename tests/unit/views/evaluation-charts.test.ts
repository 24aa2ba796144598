import { describe, expect, it } from 'vitest';
import { categoryChartSvg, niceTicks, statusBarSvg } from '@/lib/views/evaluation-charts';

describe('evaluation charts', () => {
  it('picks round ticks covering the values', () => {
    expect(niceTicks(23, 33)).toEqual([22.5, 25, 27.5, 30, 32.5, 35]);
    expect(niceTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
    const flat = niceTicks(5, 5);
    expect(flat[0]).toBeLessThan(5);
    expect(flat.at(-1)).toBeGreaterThan(5);
  });

  it('draws one bar segment per status present, labelled with its count', () => {
    const chart = statusBarSvg(
      [
        { status: 'achieved', label: '已完成', count: 8 },
        { status: 'lagging', label: '滞后于序时进度', count: 0 },
        { status: 'notAchieved', label: '未完成', count: 8 },
      ],
      16,
    );
    expect(chart.svg.match(/<rect [^>]*height="44"/g)).toHaveLength(2);
    expect(chart.alt).toBe('指标状态分布：已完成8项，未完成8项（共16项）。');
  });

  it('escapes text and leaves a gap where a value is missing', () => {
    const chart = categoryChartSvg({
      title: 'A<B类指标实际值与规划路径',
      panels: [
        {
          indicatorId: 1, title: '1. x & y', scale: '家', decimals: 0,
          rows: [
            { year: 2020, actual: 1, planned: 1, target: 5 },
            { year: 2021, actual: null, planned: 2, target: 5 },
            { year: 2022, actual: 3, planned: 3, target: 5 },
          ],
        },
      ],
    });
    expect(chart.svg).toContain('1. x &amp; y');
    expect(chart.svg).not.toContain('x & y');
    const actualPath = chart.svg.match(/<path d="([^"]+)" fill="none" stroke="#123a68"/)![1]!;
    expect(actualPath.match(/M/g)).toHaveLength(2); // two separate pieces around the missing year
  });
});
