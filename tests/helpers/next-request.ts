// A stand-in for the request scope Next gives server actions: next/headers backed by a cookie jar,
// so actions run with the cookie of a real better-auth session. Everything after headers()/cookies()
// (better-auth's session lookup, our role checks, the database) is the real code.
export const jar = new Map<string, string>();
/** the attributes the last set() gave each cookie */
export const cookieAttributes = new Map<string, Record<string, unknown>>();
export const request = { ip: '203.0.113.7' };

function cookieHeader(): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

const cookieStore = {
  get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
  getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  has: (name: string) => jar.has(name),
  set: (name: string | { name: string; value: string; maxAge?: number }, value?: string, options?: { maxAge?: number }) => {
    const cookie = typeof name === 'string' ? { name, value: value ?? '', maxAge: options?.maxAge } : name;
    cookieAttributes.set(cookie.name, { ...(typeof name === 'string' ? options : name) });
    if (cookie.maxAge === 0 || cookie.value === '') jar.delete(cookie.name);
    else jar.set(cookie.name, cookie.value);
  },
  delete: (name: string) => jar.delete(name),
};

export const nextHeadersMock = {
  cookies: async () => cookieStore,
  headers: async () =>
    new Headers({ cookie: cookieHeader(), host: 'localhost:3000', origin: 'http://localhost:3000', 'x-forwarded-for': request.ip, 'next-action': 'test' }),
  draftMode: async () => ({ isEnabled: false }),
};

export const nextCacheMock = {
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
};

/** What a server action did: returned a value, or redirected (Next's redirect() throws). */
export async function runAction<T>(action: () => Promise<T>): Promise<{ returned?: T; redirectedTo?: string }> {
  try {
    return { returned: await action() };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { redirectedTo: digest.split(';')[2] };
    throw error;
  }
}

export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}
