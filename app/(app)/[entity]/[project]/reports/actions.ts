'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { runAction, type ActionState } from '@/lib/actions';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { AppError } from '@/lib/errors';
import { addReportComment, deleteReportComment } from '@/lib/reports/report-comments';
import { setReportFollow } from '@/lib/reports/report-follows';
import { createReport, deleteReport, updateReport } from '@/lib/reports/reports';

/*
 * Report page actions: each calls the same service as the GraphQL API (which checks the
 * catalog), then refreshes the project's report pages.
 */

export interface ReportPageRef {
  entity: string;
  project: string;
  /** Absent while creating. */
  id?: string;
}

/** Arguments of a server action come from the browser: keep only strings. */
const clean = (ref: ReportPageRef) => ({
  entity: String(ref.entity),
  project: String(ref.project),
  id: ref.id === undefined ? undefined : String(ref.id),
});

const basePath = (ref: { entity: string; project: string }) =>
  `/${encodeURIComponent(ref.entity)}/${encodeURIComponent(ref.project)}/reports`;

function refresh(ref: { entity: string; project: string }) {
  revalidatePath(basePath(ref), 'layout');
}

/** The editor sends its panels as one JSON field; anything unreadable is a field error. */
function panelsFrom(form: FormData): unknown {
  const raw = form.get('panels');
  if (raw === null) return undefined;
  try {
    return JSON.parse(String(raw));
  } catch {
    throw AppError.badInput('Panels could not be read', [
      { field: 'panels', message: 'are not valid JSON' },
    ]);
  }
}

const fieldsFrom = (form: FormData) => ({
  title: String(form.get('title') ?? ''),
  description: String(form.get('description') ?? ''),
  body: String(form.get('body') ?? ''),
  panels: panelsFrom(form) as never,
});

/** Creates the report, then opens it. */
export async function saveReportAction(
  ref: ReportPageRef,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(ref);
  let savedId = '';
  const result = await runAction<undefined>(async () => {
    const saved = target.id
      ? await updateReport(actor, target, target.id, fieldsFrom(form))
      : await createReport(actor, target, fieldsFrom(form));
    savedId = saved.id;
  });
  if (result.status !== 'ok') return result;
  refresh(target);
  redirect(`${basePath(target)}/${savedId}`);
}

export async function deleteReportAction(ref: ReportPageRef): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(ref);
  const result = await runAction<undefined>(async () => {
    await deleteReport(actor, target, target.id ?? '');
  });
  if (result.status === 'ok') refresh(target);
  return result;
}

export async function addReportCommentAction(
  ref: ReportPageRef,
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(ref);
  const result = await runAction<undefined>(async () => {
    await addReportComment(actor, target, target.id ?? '', String(form.get('body') ?? ''));
  });
  if (result.status === 'ok') refresh(target);
  return result;
}

export async function deleteReportCommentAction(
  ref: ReportPageRef,
  commentId: string,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(ref);
  const result = await runAction<undefined>(async () => {
    await deleteReportComment(actor, target, String(commentId));
  });
  if (result.status === 'ok') refresh(target);
  return result;
}

export async function setReportFollowAction(
  ref: ReportPageRef,
  follow: boolean,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(ref);
  const result = await runAction<undefined>(async () => {
    await setReportFollow(actor, target, target.id ?? '', follow === true);
  });
  if (result.status === 'ok') refresh(target);
  return result;
}
