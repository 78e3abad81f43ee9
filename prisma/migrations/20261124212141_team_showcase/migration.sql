-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "showcasedProjectIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
