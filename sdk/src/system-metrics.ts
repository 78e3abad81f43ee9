import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statfsSync } from 'node:fs';
import os from 'node:os';

/**
 * System metrics with the names of the seed's "System metrics" list (cpu, cpu.{i}.cpu_percent,
 * proc.*, memory, disk.*, network.*, gpu.{i}.*). Sources that a machine lacks (no /proc, no
 * nvidia-smi) are skipped silently. Counters (disk in/out, network) count from the first sample.
 */
export type Sample = Record<string, number>;

const MB = 1024 * 1024;

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function memInfo(): { totalMB: number; availableMB: number } {
  const meminfo = readProc('/proc/meminfo');
  const kb = (name: string) =>
    Number(meminfo?.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'))?.[1] ?? NaN);
  const available = kb('MemAvailable');
  return {
    totalMB: os.totalmem() / MB,
    availableMB: Number.isFinite(available) ? available / 1024 : os.freemem() / MB,
  };
}

function diskBytes(): { read: number; written: number } | undefined {
  const stats = readProc('/proc/diskstats');
  if (!stats) return undefined;
  let read = 0;
  let written = 0;
  for (const line of stats.trim().split('\n')) {
    const fields = line.trim().split(/\s+/);
    const name = fields[2] ?? '';
    // Whole devices only (sda, nvme0n1, vda), not their partitions, loops or ram disks.
    if (
      /^(loop|ram|dm-)/.test(name) ||
      /^(sd|vd|xvd)[a-z]+\d+$/.test(name) ||
      /^nvme\d+n\d+p\d+$/.test(name)
    )
      continue;
    read += Number(fields[5] ?? 0) * 512;
    written += Number(fields[9] ?? 0) * 512;
  }
  return { read, written };
}

function networkBytes(): { sent: number; recv: number } | undefined {
  const dev = readProc('/proc/net/dev');
  if (!dev) return undefined;
  let sent = 0;
  let recv = 0;
  for (const line of dev.split('\n').slice(2)) {
    const [name, rest] = line.split(':');
    if (!rest || name!.trim() === 'lo') continue;
    const fields = rest.trim().split(/\s+/);
    recv += Number(fields[0] ?? 0);
    sent += Number(fields[8] ?? 0);
  }
  return { sent, recv };
}

const gpuQuery = [
  'index',
  'utilization.gpu',
  'utilization.memory',
  'memory.used',
  'memory.total',
  'temperature.gpu',
  'power.draw',
  'power.limit',
  'clocks.sm',
  'clocks.mem',
  'clocks.gr',
  'ecc.errors.corrected.volatile.total',
  'ecc.errors.uncorrected.volatile.total',
  'utilization.encoder',
];

/** Parses `nvidia-smi --query-gpu=<gpuQuery> --format=csv,noheader,nounits` into gpu.{i}.* metrics. */
export function parseNvidiaSmi(csv: string): Sample {
  const sample: Sample = {};
  for (const line of csv.trim().split('\n')) {
    const cells = line.split(',').map((cell) => Number(cell.trim()));
    const [
      index,
      gpu,
      memory,
      usedMiB,
      totalMiB,
      temp,
      watts,
      limit,
      sm,
      mem,
      graphics,
      corrected,
      uncorrected,
      encoder,
    ] = cells;
    if (index === undefined || !Number.isInteger(index)) continue;
    const put = (name: string, value: number | undefined) => {
      if (value !== undefined && Number.isFinite(value)) sample[`gpu.${index}.${name}`] = value;
    };
    put('gpu', gpu);
    put('memory', memory);
    if (usedMiB !== undefined && totalMiB) put('memoryAllocated', (usedMiB / totalMiB) * 100);
    if (usedMiB !== undefined) put('memoryAllocatedBytes', usedMiB * MB);
    put('temp', temp);
    put('powerWatts', watts);
    if (watts !== undefined && limit) put('powerPercent', (watts / limit) * 100);
    put('smClock', sm);
    put('memoryClock', mem);
    put('graphicsClock', graphics);
    put('correctedMemoryErrors', corrected);
    put('unCorrectedMemoryErrors', uncorrected);
    put('encoderUtilization', encoder);
  }
  return sample;
}

function nvidiaSmi(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'nvidia-smi',
      [`--query-gpu=${gpuQuery.join(',')}`, '--format=csv,noheader,nounits'],
      { timeout: 5000 },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on every Linux we know). */
const ticksPerSecond = 100;

/** `pid` and all its descendants, from the parent ids in /proc/<pid>/stat. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const ppid = Number(stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isInteger(ppid)) continue;
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  if (!readProc(`/proc/${root}/stat`)) return [];
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

interface ProcessUsage {
  /** User + system CPU time in clock ticks. */
  ticks: number;
  threads: number;
  rssKB: number;
}

function processUsage(pid: number): ProcessUsage | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  const status = readProc(`/proc/${pid}/status`);
  if (!stat || !status) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state(0) ppid(1) … utime(11) stime(12) … num_threads(17).
  return {
    ticks: Number(fields[11] ?? 0) + Number(fields[12] ?? 0),
    threads: Number(status.match(/^Threads:\s+(\d+)/m)?.[1] ?? fields[17] ?? 0),
    rssKB: Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0),
  };
}

