-- CreateEnum
CREATE TYPE "MediaType" AS ENUM ('STRING', 'HISTOGRAM', 'TABLE', 'IMAGE');

-- CreateTable
CREATE TABLE "MediaValue" (
    "runId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "step" BIGINT NOT NULL,
    "type" "MediaType" NOT NULL,
    "value" JSONB NOT NULL,

    CONSTRAINT "MediaValue_pkey" PRIMARY KEY ("runId","key","step")
);

-- AddForeignKey
ALTER TABLE "MediaValue" ADD CONSTRAINT "MediaValue_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
