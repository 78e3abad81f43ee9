-- AlterTable
ALTER TABLE "EntityBlob" ADD COLUMN     "storageConnectorId" TEXT;

-- AlterTable
ALTER TABLE "UploadSession" ADD COLUMN     "storageConnectorId" TEXT;

-- AlterTable
ALTER TABLE "ArtifactUpload" ADD COLUMN     "storageConnectorId" TEXT;

-- CreateTable
CREATE TABLE "StorageConnector" (
    "id" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "forcePathStyle" BOOLEAN NOT NULL DEFAULT false,
    "prefix" TEXT NOT NULL DEFAULT '',
    "accessKeyHint" TEXT NOT NULL,
    "credentials" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "StorageConnector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectorBlob" (
    "connectorId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConnectorBlob_pkey" PRIMARY KEY ("connectorId","sha256")
);

-- CreateIndex
CREATE INDEX "StorageConnector_entityId_idx" ON "StorageConnector"("entityId");

-- Written by hand (Prisma cannot express these; docs/decisions/011-team-storage-connector.md).
-- At most one active connector per team: saving again disables the old row in the same
-- transaction, and two admins saving at once cannot both win.
CREATE UNIQUE INDEX "StorageConnector_one_active_per_entity"
  ON "StorageConnector"("entityId") WHERE "disabledAt" IS NULL;

-- A deleted team takes its connectors (and their encrypted credentials) with it.
ALTER TABLE "StorageConnector" ADD CONSTRAINT "StorageConnector_entityId_fkey"
  FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ConnectorBlob" ADD CONSTRAINT "ConnectorBlob_connectorId_fkey"
  FOREIGN KEY ("connectorId") REFERENCES "StorageConnector"("id") ON DELETE CASCADE ON UPDATE CASCADE;
