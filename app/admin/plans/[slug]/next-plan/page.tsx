import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NextPlanForm } from '@/app/_components/admin/next-plan-form';
import { SampleDataNotice } from '@/app/_components/sample-data-notice';
import { requirePageUser } from '@/lib/auth/session';
import { loadPlan, loadPlanFigures } from '@/lib/loaders';
import { PROPOSAL_NOTICE_ZH } from '@/lib/progress';
import { nextPlanDraft } from '@/lib/views/next-plan';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const plan = await loadPlan((await params).slug);
  return { title: plan ? `${plan.name} · 下一规划目标测算` : '下一规划目标测算' };
}

/** 十五五 targets proposed from the record: review, edit, and create the new plan in one step. Admins only. */
export default async function NextPlanPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePageUser('plans.manage');
  const plan = await loadPlan((await params).slug);
  if (!plan) notFound();
  const figures = await loadPlanFigures(plan.id);
  const draft = nextPlanDraft(plan, figures);
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href={`/admin/plans/${plan.slug}`} className="text-brand-700 underline">返回 {plan.name}</Link></p>
      <h1 className="text-xl font-semibold sm:text-2xl">下一规划目标测算（{draft.defaults.firstYear}—{draft.defaults.lastYear}年）</h1>
      {plan.hasSampleData && <SampleDataNotice />}
      <p role="note" className="rounded border border-blue-300 bg-blue-50 px-3 py-2 text-sm font-medium text-blue-950">{PROPOSAL_NOTICE_ZH}</p>
      <p className="text-sm text-slate-700">
        参考值按三种口径测算：延续{plan.firstYear}—{plan.lastYear}年趋势、保持原规划速度、保持最新水平；新基数为各指标最近一年已审核数据（不是原规划基数）。
        新规划的目标由您填写或点“采用”后修改，未填写的指标目标留空。创建后在规划页查看定义检查结果。新规划不复制任何年度数据。
      </p>
      <NextPlanForm sourceSlug={plan.slug} defaults={draft.defaults} rows={draft.rows} />
    </div>
  );
}
