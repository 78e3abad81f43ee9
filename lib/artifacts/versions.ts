import { getPrisma } from '../db/prisma';

/** What clients see of one artifact version. */
export interface ArtifactVersionView {
  artifact: string;
  type: string;
  /** `v0`, `v1`, … */
  version: string;
  digest: string;
  size: number;
  fileCount: number;
  metadata: Record<string, unknown>;
  aliases: { alias: string; protected: boolean }[];
  createdAt: Date;
}

export const versionLabel = (version: number) => `v${version}`;

export async function toVersionView(versionId: string): Promise<ArtifactVersionView> {
  const row = await getPrisma().artifactVersion.findUniqueOrThrow({
    where: { id: versionId },
    include: { artifact: true, aliases: { orderBy: { alias: 'asc' } } },
  });
  return {
    artifact: row.artifact.name,
    type: row.artifact.type,
    version: versionLabel(row.version),
    digest: row.digest,
    size: Number(row.size),
    fileCount: row.fileCount,
    metadata: row.metadata as Record<string, unknown>,
    aliases: row.aliases.map((a) => ({ alias: a.alias, protected: a.protected })),
    createdAt: row.createdAt,
  };
}
