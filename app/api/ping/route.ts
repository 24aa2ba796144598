// The smallest route of the server: touches no database and no session. The bench compares real pages
// against it, so that the ratios show what the pages themselves cost.
export const dynamic = 'force-dynamic';

export function GET() {
  return new Response('ok', { headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain' } });
}
