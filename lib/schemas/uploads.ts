/**
 * Upload limits, shared by the forms (checked in the browser before sending), the server actions
 * (checked again on the server) and next.config.ts (the server-action body limit).
 */
const MB = 1024 * 1024;

/** The yearly entry template (数据填报 → 上传). */
export const FIGURE_UPLOAD_MAX_MB = 2;
/** A 表1-layout plan table (规划管理 → 导入). */
export const PLAN_TABLE_UPLOAD_MAX_MB = 5;

export const FIGURE_UPLOAD_MAX_BYTES = FIGURE_UPLOAD_MAX_MB * MB;
export const PLAN_TABLE_UPLOAD_MAX_BYTES = PLAN_TABLE_UPLOAD_MAX_MB * MB;

/**
 * Next refuses a server-action request body above this before any app code runs (its default is 1 MB,
 * which fired before the app's own size check). The largest upload plus 1 MB for the other form fields
 * and the multipart framing; a reverse proxy must allow at least this much (nginx client_max_body_size).
 */
export const SERVER_ACTION_BODY_LIMIT_MB = Math.max(FIGURE_UPLOAD_MAX_MB, PLAN_TABLE_UPLOAD_MAX_MB) + 1;

/** The answer to a file over the limit, in the browser and from the server. */
export const fileTooLargeMessage = (maxMb: number) => `文件过大（上限 ${maxMb} MB）`;

/** true when a picked file is within the limit (no file counts as within: the server says what is missing). */
export const fileWithinLimit = (file: { size: number } | null | undefined, maxBytes: number) => !file || file.size <= maxBytes;
