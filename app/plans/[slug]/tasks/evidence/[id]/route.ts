import { withApiAuth } from '@/lib/auth/api';
import { downloadResponse } from '@/lib/export/http';
import { errorResponse } from '@/lib/http/errors';
import { loadPlan, loadTaskEvidenceFile } from '@/lib/loaders';
import { parseId } from '@/lib/schemas/params';

export const dynamic = 'force-dynamic';

/**
 * GET /plans/{plan}/tasks/evidence/{id} — an evidence file of a key-task report, as uploaded (always as
 * an attachment, with the type its extension and first bytes were checked against). Anyone who may read the plan.
 */
async function getEvidence(_request: Request, { params }: { params: Promise<{ slug: string; id: string }> }): Promise<Response> {
  const { slug, id } = await params;
  const plan = await loadPlan(slug);
  const evidenceId = parseId(id);
  const file = plan && evidenceId !== null ? await loadTaskEvidenceFile(evidenceId) : null;
  if (!plan || !file || file.planId !== plan.id) return errorResponse(404, '找不到这个文件。');
  return downloadResponse(file.bytes, file.contentType, file.fileName, `evidence-${file.id}.${file.fileName.split('.').pop() ?? 'bin'}`);
}

export const GET = withApiAuth('plans.read', getEvidence);
