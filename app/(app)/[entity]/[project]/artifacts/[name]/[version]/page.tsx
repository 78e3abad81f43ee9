import type { Metadata } from 'next';
import { ArtifactVersionView } from '../../artifact-version-view';

type Params = {
  params: Promise<{ entity: string; project: string; name: string; version: string }>;
  searchParams: Promise<{ path?: string | string[] }>;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { project, name, version } = await params;
  return { title: `${name}:${version} · ${project}` };
}

/** An artifact at one version: `vN` or an alias (`/artifacts/mnist/best`). */
export default async function ArtifactVersionPage({ params, searchParams }: Params) {
  const { entity, project, name, version } = await params;
  const { path } = await searchParams;
  return (
    <ArtifactVersionView
      entity={entity}
      project={project}
      name={name}
      versionRef={version}
      initialPath={typeof path === 'string' ? path : undefined}
    />
  );
}
