import { Breadcrumb } from '@/components/ui/breadcrumb';

/** entity › project › Artifacts (› name), as on the run pages. */
export function ArtifactsBreadcrumb({
  entity,
  project,
  artifact,
}: {
  entity: string;
  project: string;
  artifact?: string;
}) {
  const crumbs = [
    { label: entity, href: `/${entity}` },
    { label: project, href: `/${entity}/${project}` },
    { label: 'Artifacts', href: artifact ? `/${entity}/${project}/artifacts` : undefined },
  ];
  return <Breadcrumb crumbs={crumbs} />;
}
