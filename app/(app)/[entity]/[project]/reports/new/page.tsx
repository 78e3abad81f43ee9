import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReportEditor } from '@/components/reports/report-editor';
import { ReportsBreadcrumb } from '@/components/reports/reports-breadcrumb';
import { Alert } from '@/components/ui/alert';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { loadReportEditorContext } from '@/lib/reports/report-pages';

type Params = { params: Promise<{ entity: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { entity, project } = await params;
  return { title: `New report · ${entity}/${project}` };
}

/** Writing a new report (members and admins). */
export default async function NewReportPage({ params }: Params) {
  const { entity, project } = await params;
  const actor = await getCurrentActor();
  const context = await loadReportEditorContext(actor, { entity, project }).catch(
    (error: unknown) => {
      // Not found and not allowed look the same from outside.
      if (isAppError(error) && ['NOT_FOUND', 'UNAUTHENTICATED'].includes(error.code)) notFound();
      throw error;
    },
  );
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-6 py-8">
      <div>
        <ReportsBreadcrumb entity={entity} project={project} />
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">New report</h1>
      </div>
      {context.canCreate ? (
        <ReportEditor entity={entity} project={project} runs={context.runs} />
      ) : (
        <Alert tone="info">
          Only members and admins of the team can write reports. You can read and comment on the
          project’s reports.
        </Alert>
      )}
    </div>
  );
}
