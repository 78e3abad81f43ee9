import type { ConsoleLine, Project, Run } from '@/generated/prisma/client';
import type { SeriesRead } from '@/lib/history/metrics-store';
import {
  consoleTail,
  getProject,
  getRun,
  historyKeys,
  listProjects,
  listRuns,
  readHistory,
} from '@/lib/runs/read-runs';
import { readModelSummary, type ModelLayerView, type ModelSummary } from '@/lib/runs/model-summary';
import { markRunFailed, stopRun } from '@/lib/runs/run-lifecycle';
import { updateRun } from '@/lib/runs/update-run';
import { upsertRun } from '@/lib/runs/upsert-run';
import { builder } from '../builder';

export const RunState = builder.enumType('RunState', {
  values: ['RUNNING', 'FINISHED', 'FAILED', 'CRASHED', 'KILLED', 'PREEMPTED'] as const,
});
export const Visibility = builder.enumType('ProjectVisibility', {
  values: ['PRIVATE', 'TEAM', 'PUBLIC', 'OPEN'] as const,
});

const HistoryPoint = builder
  .objectRef<{ step: number; value: number; min?: number; max?: number; count?: number }>(
    'HistoryPoint',
  )
  .implement({
    description: 'A point of a series; sampled series carry the min and max of their bucket',
    fields: (t) => ({
      step: t.float({ resolve: (p) => p.step }),
      // JSON keeps NaN and ±Infinity as strings; GraphQL Float cannot carry them.
      value: t.field({
        type: 'JSON',
        resolve: (p) => (Number.isFinite(p.value) ? p.value : String(p.value)),
      }),
      min: t.field({
        type: 'JSON',
        nullable: true,
        resolve: (p) =>
          p.min === undefined ? null : Number.isFinite(p.min) ? p.min : String(p.min),
      }),
      max: t.field({
        type: 'JSON',
        nullable: true,
        resolve: (p) =>
          p.max === undefined ? null : Number.isFinite(p.max) ? p.max : String(p.max),
      }),
      count: t.int({ nullable: true, resolve: (p) => p.count ?? null }),
    }),
  });

const Series = builder.objectRef<SeriesRead>('HistorySeries').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    sampled: t.exposeBoolean('sampled', {
      description: 'True when points are buckets (min/max kept) rather than every step',
    }),
    bucketWidth: t.int({ nullable: true, resolve: (s) => (s.sampled ? s.bucketWidth : null) }),
    points: t.field({ type: [HistoryPoint], resolve: (s) => s.points }),
  }),
});

const ConsoleLineRef = builder.objectRef<ConsoleLine>('ConsoleLine').implement({
  fields: (t) => ({
    lineNo: t.exposeInt('lineNo'),
    text: t.exposeString('text'),
    stream: t.exposeString('stream'),
  }),
});

const ModelLayerRef = builder.objectRef<ModelLayerView>('ModelLayer').implement({
  description: 'One layer of a run’s model summary',
  fields: (t) => ({
    position: t.exposeInt('position', { description: '0-based order in the model' }),
    name: t.exposeString('name'),
    type: t.exposeString('type'),
    // Float: a layer can hold more than 2^31 parameters.
    parameterCount: t.exposeFloat('parameterCount'),
    trainable: t.exposeBoolean('trainable', { nullable: true }),
    outputShape: t.exposeString('outputShape', { nullable: true }),
  }),
});

const ModelSummaryRef = builder.objectRef<ModelSummary>('ModelSummary').implement({
  fields: (t) => ({
    layers: t.field({ type: [ModelLayerRef], resolve: (summary) => summary.layers }),
    totalParameters: t.exposeFloat('totalParameters'),
    trainableParameters: t.exposeFloat('trainableParameters', {
      description: 'Parameters of layers not marked trainable: false',
    }),
  }),
});

export const RunRef = builder.objectRef<Run>('Run').implement({
  fields: (t) => ({
    id: t.exposeString('runId', { description: 'The id in URLs and the SDK' }),
    displayName: t.exposeString('displayName'),
    notes: t.exposeString('notes'),
    tags: t.exposeStringList('tags'),
    group: t.exposeString('group', { nullable: true }),
    jobType: t.exposeString('jobType', { nullable: true }),
    state: t.field({ type: RunState, resolve: (run) => run.state }),
    exitCode: t.exposeInt('exitCode', { nullable: true }),
    host: t.exposeString('host', { nullable: true }),
    os: t.exposeString('os', { nullable: true }),
    languageVersion: t.exposeString('languageVersion', { nullable: true }),
    program: t.exposeString('program', { nullable: true }),
    command: t.exposeString('command', {
      nullable: true,
      description:
        'Host, OS, language version, program and command are null for people who see the run only because its project is public',
    }),
    gitRemote: t.exposeString('gitRemote', { nullable: true }),
    gitCommit: t.exposeString('gitCommit', { nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    model: t.field({
      type: ModelSummaryRef,
      description: 'The layers logged with run.setModelSummary(), and their parameter totals',
      resolve: (run) => readModelSummary(run.id),
    }),
    config: t.expose('config', { type: 'JSON' }),
    summary: t.expose('summary', { type: 'JSON' }),
    summaryMetrics: t.field({
      type: 'JSON',
      description:
        'How the summary shows each defined metric: { "val/loss": "min" } (define_metric)',
      resolve: (run) =>
        Object.fromEntries(
          Object.entries(run.summaryMetrics as Record<string, { summary: string }>).map(
            ([key, metric]) => [key, metric.summary],
          ),
        ),
    }),
    heartbeatAt: t.expose('heartbeatAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    lastStep: t.float({ resolve: (run) => Number(run.lastStep) }),
    historyKeys: t.stringList({ resolve: (run) => historyKeys(run.id) }),
    history: t.field({
      type: Series,
      args: {
        key: t.arg.string({ required: true }),
        fromStep: t.arg.int(),
        toStep: t.arg.int(),
        maxPoints: t.arg.int({ defaultValue: 1500 }),
      },
      resolve: (run, args) =>
        readHistory(run.id, args.key, {
          fromStep: args.fromStep ?? undefined,
          toStep: args.toStep ?? undefined,
          maxPoints: args.maxPoints ?? 1500,
        }),
    }),
    consoleLines: t.field({
      type: [ConsoleLineRef],
      description: 'The last lines of console output (at most 10,000)',
      args: { last: t.arg.int({ defaultValue: 1000 }) },
      resolve: (run, { last }) => consoleTail(run.id, last ?? 1000),
    }),
  }),
});

type ProjectView = Project & { runCount: number; entityName: string };

export const ProjectRef = builder.objectRef<ProjectView>('Project').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    entity: t.exposeString('entityName'),
    description: t.exposeString('description'),
    visibility: t.field({ type: Visibility, resolve: (p) => p.visibility }),
    runCount: t.exposeInt('runCount'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    runs: t.field({
      type: [RunRef],
      args: { first: t.arg.int({ defaultValue: 50 }), after: t.arg.string() },
      resolve: (project, args, ctx) =>
        listRuns(ctx.actor, project.entityName, project.name, {
          first: args.first ?? 50,
          after: args.after ?? undefined,
        }),
    }),
  }),
});

