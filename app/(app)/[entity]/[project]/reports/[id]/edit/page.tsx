import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReportEditor } from '@/components/reports/report-editor';
import { ReportsBreadcrumb } from '@/components/reports/reports-breadcrumb';
import { Alert } from '@/components/ui/alert';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { loadReportEditorContext } from '@/lib/reports/report-pages';
import { getReport } from '@/lib/reports/reports';

type Params = { params: Promise<{ entity: string; project: string; id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { entity, project } = await params;
  return { title: `Edit report · ${entity}/${project}` };
}

/** Editing a report: its author (members) or any team admin. */
export default async function EditReportPage({ params }: Params) {
  const { entity, project, id } = await params;
  const actor = await getCurrentActor();
  const target = { entity, project };
  const [report, context] = await Promise.all([
    getReport(actor, target, id),
    loadReportEditorContext(actor, target),
  ]).catch((error: unknown) => {
    // Not found and not allowed look the same from outside.
    if (isAppError(error) && ['NOT_FOUND', 'UNAUTHENTICATED'].includes(error.code)) notFound();
    throw error;
  });
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-6 py-8">
      <div>
        <ReportsBreadcrumb entity={entity} project={project} report={report} />
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">Edit report</h1>
      </div>
      {report.viewerCan.edit ? (
        <ReportEditor
          entity={entity}
          project={project}
          runs={context.runs}
          report={{
            id: report.id,
            title: report.title,
            description: report.description,
            body: report.body,
            panels: report.panels,
          }}
        />
      ) : (
        <Alert tone="info">
          Members edit the reports they wrote; team admins edit any. This one is{' '}
          {report.authorName ? `${report.authorName}’s` : 'someone else’s'}.
        </Alert>
      )}
    </div>
  );
}
