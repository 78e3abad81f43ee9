-- CreateEnum
CREATE TYPE "ProjectVisibility" AS ENUM ('PRIVATE', 'TEAM', 'PUBLIC', 'OPEN');

-- CreateEnum
CREATE TYPE "RunState" AS ENUM ('RUNNING', 'FINISHED', 'FAILED', 'CRASHED', 'KILLED', 'PREEMPTED');

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "visibility" "ProjectVisibility" NOT NULL DEFAULT 'PRIVATE',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "group" TEXT,
    "jobType" TEXT,
    "state" "RunState" NOT NULL DEFAULT 'RUNNING',
    "exitCode" INTEGER,
    "createdById" TEXT,
    "serviceAccountId" TEXT,
    "host" TEXT,
    "os" TEXT,
    "languageVersion" TEXT,
    "program" TEXT,
    "command" TEXT,
    "gitRemote" TEXT,
    "gitCommit" TEXT,
    "config" JSONB NOT NULL DEFAULT '{}',
    "summary" JSONB NOT NULL DEFAULT '{}',
    "summaryMetrics" JSONB NOT NULL DEFAULT '{}',
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "historyOffset" INTEGER NOT NULL DEFAULT 0,
    "systemOffset" INTEGER NOT NULL DEFAULT 0,
    "lastStep" BIGINT NOT NULL DEFAULT -1,

    CONSTRAINT "Run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsoleLine" (
    "runId" TEXT NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "stream" TEXT NOT NULL DEFAULT 'stdout',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsoleLine_pkey" PRIMARY KEY ("runId","lineNo")
);

-- CreateTable
CREATE TABLE "Metric" (
    "id" BIGSERIAL NOT NULL,
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "Metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistoryTail" (
    "metricId" BIGINT NOT NULL,
    "step" BIGINT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "HistoryTail_pkey" PRIMARY KEY ("metricId","step")
);

-- CreateTable
CREATE TABLE "HistoryChunk" (
    "metricId" BIGINT NOT NULL,
    "stepFirst" BIGINT NOT NULL,
    "stepLast" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "sum" DOUBLE PRECISION,
    "valueCount" INTEGER NOT NULL,
    "lastValue" DOUBLE PRECISION NOT NULL,
    "steps" BIGINT[],
    "values" DOUBLE PRECISION[],
    "subFirstStep" BIGINT[],
    "subMin" DOUBLE PRECISION[],
    "subMax" DOUBLE PRECISION[],
    "subSum" DOUBLE PRECISION[],
    "subCount" INTEGER[],
    "subValueCount" INTEGER[],

    CONSTRAINT "HistoryChunk_pkey" PRIMARY KEY ("metricId","stepFirst")
);

-- CreateIndex
CREATE UNIQUE INDEX "Project_entityId_name_key" ON "Project"("entityId", "name");

-- CreateIndex
CREATE INDEX "Run_projectId_createdAt_idx" ON "Run"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "Run_state_heartbeatAt_idx" ON "Run"("state", "heartbeatAt");

-- CreateIndex
CREATE UNIQUE INDEX "Run_projectId_runId_key" ON "Run"("projectId", "runId");

-- CreateIndex
CREATE UNIQUE INDEX "Metric_runId_key_key" ON "Metric"("runId", "key");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsoleLine" ADD CONSTRAINT "ConsoleLine_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Metric" ADD CONSTRAINT "Metric_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryChunk" ADD CONSTRAINT "HistoryChunk_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;
