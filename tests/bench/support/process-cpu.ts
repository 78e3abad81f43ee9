import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of groups of processes, from /proc (Linux). On a shared or busy machine wall-clock
 * throughput moves with the neighbours; CPU milliseconds per request barely do, so benches
 * print both.
 */
interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  /** user + system, in milliseconds */
  cpuMs: number;
}

const ticksPerSecond = 100;

function readStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) may contain spaces; the rest follows its closing paren.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        pgrp: Number(fields[2]),
        cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond,
      });
    } catch {
      // The process exited while we looked.
    }
  }
  return stats;
}

/** Total CPU ms of a process group (e.g. a server started detached, with all its workers). */
export function processGroupCpuMs(pgid: number): number {
  return readStats()
    .filter((s) => s.pgrp === pgid)
    .reduce((sum, s) => sum + s.cpuMs, 0);
}

/** Total CPU ms of a process and all its descendants (e.g. a postmaster and its backends). */
export function processTreeCpuMs(rootPid: number): number {
  const stats = readStats();
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let total = 0;
  const queue = stats.filter((s) => s.pid === rootPid);
  while (queue.length) {
    const s = queue.pop()!;
    total += s.cpuMs;
    queue.push(...(children.get(s.pid) ?? []));
  }
  return total;
}

/** The pid of the postmaster serving `port` (embedded Postgres passes `-p <port>`). */
export function postmasterPid(port: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const p = args.indexOf('-p');
      if (args[0]?.endsWith('/postgres') && p >= 0 && args[p + 1] === String(port)) {
        return Number(entry);
      }
    } catch {
      // gone
    }
  }
  return undefined;
}
