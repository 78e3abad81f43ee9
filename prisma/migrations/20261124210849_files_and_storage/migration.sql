-- CreateTable
CREATE TABLE "Blob" (
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Blob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "EntityBlob" (
    "entityId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "refs" INTEGER NOT NULL,

    CONSTRAINT "EntityBlob_pkey" PRIMARY KEY ("entityId","sha256")
);

-- CreateTable
CREATE TABLE "EntityStorage" (
    "entityId" TEXT NOT NULL,
    "usedBytes" BIGINT NOT NULL DEFAULT 0,
    "limitBytes" BIGINT,
    "warnedPercent" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "EntityStorage_pkey" PRIMARY KEY ("entityId")
);

-- CreateTable
CREATE TABLE "RunFile" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RunFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UploadSession" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "partSize" INTEGER NOT NULL,
    "storeUploadId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UploadSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RunFile_entityId_sha256_idx" ON "RunFile"("entityId", "sha256");

-- CreateIndex
CREATE INDEX "RunFile_sha256_idx" ON "RunFile"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "RunFile_runId_path_key" ON "RunFile"("runId", "path");

-- CreateIndex
CREATE INDEX "UploadSession_expiresAt_idx" ON "UploadSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "UploadSession_runId_path_sha256_key" ON "UploadSession"("runId", "path", "sha256");

-- AddForeignKey
ALTER TABLE "EntityStorage" ADD CONSTRAINT "EntityStorage_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunFile" ADD CONSTRAINT "RunFile_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UploadSession" ADD CONSTRAINT "UploadSession_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Storage usage bookkeeping (lib/storage/usage.ts). Kept by triggers rather than by the
-- services so that every way a run file disappears — deleting the file, the run, the
-- project or the whole entity (cascades) — releases its usage, whoever wrote that delete.
-- A blob's bytes count once per entity: when the entity's reference count goes 0 → 1 or 1 → 0.
CREATE FUNCTION sextant_entity_blob_ref(p_entity TEXT, p_sha256 TEXT, p_size BIGINT, p_delta INT)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  new_refs INT;
BEGIN
  IF p_delta > 0 THEN
    INSERT INTO "EntityBlob" ("entityId", "sha256", "refs") VALUES (p_entity, p_sha256, 1)
    ON CONFLICT ("entityId", "sha256") DO UPDATE SET "refs" = "EntityBlob"."refs" + 1
    RETURNING "refs" INTO new_refs;
    IF new_refs = 1 THEN
      INSERT INTO "EntityStorage" ("entityId", "usedBytes")
      SELECT p_entity, p_size WHERE EXISTS (SELECT 1 FROM "Entity" WHERE "id" = p_entity)
      ON CONFLICT ("entityId") DO UPDATE SET "usedBytes" = "EntityStorage"."usedBytes" + p_size;
    END IF;
  ELSE
    UPDATE "EntityBlob" SET "refs" = "refs" - 1
    WHERE "entityId" = p_entity AND "sha256" = p_sha256
    RETURNING "refs" INTO new_refs;
    IF new_refs IS NOT NULL AND new_refs <= 0 THEN
      DELETE FROM "EntityBlob" WHERE "entityId" = p_entity AND "sha256" = p_sha256;
      UPDATE "EntityStorage" SET "usedBytes" = GREATEST(0, "usedBytes" - p_size)
      WHERE "entityId" = p_entity;
    END IF;
  END IF;
END $$;

CREATE FUNCTION sextant_run_file_usage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Add the new reference before dropping the old one, so re-saving the same content never
  -- takes the count through zero.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM sextant_entity_blob_ref(NEW."entityId", NEW."sha256", NEW."size", 1);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM sextant_entity_blob_ref(OLD."entityId", OLD."sha256", OLD."size", -1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "RunFile_storage_usage"
AFTER INSERT OR DELETE OR UPDATE OF "sha256", "entityId", "size" ON "RunFile"
FOR EACH ROW EXECUTE FUNCTION sextant_run_file_usage();
