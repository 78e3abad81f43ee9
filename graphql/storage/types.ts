import {
  getTeamStorageConnector,
  removeTeamStorageConnector,
  saveTeamStorageConnector,
  type StorageConnectorView,
} from '@/lib/storage/connectors/team-storage-connector';
import { builder } from '../builder';

/*
 * Team storage connectors (docs/decisions/011). The secret access key is input only: no
 * field returns it, nor the access key id beyond its last four characters.
 */

const StorageConnector = builder.objectRef<StorageConnectorView>('StorageConnector').implement({
  description: "A team's own S3-compatible bucket for its new uploads",
  fields: (t) => ({
    endpoint: t.exposeString('endpoint'),
    bucket: t.exposeString('bucket'),
    region: t.exposeString('region'),
    forcePathStyle: t.exposeBoolean('forcePathStyle'),
    prefix: t.exposeString('prefix'),
    accessKeyHint: t.exposeString('accessKeyHint', {
      description: 'The last four characters of the access key id, e.g. "•••• WXYZ"',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.exposeString('createdBy', { nullable: true }),
  }),
});

const StorageConnectorInput = builder.inputType('StorageConnectorInput', {
  fields: (t) => ({
    endpoint: t.string({
      required: true,
      description: 'e.g. https://s3.eu-central-1.amazonaws.com',
    }),
    bucket: t.string({ required: true }),
    region: t.string({ required: true }),
    forcePathStyle: t.boolean({ required: false }),
    prefix: t.string({ required: false }),
    accessKeyId: t.string({ required: true }),
    secretAccessKey: t.string({ required: true }),
  }),
});

builder.queryFields((t) => ({
  teamStorageConnector: t.field({
    type: StorageConnector,
    nullable: true,
    description: "The team's active storage connector (team admins); null: the instance store",
    args: { team: t.arg.string({ required: true }) },
    resolve: (_root, { team }, ctx) => getTeamStorageConnector(ctx.actor, team),
  }),
}));

builder.mutationFields((t) => ({
  saveTeamStorageConnector: t.field({
    type: StorageConnector,
    description:
      "Tests the bucket (write, read, delete a probe object) and makes it the destination of the team's new uploads; stores nothing when the test fails",
    args: {
      team: t.arg.string({ required: true }),
      input: t.arg({ type: StorageConnectorInput, required: true }),
    },
    resolve: (_root, { team, input }, ctx) =>
      saveTeamStorageConnector(ctx.actor, team, {
        ...input,
        forcePathStyle: input.forcePathStyle ?? undefined,
        prefix: input.prefix ?? undefined,
      }),
  }),
  removeTeamStorageConnector: t.boolean({
    description: 'New uploads go to the instance store again; blobs in the bucket stay readable',
    args: { team: t.arg.string({ required: true }) },
    resolve: async (_root, { team }, ctx) => (
      await removeTeamStorageConnector(ctx.actor, team),
      true
    ),
  }),
}));
