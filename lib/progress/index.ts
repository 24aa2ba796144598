// PLACEHOLDER until the progress engine lands (replaced wholesale).
export type IndicatorKind = 'growthRate' | 'cumulative' | 'share';
export * from './plan-figures';
