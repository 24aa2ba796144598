/** The one JSON error body of every API answer: { "error": { "status", "message" } }. */
export function errorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { status, message } }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}
