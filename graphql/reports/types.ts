import {
  addReportComment,
  deleteReportComment,
  listReportComments,
  type ReportCommentNode,
} from '@/lib/reports/report-comments';
import { followerCount, isFollowing, setReportFollow } from '@/lib/reports/report-follows';
import {
  createReport,
  deleteReport,
  getReport,
  listProjectReports,
  updateReport,
  type ReportNode,
  type ReportViewerCan,
} from '@/lib/reports/reports';
import {
  getTeamReportShowcase,
  setTeamReportShowcase,
  type ShowcasedReport,
} from '@/lib/reports/report-showcase';
import type { ReportPanel } from '@/lib/reports/schemas';
import { builder } from '../builder';
import { ProjectRef } from '../runs/types';
import { Team } from '../teams/types';

const ReportPanelRef = builder.objectRef<ReportPanel>('ReportPanel').implement({
  description: 'A line chart in a report: chosen runs of the project against metric keys',
  fields: (t) => ({
    id: t.exposeString('id'),
    title: t.exposeString('title', { nullable: true }),
    runIds: t.exposeStringList('runIds', { description: 'Run ids as in their URLs' }),
    yKeys: t.exposeStringList('yKeys'),
    xAxis: t.exposeString('xAxis'),
    logX: t.exposeBoolean('logX'),
    logY: t.exposeBoolean('logY'),
    smoothing: t.exposeFloat('smoothing'),
    legend: t.exposeString('legend'),
  }),
});

const ReportViewerCanRef = builder.objectRef<ReportViewerCan>('ReportViewerCan').implement({
  description: 'What the viewer may do with this report (the permission catalog decides)',
  fields: (t) => ({
    edit: t.exposeBoolean('edit'),
    delete: t.exposeBoolean('delete'),
    comment: t.exposeBoolean('comment'),
    follow: t.exposeBoolean('follow'),
  }),
});

const ReportCommentRef = builder.objectRef<ReportCommentNode>('ReportComment').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    author: t.exposeString('authorName', {
      nullable: true,
      description: 'Username; null once the account is deleted',
    }),
    viewerCanDelete: t.exposeBoolean('viewerCanDelete'),
  }),
});

