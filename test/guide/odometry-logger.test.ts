// The test of docs/guides/plugin-authoring.md, so that the guide's code is known to work.
import { expect, it } from 'vitest';
import { ManualClock, createInProcessHost } from '@omnimind/core';

it('the plugin authoring guide example runs as written', async () => {
  const clock = new ManualClock();
  const { host, bus, dispose } = createInProcessHost({ clock });
  await host.load([
    {
      pkg: './odometry-logger.ts',
      plugin: 'odometry-logger',
      name: 'odom_logger',
      namespace: '/',
      remaps: [],
      baseDir: import.meta.dirname,
      paramLayers: [],
    },
  ]);
  await host.startAll();

  const summaries: string[] = [];
  bus
    .forNode({ name: 'probe' })
    .topic<{ data: string }>('/odom_logger/summary', 'std_msgs/msg/String')
    .subscribe((event) => void summaries.push(event.message.data));
  clock.advanceBy(1000); // the summary timer fires once
  expect(summaries).toEqual(['0 odometry messages']);
  await dispose();
});
