import { checkDatabase } from '@/lib/loaders';

export const dynamic = 'force-dynamic';

const MESSAGES = {
  notConfigured: '未配置数据库（DATABASE_URL 未设置）',
  unreachable: '数据库无法连接',
} as const;

export async function GET() {
  const database = await checkDatabase();
  const headers = { 'Cache-Control': 'no-store' };
  if (database.ok) {
    return Response.json({ status: 'ok', database: { status: 'ok', latencyMs: database.latencyMs } }, { headers });
  }
  return Response.json(
    { status: 'error', database: { status: database.reason, message: MESSAGES[database.reason] } },
    { status: 503, headers },
  );
}
