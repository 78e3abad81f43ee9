'use client';

import { MessageSquare, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, useTransition } from 'react';
import {
  addReportCommentAction,
  deleteReportCommentAction,
  type ReportPageRef,
} from '@/app/(app)/[entity]/[project]/reports/actions';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { TextareaField } from '../ui/field';
import { useFormAction } from '../ui/use-form-action';

export interface CommentView {
  id: string;
  body: string;
  author: string | null;
  createdIso: string;
  createdLabel: string;
  canDelete: boolean;
}

/** The discussion under a report: oldest first, a form for those who may comment. */
export function ReportComments({
  report,
  comments,
  canComment,
  signInHint,
}: {
  report: ReportPageRef;
  comments: CommentView[];
  canComment: boolean;
  /** Why there is no form, for those who may read but not comment. */
  signInHint: string;
}) {
  return (
    <section aria-labelledby="comments-heading" className="space-y-4">
      <h2 id="comments-heading" className="flex items-center gap-2 text-base font-semibold">
        <MessageSquare className="h-4 w-4 text-zinc-500" aria-hidden />
        Comments
        <span className="text-sm font-normal text-zinc-500 dark:text-zinc-400">
          {comments.length}
        </span>
      </h2>
      {comments.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No comments yet.{canComment && ' Start the discussion below.'}
        </p>
      ) : (
        <ol aria-label="Comments" className="space-y-3">
          {comments.map((comment) => (
            <CommentItem key={comment.id} report={report} comment={comment} />
          ))}
        </ol>
      )}
      {canComment ? (
        <CommentForm report={report} />
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{signInHint}</p>
      )}
    </section>
  );
}

function CommentItem({ report, comment }: { report: ReportPageRef; comment: CommentView }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function remove() {
    startTransition(async () => {
      const result = await deleteReportCommentAction(report, comment.id);
      if (result.status === 'error') setError(result.message);
      else router.refresh();
    });
  }

  return (
    <li className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <span>
          <span className="font-medium text-zinc-800 dark:text-zinc-200">
            {comment.author ?? 'Deleted user'}
          </span>{' '}
          · <time dateTime={comment.createdIso}>{comment.createdLabel}</time>
        </span>
        {comment.canDelete && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            pending={pending}
            aria-label={`Delete comment by ${comment.author ?? 'a deleted user'}`}
            onClick={remove}
            className="h-7 px-2"
          >
            {!pending && <Trash2 className="h-3.5 w-3.5" aria-hidden />}
          </Button>
        )}
      </div>
      <p className="mt-1 text-sm whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
        {comment.body}
      </p>
      {error && (
        <Alert tone="error" className="mt-2">
          {error}
        </Alert>
      )}
    </li>
  );
}

function CommentForm({ report }: { report: ReportPageRef }) {
  const router = useRouter();
  const action = useMemo(() => addReportCommentAction.bind(null, report), [report]);
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(action);
  const formRef = useRef<HTMLFormElement>(null);
  // A posted comment clears the box (the list shows it after the refresh).
  useEffect(() => {
    if (state.status === 'ok') {
      formRef.current?.reset();
      router.refresh();
    }
  }, [state, router]);

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} className="space-y-3">
      <TextareaField
        label="Add a comment"
        name="body"
        required
        maxLength={5000}
        placeholder="What do you make of these results?"
        error={errorFor('Comment', 'body')}
        className="min-h-20"
      />
      {state.status === 'error' && !errorFor('Comment', 'body') && (
        <Alert tone="error">{state.message}</Alert>
      )}
      <div className="flex justify-end">
        <Button type="submit" size="sm" pending={pending}>
          Comment
        </Button>
      </div>
    </form>
  );
}
