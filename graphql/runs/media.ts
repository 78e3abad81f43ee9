import { mediaKeys, readMedia, type MediaRecord, type MediaType } from '@/lib/runs/media-values';
import { builder } from '../builder';
import { RunRef } from './types';

const MediaTypeEnum = builder.enumType('MediaType', {
  values: ['STRING', 'HISTOGRAM', 'TABLE', 'IMAGE'] as const satisfies readonly MediaType[],
});

const MediaKeyRef = builder.objectRef<{ key: string; type: MediaType }>('MediaKey').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    type: t.field({ type: MediaTypeEnum, resolve: (k) => k.type }),
  }),
});

const MediaValueRef = builder.objectRef<MediaRecord>('MediaValue').implement({
  description: 'A non-numeric history value: text, a histogram, a table or an image (a run file)',
  fields: (t) => ({
    key: t.exposeString('key'),
    step: t.exposeFloat('step'),
    type: t.field({ type: MediaTypeEnum, resolve: (m) => m.type }),
    value: t.field({
      type: 'JSON',
      description:
        'STRING: the text; HISTOGRAM: { bins, counts }; TABLE: { columns, data }; IMAGE: { path, caption } (path of a run file)',
      resolve: (m) => m.value,
    }),
  }),
});

// The run was resolved through getRun/listRuns, which checked run:view.
builder.objectFields(RunRef, (t) => ({
  mediaKeys: t.field({
    type: [MediaKeyRef],
    description: 'Keys logged with non-numeric values',
    resolve: (run) => mediaKeys(run.id),
  }),
  media: t.field({
    type: [MediaValueRef],
    description: 'One media series in step order (at most 1,000 per page; page with afterStep)',
    args: {
      key: t.arg.string({ required: true }),
      afterStep: t.arg.float(),
      limit: t.arg.int({ defaultValue: 100 }),
    },
    resolve: (run, args) =>
      readMedia(run.id, args.key, {
        afterStep: args.afterStep ?? undefined,
        limit: args.limit ?? 100,
      }),
  }),
}));
