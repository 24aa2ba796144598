/**
 * Progress engine: pure functions that turn a plan indicator and its observations into completion,
 * 序时进度, growth, gaps, projections and a status. No I/O, no framework imports; relative imports only,
 * so the folder drops into any project. Formulas: see README "How progress is computed".
 */
export * from './types';
export * from './assess';
export * from './labels';
export * from './rollup';
export * from './consistency';
export * from './chart';
export * from './format';
export * from './plan';
export { normalizeObservations } from './observations';
export * from './plan-figures';
export * from './warnings';
export * from './chart-rows';
export * from './definition-checks';
export * from './years';
export * from './benchmarks';
export * from './tasks';
export * from './proposals';
export * from './axis';
export * from './wording';
