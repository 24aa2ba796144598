import { describe, expect, it } from 'vitest';
import { indicatorFieldsSchema } from '@/lib/schemas/plan';

const base = { sequence: '1', category: '创新投入', name: '研发投入强度', unit: '家', kind: 'cumulative', attribute: 'expected', direction: 'up', decimals: '0' };
const errors = (input: Record<string, unknown>) => {
  const parsed = indicatorFieldsSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('the optional English names of an indicator definition', () => {
  it('are optional: absent stays undefined (kept as stored), empty is null (none)', () => {
    expect(indicatorFieldsSchema.parse(base)).not.toHaveProperty('nameEn', expect.anything());
    expect(indicatorFieldsSchema.parse({ ...base, nameEn: ' ', unitEn: '', categoryEn: '' })).toMatchObject({ nameEn: null, unitEn: null, categoryEn: null });
  });

  it('are trimmed and kept as typed', () => {
    expect(indicatorFieldsSchema.parse({ ...base, nameEn: ' High-tech firms ', unitEn: 'firms', categoryEn: 'Innovation input' })).toMatchObject({
      nameEn: 'High-tech firms', unitEn: 'firms', categoryEn: 'Innovation input',
    });
  });

  it('refuse Chinese characters, with the message next to the field', () => {
    expect(errors({ ...base, nameEn: '高新技术企业 firms', unitEn: 'firms' })).toEqual({ nameEn: '英文名称只能用英文填写，不能含中文字符' });
    expect(errors({ ...base, nameEn: 'Firms', unitEn: '家' })).toEqual({ unitEn: '英文单位只能用英文填写，不能含中文字符' });
    expect(errors({ ...base, categoryEn: '创新 input' })).toEqual({ categoryEn: '类别英文名称只能用英文填写，不能含中文字符' });
  });

  it('need an English unit with an English name when the unit is Chinese, and a name with a unit', () => {
    expect(errors({ ...base, nameEn: 'High-tech firms' })).toEqual({ unitEn: '单位含中文，填写英文名称时请同时填写英文单位' });
    expect(errors({ ...base, unit: '%', nameEn: 'R&D intensity' })).toEqual({});
    expect(errors({ ...base, unitEn: 'firms' })).toEqual({ unitEn: '填写英文单位时，请同时填写英文名称' });
  });
});
