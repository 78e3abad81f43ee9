-- CreateTable
CREATE TABLE "RegisteredModel" (
    "id" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "nextVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegisteredModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegisteredModelVersion" (
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "artifactVersionId" TEXT NOT NULL,
    "linkedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegisteredModelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegisteredModelAlias" (
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "protected" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegisteredModelAlias_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegisteredModel_entityId_name_key" ON "RegisteredModel"("entityId", "name");

-- CreateIndex
CREATE INDEX "RegisteredModelVersion_artifactVersionId_idx" ON "RegisteredModelVersion"("artifactVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "RegisteredModelVersion_modelId_version_key" ON "RegisteredModelVersion"("modelId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "RegisteredModelVersion_modelId_artifactVersionId_key" ON "RegisteredModelVersion"("modelId", "artifactVersionId");

-- CreateIndex
CREATE INDEX "RegisteredModelAlias_versionId_idx" ON "RegisteredModelAlias"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "RegisteredModelAlias_modelId_alias_key" ON "RegisteredModelAlias"("modelId", "alias");

-- AddForeignKey
ALTER TABLE "RegisteredModel" ADD CONSTRAINT "RegisteredModel_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisteredModelVersion" ADD CONSTRAINT "RegisteredModelVersion_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "RegisteredModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisteredModelVersion" ADD CONSTRAINT "RegisteredModelVersion_artifactVersionId_fkey" FOREIGN KEY ("artifactVersionId") REFERENCES "ArtifactVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisteredModelAlias" ADD CONSTRAINT "RegisteredModelAlias_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "RegisteredModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisteredModelAlias" ADD CONSTRAINT "RegisteredModelAlias_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "RegisteredModelVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
