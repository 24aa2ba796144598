/**
 * SAMPLE DATA (示例数据) for trying the app and for the end-to-end tests: invented yearly figures for
 * the 16 indicators of 表1. They are NOT statistics of 鹿泉区. They are stored with isSample = true and
 * every page that shows them says so. Loaded only on request (SAMPLE_DATA=1 npm start, or
 * npm run db:seed -- --sample).
 *
 * Chosen so that, as of 2023, every status the product knows appears: 提前实现 2 (rows 8, 15),
 * 快于序时进度 3 (3, 6, 11), 基本符合序时进度 4 (1, 4, 7, 10), 滞后于序时进度 3 (2, 9, 13),
 * 明显滞后 3 (5, 12, 14), 暂无数据 1 (16). 2025 figures are preliminary; those of rows 13 and 14 are
 * still awaiting review.
 */
export interface SampleFigure {
  sequence: number;
  year: number;
  value: string;
  status: 'approved' | 'submitted';
  quality: 'preliminary' | 'final';
}

// 序号 → figures for 2021…2025 (null: no figure that year)
const series: Record<number, (string | null)[]> = {
  1: ['14.2', '11.5', '13.0', '12.6', '12.1'],
  2: ['9.8', '12.0', '8.5', '10.2', '11.0'],
  3: ['16.0', '12.5', '11.8', '10.5', '9.6'],
  4: ['33', '36', '39', '42', '46'],
  5: ['24', '25', '26', '28', '30'],
  6: ['262', '301', '345', '372', '398'],
  7: ['905', '985', '1046', '1120', '1189'],
  8: ['68', '71', '77', '78', '80'],
  9: ['18.5', '23.1', '27.6', '33.0', '38.2'],
  10: ['150', '158', '167', '174', '183'],
  11: ['9.02', '9.65', '10.38', '11.05', '11.62'],
  12: ['37.1', '36.8', '38.0', '39.2', '40.5'],
  13: ['2.86', '4.52', '6.31', '8.44', '10.35'],
  14: ['7', '8', '8', '9', '10'],
  15: ['11', '12', '12', '13', '13'],
  16: [null, null, null, '5', '6'],
};

const AWAITING_REVIEW_2025 = new Set([13, 14]);

export const SAMPLE_SOURCE = '示例数据';

export const LUQUAN_2021_2025_SAMPLE: SampleFigure[] = Object.entries(series).flatMap(([sequence, values]) =>
  values.flatMap((value, index) => {
    if (value === null) return [];
    const year = 2021 + index;
    return [{
      sequence: Number(sequence),
      year,
      value,
      status: year === 2025 && AWAITING_REVIEW_2025.has(Number(sequence)) ? 'submitted' : 'approved',
      quality: year === 2025 ? 'preliminary' : 'final',
    } satisfies SampleFigure];
  }),
);
