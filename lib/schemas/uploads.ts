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

// ── Evidence files of key-task reports (佐证材料), stored in the database ─────────────────────────

/** One evidence file; also what the server-action body must carry (below SERVER_ACTION_BODY_LIMIT_MB). */
export const EVIDENCE_UPLOAD_MAX_MB = 4;
export const EVIDENCE_UPLOAD_MAX_BYTES = EVIDENCE_UPLOAD_MAX_MB * MB;
/** Files added in one save. */
export const EVIDENCE_FILES_PER_SAVE = 1;

/** Accepted kinds: extension → content type sent back on download, and the file's first bytes. */
export const EVIDENCE_TYPES: Record<string, { contentType: string; magic: readonly (readonly number[])[] }> = {
  pdf: { contentType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  png: { contentType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  doc: { contentType: 'application/msword', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  xls: { contentType: 'application/vnd.ms-excel', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
};

/** For <input accept>. */
export const EVIDENCE_ACCEPT = Object.keys(EVIDENCE_TYPES).map((e) => `.${e}`).join(',');

export type EvidenceCheck = { ok: true; contentType: string; fileName: string } | { ok: false; reason: 'tooLarge' | 'badType' | 'empty' };

/**
 * Checks an evidence file by its extension and its first bytes (what the browser says the type is is not
 * trusted), and its size. The file name is kept without any folder part, at most 120 characters.
 */
export function checkEvidenceFile(name: string, bytes: Uint8Array): EvidenceCheck {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  if (bytes.byteLength > EVIDENCE_UPLOAD_MAX_BYTES) return { ok: false, reason: 'tooLarge' };
  const fileName = (name.split(/[\\/]/).pop() ?? '').trim().slice(-120) || 'file';
  const type = EVIDENCE_TYPES[fileName.split('.').pop()?.toLowerCase() ?? ''];
  if (!type || !type.magic.some((m) => m.every((b, i) => bytes[i] === b))) return { ok: false, reason: 'badType' };
  return { ok: true, contentType: type.contentType, fileName };
}
