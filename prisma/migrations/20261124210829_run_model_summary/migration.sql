-- CreateTable
CREATE TABLE "ModelLayer" (
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "parameterCount" BIGINT NOT NULL,
    "trainable" BOOLEAN,
    "outputShape" TEXT,

    CONSTRAINT "ModelLayer_pkey" PRIMARY KEY ("runId","position")
);

-- AddForeignKey
ALTER TABLE "ModelLayer" ADD CONSTRAINT "ModelLayer_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
