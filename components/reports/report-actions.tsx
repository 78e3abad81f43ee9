'use client';

import { Bell, BellOff, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  deleteReportAction,
  setReportFollowAction,
  type ReportPageRef,
} from '@/app/(app)/[entity]/[project]/reports/actions';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';

/** Follow / Unfollow, with the follower count; the page refreshes with the server's answer. */
export function FollowButton({
  report,
  following,
  followers,
}: {
  report: ReportPageRef;
  following: boolean;
  followers: number;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function toggle() {
    startTransition(async () => {
      const result = await setReportFollowAction(report, !following);
      if (result.status === 'error') {
        setError(result.message);
        return;
      }
      setError(null);
      router.refresh();
    });
  }

  const Icon = following ? BellOff : Bell;
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        size="sm"
        pending={pending}
        aria-pressed={following}
        onClick={toggle}
      >
        {!pending && <Icon className="h-4 w-4" aria-hidden />}
        {following ? 'Unfollow' : 'Follow'}
        <span className="rounded-full bg-zinc-100 px-1.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
          {followers}
        </span>
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}

/** "Delete report" behind the shared confirmation; afterwards the project's report list. */
export function DeleteReportButton({ report, title }: { report: ReportPageRef; title: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      const result = await deleteReportAction(report);
      if (result.status === 'error') {
        setError(result.message);
        return;
      }
      setOpen(false);
      router.push(
        `/${encodeURIComponent(report.entity)}/${encodeURIComponent(report.project)}/reports`,
      );
      router.refresh();
    });
  }

  return (
    <>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <Trash2 className="h-4 w-4" aria-hidden />
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          setOpen(false);
          setError(null);
        }}
        title={`Delete “${title}”?`}
        description="The report, its charts and its comments go for good. The runs it shows stay as they are. This cannot be undone."
        error={error && <Alert tone="error">{error}</Alert>}
        confirmLabel="Delete report"
        pending={pending}
        onConfirm={remove}
      />
    </>
  );
}
