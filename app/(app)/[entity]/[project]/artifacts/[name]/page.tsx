import type { Metadata } from 'next';
import { ArtifactVersionView } from '../artifact-version-view';

type Params = {
  params: Promise<{ entity: string; project: string; name: string }>;
  searchParams: Promise<{ path?: string | string[] }>;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { project, name } = await params;
  return { title: `${name} · ${project}` };
}

/** An artifact at its `latest` version. */
export default async function ArtifactPage({ params, searchParams }: Params) {
  const { entity, project, name } = await params;
  const { path } = await searchParams;
  return (
    <ArtifactVersionView
      entity={entity}
      project={project}
      name={name}
      versionRef="latest"
      initialPath={typeof path === 'string' ? path : undefined}
    />
  );
}