const RunHandle = builder.objectRef<Awaited<ReturnType<typeof upsertRun>>>('RunHandle').implement({
  fields: (t) => ({
    id: t.exposeString('runId'),
    entity: t.exposeString('entity'),
    project: t.exposeString('project'),
    state: t.exposeString('state'),
    historyOffset: t.exposeInt('historyOffset'),
    systemOffset: t.exposeInt('systemOffset'),
    lastStep: t.exposeFloat('lastStep'),
    consoleOffset: t.exposeInt('consoleOffset'),
    codeSavingDefault: t.exposeBoolean('codeSavingDefault'),
  }),
});

builder.queryFields((t) => ({
  projects: t.field({
    type: [ProjectRef],
    description: 'The projects of a user or team that the viewer may see',
    args: { entity: t.arg.string({ required: true }) },
    resolve: (_root, { entity }, ctx) => listProjects(ctx.actor, entity),
  }),
  project: t.field({
    type: ProjectRef,
    args: { entity: t.arg.string({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_root, { entity, name }, ctx) => getProject(ctx.actor, entity, name),
  }),
  run: t.field({
    type: RunRef,
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
      id: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) => getRun(ctx.actor, args.entity, args.project, args.id),
  }),
}));

const UpsertRunInput = builder.inputType('UpsertRunInput', {
  fields: (t) => ({
    entity: t.string({ required: true }),
    project: t.string({ required: true }),
    id: t.string(),
    displayName: t.string(),
    notes: t.string(),
    tags: t.stringList(),
    group: t.string(),
    jobType: t.string(),
    config: t.field({ type: 'JSON' }),
    host: t.string(),
    os: t.string(),
    languageVersion: t.string(),
    program: t.string(),
    command: t.string(),
    gitRemote: t.string(),
    gitCommit: t.string(),
    resume: t.string({
      description:
        'allow (default): continue the run if the id exists, else create it; must: only continue an existing run; never: only create a new one; auto: like allow',
    }),
    resumeFromStep: t.int(),
    attributeTo: t.string(),
  }),
});

const RunTarget = builder.inputType('RunTarget', {
  fields: (t) => ({
    entity: t.string({ required: true }),
    project: t.string({ required: true }),
    id: t.string({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  stopRun: t.field({
    type: RunRef,
    description: 'Stops a running run (state KILLED); the SDK ends the program on its next request',
    args: { run: t.arg({ type: RunTarget, required: true }) },
    resolve: (_root, { run }, ctx) =>
      stopRun(ctx.actor, { entity: run.entity, project: run.project, runId: run.id }),
  }),
  updateRun: t.field({
    type: RunRef,
    description: 'Renames a run or changes its notes or tags; fields left out keep their values',
    args: {
      run: t.arg({ type: RunTarget, required: true }),
      displayName: t.arg.string(),
      notes: t.arg.string(),
      tags: t.arg.stringList(),
    },
    resolve: (_root, { run, ...fields }, ctx) =>
      updateRun(
        ctx.actor,
        { entity: run.entity, project: run.project, runId: run.id },
        // GraphQL nulls mean "not given", like a missing field.
        Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null)),
      ),
  }),
  markRunFailed: t.field({
    type: RunRef,
    args: { run: t.arg({ type: RunTarget, required: true }) },
    resolve: (_root, { run }, ctx) =>
      markRunFailed(ctx.actor, { entity: run.entity, project: run.project, runId: run.id }),
  }),
}));

builder.mutationField('upsertRun', (t) =>
  t.field({
    type: RunHandle,
    description:
      'Creates or updates a run; fields left out keep their values. Creates the project on first log.',
    args: { input: t.arg({ type: UpsertRunInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const { entity, project, id, ...fields } = input;
      // GraphQL nulls mean "not given", like a missing field.
      const given = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
      );
      return upsertRun(ctx.actor, { entity, project, runId: id ?? undefined }, given);
    },
  }),
);
