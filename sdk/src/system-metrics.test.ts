import { expect, it } from 'vitest';
import { parseNvidiaSmi, SystemSampler } from './system-metrics';

it('turns nvidia-smi CSV into the seed’s gpu.{i}.* metrics, skipping [N/A] fields', () => {
  // Two GPUs, the second without ECC counters or an encoder reading, as nvidia-smi prints them.
  const csv = [
    '0, 87, 41, 40960, 81559, 63, 312.45, 700.00, 1980, 2619, 1980, 0, 0, 0',
    '1, 0, 0, 4, 81559, 31, 70.1, 700.00, 345, 2619, 345, [N/A], [N/A], [N/A]',
  ].join('\n');
  const sample = parseNvidiaSmi(csv);
  expect(sample).toMatchObject({
    'gpu.0.gpu': 87,
    'gpu.0.memory': 41,
    'gpu.0.memoryAllocatedBytes': 40960 * 1024 * 1024,
    'gpu.0.temp': 63,
    'gpu.0.powerWatts': 312.45,
    'gpu.0.smClock': 1980,
    'gpu.0.memoryClock': 2619,
    'gpu.0.graphicsClock': 1980,
    'gpu.0.correctedMemoryErrors': 0,
    'gpu.0.unCorrectedMemoryErrors': 0,
    'gpu.0.encoderUtilization': 0,
    'gpu.1.temp': 31,
  });
  expect(sample['gpu.0.memoryAllocated']).toBeCloseTo((40960 / 81559) * 100, 6);
  expect(sample['gpu.0.powerPercent']).toBeCloseTo((312.45 / 700) * 100, 6);
  expect('gpu.1.correctedMemoryErrors' in sample).toBe(false);
  expect(parseNvidiaSmi('')).toEqual({});
});

it('samples CPU, memory, disk and network of this machine with the seed’s names', async () => {
  const sampler = new SystemSampler(['/', '/no/such/path']);
  // Burn a little CPU so the process share is measurable.
  const until = Date.now() + 50;
  while (Date.now() < until);
  const sample = await sampler.sample();
  expect(sample.cpu).toBeGreaterThan(0);
  expect(sample['cpu.0.cpu_percent']).toBeGreaterThanOrEqual(0);
  expect(sample.memory).toBeGreaterThan(0);
  expect(sample.memory).toBeLessThan(100);
  expect(sample['proc.memory.rssMB']).toBeGreaterThan(10);
  expect(sample['proc.memory.availableMB']).toBeGreaterThan(0);
  expect(sample['disk./.usagePercent']).toBeGreaterThan(0);
  expect(sample['disk./.usageGB']).toBeGreaterThan(0);
  expect('disk./no/such/path.usageGB' in sample).toBe(false);
  expect(sample['network.sent']).toBeGreaterThanOrEqual(0);
  expect(sample['proc.cpu.threads']).toBeGreaterThan(0);
});
