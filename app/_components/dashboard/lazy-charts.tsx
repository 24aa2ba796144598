'use client';

/**
 * The indicator page's recharts charts, loaded after the page has rendered: recharts (~100 KiB gzip) is
 * never part of a page's first-load JavaScript, and a page without a chart never loads it. Until it
 * arrives a box of the chart's size holds its place (no layout shift); the figures are in the text
 * summary next to each chart and in the figures table, so nothing waits for it.
 */
import dynamic from 'next/dynamic';

function placeholder(aspectRatio: number, maxHeight: number, minHeight: number) {
  const Placeholder = () => <div aria-hidden="true" className="w-full rounded bg-slate-50" style={{ aspectRatio, maxHeight, minHeight }} />;
  return Placeholder;
}

export const TrajectoryChart = dynamic(() => import('./trajectory-chart').then((m) => m.TrajectoryChart), {
  ssr: false,
  loading: placeholder(1.9, 380, 220),
});

export const GrowthChart = dynamic(() => import('./growth-chart').then((m) => m.GrowthChart), {
  ssr: false,
  loading: placeholder(2.4, 300, 180),
});
