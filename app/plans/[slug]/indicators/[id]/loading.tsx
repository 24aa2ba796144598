import { DashboardSkeleton } from '@/app/_components/dashboard/skeletons';

export default function Loading() {
  return <DashboardSkeleton variant="indicator" />;
}
