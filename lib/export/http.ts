/**
 * Content-Disposition for a download with a Chinese name: RFC 6266 with an ASCII `filename` fallback
 * for old clients and the UTF-8 name in `filename*` (RFC 5987), which every current browser prefers.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  // encodeURIComponent leaves !'()* alone; RFC 5987 attr-char excludes ' ( ) *, so encode them too.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
} as const;

/** A download response; the bytes are copied into an ArrayBuffer body (what Response accepts everywhere). */
export function downloadResponse(bytes: Uint8Array, contentType: string, fileName: string, asciiFallback: string): Response {
  return new Response(bytes.slice().buffer as ArrayBuffer, {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': contentDisposition(fileName, asciiFallback),
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