/**
 * CPU, threads and memory of a process and its descendants (what `sextant run` wraps),
 * summed over the tree. CPU counts per process so that children exiting between two
 * samples do not make the total go backwards.
 */
class ProcessTreeSampler {
  private lastTicks = new Map<number, number>();
  private lastTime = process.hrtime.bigint();

  constructor(private readonly root: number) {
    this.sample();
  }

  sample(): { cpuPercent: number; threads: number; rssMB: number } | undefined {
    const tree = processTree(this.root);
    if (tree.length === 0) return undefined;
    const now = process.hrtime.bigint();
    const seconds = Number(now - this.lastTime) / 1e9;
    const ticks = new Map<number, number>();
    let busyTicks = 0;
    let threads = 0;
    let rssKB = 0;
    for (const pid of tree) {
      const usage = processUsage(pid);
      if (!usage) continue;
      busyTicks += Math.max(0, usage.ticks - (this.lastTicks.get(pid) ?? 0));
      ticks.set(pid, usage.ticks);
      threads += usage.threads;
      rssKB += usage.rssKB;
    }
    this.lastTicks = ticks;
    this.lastTime = now;
    const cores = Math.max(1, os.cpus().length);
    return {
      cpuPercent: seconds > 0 ? (busyTicks / ticksPerSecond / seconds / cores) * 100 : 0,
      threads,
      rssMB: rssKB / 1024,
    };
  }
}

export class SystemSampler {
  private tree: ProcessTreeSampler | undefined;

  /**
   * From now on, the process metrics (cpu, proc.cpu.threads, proc.memory.*) describe `pid`
   * and its descendants instead of this process; machine-wide metrics are unchanged.
   */
  trackProcessTree(pid: number): void {
    this.tree = new ProcessTreeSampler(pid);
  }

  private lastCpu = process.cpuUsage();
  private lastTime = process.hrtime.bigint();
  private lastCores = os.cpus().map((cpu) => cpu.times);
  private readonly startDisk = diskBytes();
  private readonly startNetwork = networkBytes();
  private gpuAvailable = true;

  constructor(private readonly diskPaths: string[] = ['/']) {}

  async sample(): Promise<Sample> {
    const sample: Sample = {};
    const now = process.hrtime.bigint();
    const elapsedUs = Number(now - this.lastTime) / 1000;
    const cpu = process.cpuUsage(this.lastCpu);
    const cores = os.cpus();
    if (elapsedUs > 0)
      sample.cpu = ((cpu.user + cpu.system) / elapsedUs / Math.max(1, cores.length)) * 100;
    cores.forEach((core, i) => {
      const before = this.lastCores[i];
      if (!before) return;
      const busy = (t: typeof core.times) => t.user + t.nice + t.sys + t.irq;
      const total = (t: typeof core.times) => busy(t) + t.idle;
      const dt = total(core.times) - total(before);
      if (dt > 0) sample[`cpu.${i}.cpu_percent`] = ((busy(core.times) - busy(before)) / dt) * 100;
    });
    this.lastCpu = process.cpuUsage();
    this.lastTime = now;
    this.lastCores = cores.map((core) => core.times);

    const threads = readProc('/proc/self/status')?.match(/^Threads:\s+(\d+)/m)?.[1];
    if (threads) sample['proc.cpu.threads'] = Number(threads);

    const { totalMB, availableMB } = memInfo();
    let rssMB = process.memoryUsage().rss / MB;
    const tree = this.tree?.sample();
    if (tree) {
      sample.cpu = tree.cpuPercent;
      sample['proc.cpu.threads'] = tree.threads;
      rssMB = tree.rssMB;
    }
    sample.memory = ((totalMB - availableMB) / totalMB) * 100;
    sample['proc.memory.rssMB'] = rssMB;
    sample['proc.memory.percent'] = (rssMB / totalMB) * 100;
    sample['proc.memory.availableMB'] = availableMB;

    for (const path of this.diskPaths) {
      try {
        const fs = statfsSync(path);
        const total = fs.blocks * fs.bsize;
        const used = total - fs.bfree * fs.bsize;
        sample[`disk.${path}.usagePercent`] = (used / total) * 100;
        sample[`disk.${path}.usageGB`] = used / 1024 ** 3;
      } catch {
        // a path that does not exist here is skipped
      }
    }
    const disk = diskBytes();
    if (disk && this.startDisk) {
      sample['disk.in'] = (disk.read - this.startDisk.read) / MB;
      sample['disk.out'] = (disk.written - this.startDisk.written) / MB;
    }
    const network = networkBytes();
    if (network && this.startNetwork) {
      sample['network.sent'] = network.sent - this.startNetwork.sent;
      sample['network.recv'] = network.recv - this.startNetwork.recv;
    }
    if (this.gpuAvailable) {
      const csv = await nvidiaSmi();
      if (csv === undefined) this.gpuAvailable = false;
      else Object.assign(sample, parseNvidiaSmi(csv));
    }
    return sample;
  }
}
