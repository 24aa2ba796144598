/**
 * Rasterises the evaluation report's SVG charts (lib/views/evaluation-charts.ts) to PNG for the Word file,
 * with resvg compiled to WebAssembly (@resvg/resvg-wasm: no native binary, nothing downloaded at install or
 * run time; the .wasm file ships in the npm package). Chinese labels need a CJK font, which WebAssembly
 * cannot find by itself: the first file found in CJK_FONT_FILES (Debian/Ubuntu `fonts-noto-cjk`, else other
 * common CJK fonts), or CHART_FONT_FILE when set, is read once and handed to resvg as a buffer. Without any,
 * the charts are drawn without text (the captions and the alt text in the Word file still say what they show).
 *
 * Why not @resvg/resvg-js (native): its font database re-reads a font file from disk for every glyph,
 * which with a 20 MB CJK collection takes seconds per chart. Node only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { ChartSvg } from '@/lib/views/evaluation-charts';

/** Where CJK fonts live on common Linux systems, Windows and macOS (the first that exists is used). */
export const CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
  '/System/Library/Fonts/PingFang.ttc',
];

/** The CJK font file the charts are drawn with, or null when none was found. */
export function chartFontFile(): string | null {
  const configured = process.env.CHART_FONT_FILE;
  return [...(configured ? [configured] : []), ...CJK_FONT_FILES].find((f) => existsSync(/*turbopackIgnore: true*/ f)) ?? null;
}

// Named in a variable so that the bundler leaves the .wasm file alone: it is read from node_modules at run time.
const WASM_FILE = '@resvg/resvg-wasm/index_bg.wasm';

function wasmPath(): string {
  try {
    return createRequire(/*turbopackIgnore: true*/ import.meta.url).resolve(/*turbopackIgnore: true*/ WASM_FILE);
  } catch {
    return join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', ...WASM_FILE.split('/'));
  }
}

let ready: Promise<{ fonts: Uint8Array[] }> | null = null;

/** Loads the WebAssembly module and the font once per process. */
function prepare(): Promise<{ fonts: Uint8Array[] }> {
  ready ??= (async () => {
    await initWasm(readFileSync(/*turbopackIgnore: true*/ wasmPath()));
    const file = chartFontFile();
    return { fonts: file ? [new Uint8Array(readFileSync(/*turbopackIgnore: true*/ file))] : [] };
  })().catch((error: unknown) => {
    ready = null;
    throw error;
  });
  return ready;
}

export interface ChartPng {
  png: Uint8Array;
  /** pixel size of the PNG (scale × the SVG's size) */
  width: number;
  height: number;
}

/** The chart as a PNG at `scale` times its SVG size (2: sharp when printed at the SVG's size in points). */
export async function chartPng(chart: ChartSvg, scale = 2): Promise<ChartPng> {
  const { fonts } = await prepare();
  const resvg = new Resvg(chart.svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontBuffers: fonts, loadSystemFonts: false, defaultFontFamily: 'Noto Sans CJK SC' },
  });
  try {
    const image = resvg.render();
    const result = { png: image.asPng(), width: image.width, height: image.height };
    image.free();
    return result;
  } finally {
    resvg.free();
  }
}
