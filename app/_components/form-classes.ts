// The class names of form controls and buttons. A plain module (no 'use client'), so that server
// components get the strings themselves: what a server component imports from a client module is a
// client reference, not its value, and a className set from one renders without the styles.
export const inputClass =
  'block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-600';
export const labelClass = 'block text-sm font-medium text-slate-800';
export const primaryButtonClass =
  'rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70';
export const secondaryButtonClass =
  'rounded border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-wait disabled:opacity-70';
