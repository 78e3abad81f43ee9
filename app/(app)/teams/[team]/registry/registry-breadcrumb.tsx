import { Breadcrumb } from '@/components/ui/breadcrumb';

/** entity › Model registry (› model). */
export function RegistryBreadcrumb({ entity, model }: { entity: string; model?: string }) {
  const crumbs = [
    { label: entity, href: `/${encodeURIComponent(entity)}` },
    {
      label: 'Model registry',
      href: model ? `/teams/${encodeURIComponent(entity)}/registry` : undefined,
    },
  ];
  return <Breadcrumb crumbs={crumbs} />;
}
