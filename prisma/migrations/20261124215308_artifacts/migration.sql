-- CreateTable
CREATE TABLE "Artifact" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "nextVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Artifact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArtifactVersion" (
    "id" TEXT NOT NULL,
    "artifactId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "digest" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "size" BIGINT NOT NULL,
    "fileCount" INTEGER NOT NULL,
    "createdByRunId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArtifactVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArtifactFile" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "sha256" TEXT,
    "size" BIGINT NOT NULL,
    "ref" TEXT,

    CONSTRAINT "ArtifactFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArtifactAlias" (
    "id" TEXT NOT NULL,
    "artifactId" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "protected" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArtifactAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArtifactUsage" (
    "runId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArtifactUsage_pkey" PRIMARY KEY ("runId","versionId")
);

-- CreateTable
CREATE TABLE "ArtifactUpload" (
    "id" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "partSize" INTEGER NOT NULL,
    "storeUploadId" TEXT NOT NULL,
    "createdById" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArtifactUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Artifact_projectId_name_key" ON "Artifact"("projectId", "name");

-- CreateIndex
CREATE INDEX "ArtifactVersion_createdByRunId_idx" ON "ArtifactVersion"("createdByRunId");

-- CreateIndex
CREATE UNIQUE INDEX "ArtifactVersion_artifactId_version_key" ON "ArtifactVersion"("artifactId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ArtifactVersion_artifactId_digest_key" ON "ArtifactVersion"("artifactId", "digest");

-- CreateIndex
CREATE INDEX "ArtifactFile_entityId_sha256_idx" ON "ArtifactFile"("entityId", "sha256");

-- CreateIndex
CREATE INDEX "ArtifactFile_sha256_idx" ON "ArtifactFile"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "ArtifactFile_versionId_path_key" ON "ArtifactFile"("versionId", "path");

-- CreateIndex
CREATE INDEX "ArtifactAlias_versionId_idx" ON "ArtifactAlias"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "ArtifactAlias_artifactId_alias_key" ON "ArtifactAlias"("artifactId", "alias");

-- CreateIndex
CREATE INDEX "ArtifactUsage_versionId_idx" ON "ArtifactUsage"("versionId");

-- CreateIndex
CREATE INDEX "ArtifactUpload_expiresAt_idx" ON "ArtifactUpload"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ArtifactUpload_entityId_sha256_key" ON "ArtifactUpload"("entityId", "sha256");

-- AddForeignKey
ALTER TABLE "Artifact" ADD CONSTRAINT "Artifact_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArtifactVersion" ADD CONSTRAINT "ArtifactVersion_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "Artifact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArtifactVersion" ADD CONSTRAINT "ArtifactVersion_createdByRunId_fkey" FOREIGN KEY ("createdByRunId") REFERENCES "Run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArtifactFile" ADD CONSTRAINT "ArtifactFile_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArtifactVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArtifactAlias" ADD CONSTRAINT "ArtifactAlias_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "Artifact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArtifactAlias" ADD CONSTRAINT "ArtifactAlias_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArtifactVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArtifactUsage" ADD CONSTRAINT "ArtifactUsage_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArtifactUsage" ADD CONSTRAINT "ArtifactUsage_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArtifactVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Artifact files count toward their entity's storage through the same per-entity blob
-- references as run files (sextant_entity_blob_ref, migration files_and_storage): a blob held
-- by a run file and an artifact file of one entity counts once, and every way an artifact file
-- disappears (deleting a version, the artifact, the project, the entity) releases its usage.
-- References to external URIs have no blob (sha256 NULL) and count nothing.
CREATE FUNCTION sextant_artifact_file_usage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."sha256" IS NOT NULL THEN
    PERFORM sextant_entity_blob_ref(NEW."entityId", NEW."sha256", NEW."size", 1);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') AND OLD."sha256" IS NOT NULL THEN
    PERFORM sextant_entity_blob_ref(OLD."entityId", OLD."sha256", OLD."size", -1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ArtifactFile_storage_usage"
AFTER INSERT OR DELETE OR UPDATE OF "sha256", "entityId", "size" ON "ArtifactFile"
FOR EACH ROW EXECUTE FUNCTION sextant_artifact_file_usage();
