import { buildFigureTemplate } from '/work/wt15b/lib/import/figure-workbook.ts';
import JSZip from 'jszip';
const b = await buildFigureTemplate({ planSlug: 'x', planName: 'P', year: 2023, indicators: [1,2,3].map(i => ({ id: i, sequence: i, category: 'c', name: 'n'+i, unit: '家', kind: 'cumulative', decimals: 0, previous: null })) });
const z = await JSZip.loadAsync(b);
const x = await z.file('xl/worksheets/sheet1.xml')!.async('string');
console.log(x.match(/<dataValidations[\s\S]*<\/dataValidations>/)?.[0]);