export const ReportRef = builder.objectRef<ReportNode>('Report').implement({
  description: 'A write-up of a project’s results: markdown and line-chart panels of its runs',
  fields: (t) => ({
    id: t.exposeID('id'),
    entity: t.exposeString('entityName'),
    project: t.exposeString('projectName'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    body: t.exposeString('body', { description: 'Markdown' }),
    panels: t.field({ type: [ReportPanelRef], resolve: (report) => report.panels }),
    author: t.exposeString('authorName', {
      nullable: true,
      description: 'Username; null for a service account or a deleted account',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    viewerCan: t.field({ type: ReportViewerCanRef, resolve: (report) => report.viewerCan }),
    comments: t.field({
      type: [ReportCommentRef],
      description: 'Oldest first',
      resolve: (report, _args, ctx) => listReportComments(ctx.actor, report.scope, report.id),
    }),
    followerCount: t.int({ resolve: (report) => followerCount(report.id) }),
    viewerIsFollowing: t.boolean({
      resolve: (report, _args, ctx) => isFollowing(ctx.actor, report.id),
    }),
  }),
});

builder.objectFields(ProjectRef, (t) => ({
  reports: t.field({
    type: [ReportRef],
    description: 'The project’s reports, most recently edited first',
    resolve: (project, _args, ctx) =>
      listProjectReports(ctx.actor, { entity: project.entityName, project: project.name }),
  }),
}));

const reportArgs = builder.args((t) => ({
  entity: t.string({ required: true }),
  project: t.string({ required: true }),
  id: t.id({ required: true }),
}));

builder.queryFields((t) => ({
  report: t.field({
    type: ReportRef,
    args: reportArgs,
    resolve: (_root, { entity, project, id }, ctx) =>
      getReport(ctx.actor, { entity, project }, String(id)),
  }),
}));

const ReportPanelInput = builder.inputType('ReportPanelInput', {
  fields: (t) => ({
    id: t.string({ required: true }),
    title: t.string(),
    runIds: t.stringList({ required: true }),
    yKeys: t.stringList({ required: true }),
    xAxis: t.string({ description: '`_step` (default), `_timestamp`, `_runtime` or a metric' }),
    logX: t.boolean(),
    logY: t.boolean(),
    smoothing: t.float(),
    legend: t.string({ description: 'top (default), bottom, right or hidden' }),
  }),
});

/** GraphQL's nulls mean "not given" for the service, which fills in defaults. */
const panelsFrom = (panels: (typeof ReportPanelInput.$inferInput)[] | null | undefined) =>
  panels?.map((panel) =>
    Object.fromEntries(Object.entries(panel).filter(([, value]) => value != null)),
  );

const ReportInput = builder.inputType('ReportInput', {
  fields: (t) => ({
    title: t.string(),
    description: t.string(),
    body: t.string({ description: 'Markdown, at most 200 kB' }),
    panels: t.field({ type: [ReportPanelInput] }),
  }),
});

const inputFrom = (input: typeof ReportInput.$inferInput) =>
  Object.fromEntries(
    Object.entries({ ...input, panels: panelsFrom(input.panels) }).filter(
      ([, value]) => value != null,
    ),
  );

builder.mutationFields((t) => ({
  createReport: t.field({
    type: ReportRef,
    description: 'Members and admins write reports; the title is required',
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
      input: t.arg({ type: ReportInput, required: true }),
    },
    resolve: (_root, { entity, project, input }, ctx) =>
      createReport(ctx.actor, { entity, project }, inputFrom(input) as { title: string }),
  }),
  updateReport: t.field({
    type: ReportRef,
    description: 'Changes the fields given (members: their own reports; admins: any)',
    args: { ...reportArgs, input: t.arg({ type: ReportInput, required: true }) },
    resolve: (_root, { entity, project, id, input }, ctx) =>
      updateReport(ctx.actor, { entity, project }, String(id), inputFrom(input)),
  }),
  deleteReport: t.boolean({
    description: 'Deletes a report with its comments (members: their own; admins: any)',
    args: reportArgs,
    resolve: async (_root, { entity, project, id }, ctx) => {
      await deleteReport(ctx.actor, { entity, project }, String(id));
      return true;
    },
  }),
  addReportComment: t.field({
    type: ReportCommentRef,
    description: 'Anyone on the team comments, view-only members included',
    args: { ...reportArgs, body: t.arg.string({ required: true }) },
    resolve: (_root, { entity, project, id, body }, ctx) =>
      addReportComment(ctx.actor, { entity, project }, String(id), body),
  }),
  deleteReportComment: t.boolean({
    description: 'Authors delete their own comments; team admins any',
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
      commentId: t.arg.id({ required: true }),
    },
    resolve: async (_root, { entity, project, commentId }, ctx) => {
      await deleteReportComment(ctx.actor, { entity, project }, String(commentId));
      return true;
    },
  }),
  followReport: t.boolean({
    description: 'Follows a report (idempotent); returns true',
    args: reportArgs,
    resolve: (_root, { entity, project, id }, ctx) =>
      setReportFollow(ctx.actor, { entity, project }, String(id), true),
  }),
  unfollowReport: t.boolean({
    description: 'Stops following (idempotent); returns false',
    args: reportArgs,
    resolve: (_root, { entity, project, id }, ctx) =>
      setReportFollow(ctx.actor, { entity, project }, String(id), false),
  }),
}));

const ShowcasedReportRef = builder.objectRef<ShowcasedReport>('ShowcasedReport').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    project: t.exposeString('projectName'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.objectFields(Team, (t) => ({
  showcasedReports: t.field({
    type: [ShowcasedReportRef],
    description: 'Reports the admins showcase on the profile, those the viewer may see',
    resolve: async (team, _a, ctx) => (await getTeamReportShowcase(ctx.actor, team.name)).reports,
  }),
}));

builder.mutationFields((t) => ({
  setTeamReportShowcase: t.boolean({
    description: 'Team admins: the reports shown on the profile (at most 6), in order',
    args: {
      team: t.arg.string({ required: true }),
      reportIds: t.arg.idList({ required: true }),
    },
    resolve: async (_root, { team, reportIds }, ctx) => (
      await setTeamReportShowcase(ctx.actor, team, reportIds.map(String)),
      true
    ),
  }),
}));
