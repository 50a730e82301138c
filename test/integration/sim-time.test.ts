import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startLaunch, timeToMs } from '@omnimind/core';

const silent = new Writable({ write: (_c, _e, done) => done() });

describe('use_sim_time', () => {
  it('drives a node from /clock: its timers and stamps follow simulation time, at any speed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omnimind-sim-'));
    const file = join(dir, 'sim.launch.yaml');
    writeFileSync(
      file,
      [
        'launch:',
        '  - node:',
        '      pkg: "@omnimind/plugin-examples"',
        '      plugin: heartbeat',
        '      name: heartbeat',
        '      param:',
        '        - { name: use_sim_time, value: true }',
        '        - { name: rate_hz, value: 10 }',
      ].join('\n'),
    );
    const system = await startLaunch(file, { logLevel: 'silent', logDestination: silent });
    try {
      const probe = system.bus.forNode({ name: 'sim' });
      const clock = probe.topic('/clock', 'rosgraph_msgs/msg/Clock');
      const beats: number[] = [];
      probe
        .topic('/heartbeat', 'omnimind_msgs/msg/Heartbeat')
        .subscribe((e) => void beats.push(timeToMs(e.message.header.stamp)));

      clock.publish({ clock: { sec: 100, nanosec: 0 } });
      // Ten simulated seconds in 1 ms steps: as fast as the bus can go, no wall-clock waiting.
      for (let ms = 1; ms <= 10_000; ms++)
        clock.publish({ clock: { sec: 100 + Math.floor(ms / 1000), nanosec: (ms % 1000) * 1e6 } });

      expect(beats).toHaveLength(100);
      expect(beats[0]).toBe(100_100);
      expect(beats.at(-1)).toBe(110_000);
      expect(system.clock.type).toBe('sim');
      expect(timeToMs(system.clock.now())).toBe(110_000);
    } finally {
      await system.shutdown();
    }
  });
});
