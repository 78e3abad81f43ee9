import { getPrisma } from '@/lib/db/prisma';
import { listFilesOfRun, type RunFileView } from '@/lib/files/run-files';
import { readStorageUsage } from '@/lib/storage/read-usage';
import type { StorageUsage } from '@/lib/storage/usage';
import { builder } from '../builder';
import { RunRef } from '../runs/types';

const RunFileRef = builder.objectRef<RunFileView>('RunFile').implement({
  description: 'A file saved to a run (run.save(path))',
  fields: (t) => ({
    path: t.exposeString('path'),
    size: t.exposeFloat('size', { description: 'Bytes' }),
    sha256: t.exposeString('sha256'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    downloadUrl: t.exposeString('downloadUrl', {
      description: 'Relative URL of the content (GET; supports Range)',
    }),
  }),
});

builder.objectField(RunRef, 'files', (t) =>
  t.field({
    type: [RunFileRef],
    description: 'Files saved to the run, by path',
    // The run was resolved through getRun/listRuns, which checked run:view.
    resolve: async (run) => {
      const project = await getPrisma().project.findUniqueOrThrow({
        where: { id: run.projectId },
        select: {
          id: true,
          name: true,
          visibility: true,
          entity: { select: { id: true, name: true } },
        },
      });
      return listFilesOfRun({ entity: project.entity, project, run });
    },
  }),
);

const StorageUsageRef = builder
  .objectRef<StorageUsage & { entity: string }>('StorageUsage')
  .implement({
    description: 'Bytes stored by a user or team (each blob counted once) and their limit',
    fields: (t) => ({
      entity: t.exposeString('entity'),
      usedBytes: t.exposeFloat('usedBytes'),
      limitBytes: t.exposeFloat('limitBytes'),
    }),
  });

builder.queryField('storageUsage', (t) =>
  t.field({
    type: StorageUsageRef,
    description: "A user's own or a team's (its admins) storage used and allowed",
    args: { entity: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => readStorageUsage(ctx.actor, args.entity),
  }),
);
