import { Breadcrumb } from '@/components/ui/breadcrumb';

/** entity › project › Reports (› report), as on the artifact pages. */
export function ReportsBreadcrumb({
  entity,
  project,
  report,
}: {
  entity: string;
  project: string;
  /** The report's title and id, on a report's own pages. */
  report?: { id: string; title: string; current?: boolean };
}) {
  const base = `/${entity}/${project}/reports`;
  const crumbs = [
    { label: entity, href: `/${entity}` },
    { label: project, href: `/${entity}/${project}` },
    { label: 'Reports', href: report ? base : undefined },
    ...(report
      ? [{ label: report.title, href: report.current ? undefined : `${base}/${report.id}` }]
      : []),
  ];
  return <Breadcrumb crumbs={crumbs} />;
}
