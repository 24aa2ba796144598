import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('health');
});
afterAll(async () => {
  await database?.drop();
});

describe('/api/health', () => {
  it('answers 200 when the database answers', async () => {
    process.env.DATABASE_URL = database.url;
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { status: 'ok' } });
  });

  it('answers 503 with a clear message when the database is unreachable', async () => {
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/nothing';
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'error', database: { status: 'unreachable', message: '数据库无法连接' } });
  });

  it('answers 503 when no database is configured', async () => {
    delete process.env.DATABASE_URL;
    const response = await GET();
    expect(response.status).toBe(503);
    expect((await response.json()).database.status).toBe('notConfigured');
  });
});
