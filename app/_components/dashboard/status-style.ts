import type { Status } from '@/lib/progress';

/**
 * How each status looks, in one place. Colour is never the only signal: every use also prints the
 * status text, and the symbol keeps statuses apart on a black-and-white printout.
 */
export const STATUS_STYLE: Record<Status, { fill: string; chip: string; symbol: string }> = {
  achieved: { fill: '#064e3b', chip: 'border-emerald-700 bg-emerald-50 text-emerald-900', symbol: '✓' },
  ahead: { fill: '#047857', chip: 'border-emerald-500 bg-emerald-50 text-emerald-900', symbol: '▲' },
  onTrack: { fill: '#2563eb', chip: 'border-blue-500 bg-blue-50 text-blue-900', symbol: '●' },
  lagging: { fill: '#b45309', chip: 'border-amber-500 bg-amber-50 text-amber-900', symbol: '▼' },
  seriouslyLagging: { fill: '#dc2626', chip: 'border-red-500 bg-red-50 text-red-900', symbol: '▼▼' },
  notAchieved: { fill: '#991b1b', chip: 'border-red-800 bg-red-100 text-red-950', symbol: '✕' },
  pendingFinal: { fill: '#a78bfa', chip: 'border-violet-500 bg-violet-50 text-violet-900', symbol: '◇' },
  noData: { fill: '#94a3b8', chip: 'border-slate-400 bg-slate-100 text-slate-800', symbol: '○' },
  noTarget: { fill: '#cbd5e1', chip: 'border-slate-300 bg-white text-slate-700', symbol: '–' },
};
