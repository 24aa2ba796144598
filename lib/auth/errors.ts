// Refusals every check raises, with the Chinese message the person sees.

export type RefusalReason = 'unauthenticated' | 'forbidden';

export const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  unauthenticated: '请先登录。',
  forbidden: '您的账号没有执行此操作的权限。如需权限，请联系系统管理员。',
};

/** Thrown by requireActionUser; actions turn it into form state, route handlers into 401/403 JSON. */
export class AuthorizationError extends Error {
  constructor(readonly reason: RefusalReason) {
    super(REFUSAL_MESSAGES[reason]);
    this.name = 'AuthorizationError';
  }

  get status(): 401 | 403 {
    return this.reason === 'unauthenticated' ? 401 : 403;
  }
}
