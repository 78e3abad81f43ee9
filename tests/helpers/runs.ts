/** A project and a run to hang history on, created straight in the database for store-level tests. */
export async function createBareRun(name: string): Promise<string> {
  const { getPrisma } = await import('@/lib/db/prisma');
  const prisma = getPrisma();
  const entity = await prisma.entity.create({ data: { name: `e-${name}`, kind: 'USER' } });
  const project = await prisma.project.create({ data: { entityId: entity.id, name: 'p' } });
  const run = await prisma.run.create({
    data: { projectId: project.id, runId: name, displayName: name },
  });
  return run.id;
}
