import { describe, expect, it } from 'vitest';
import { ManualClock } from '../time/manual-clock.js';
import { MessageBus } from './message-bus.js';

describe('bus graph', () => {
  it('lists topics with type, endpoints (node, QoS), message count and rate', () => {
    const clock = new ManualClock({ startMs: 0 });
    const bus = new MessageBus({ clock, rateWindowMs: 1000 });
    const lidar = bus.forNode({ name: 'lidar', namespace: '/robot' });
    const scan = lidar.topic<number>('scan', 'sensor_msgs/msg/LaserScan', { qos: 'sensor_data' });
    bus
      .forNode({ name: 'slam' })
      .topic<number>('/robot/scan', 'sensor_msgs/msg/LaserScan')
      .observe('sensor_data')
      .subscribe();
    // A handle that was never used is not an endpoint.
    bus.forNode({ name: 'idle' }).topic('/unused', 'x/msg/U');
    for (let i = 0; i < 21; i++) {
      scan.publish(i);
      clock.advanceBy(50);
    }
    const topics = bus.graph.topics();
    expect(topics.map((t) => t.name)).toEqual(['/robot/scan']);
    const info = bus.graph.topic('/robot/scan')!;
    expect(info.type).toBe('sensor_msgs/msg/LaserScan');
    expect(info.messageCount).toBe(21);
    expect(info.rateHz).toBeCloseTo(20, 5);
    expect(info.publishers).toEqual([
      expect.objectContaining({ node: '/robot/lidar', kind: 'publisher', qos: expect.objectContaining({ depth: 5 }) }),
    ]);
    expect(info.subscriptions).toEqual([expect.objectContaining({ node: '/slam', kind: 'subscription' })]);
    clock.advanceBy(2000);
    expect(bus.graph.topic('/robot/scan')!.rateHz).toBe(0);
    expect(bus.graph.nodes()).toEqual(['/robot/lidar', '/slam']);
  });

  it('hides service and action plumbing unless asked, and lists services and actions', () => {
    const bus = new MessageBus({ clock: new ManualClock() });
    const server = bus.forNode({ name: 'server' });
    const client = bus.forNode({ name: 'client' });
    server.serviceServer('/reset', 'std_srvs/srv/Empty', () => ({}));
    client.serviceClient('/reset', 'std_srvs/srv/Empty');
    server.actionServer('/navigate', 'nav2_msgs/action/NavigateToPose', { execute: async () => ({}) });
    client.actionClient('/navigate', 'nav2_msgs/action/NavigateToPose');
    expect(bus.graph.topics()).toEqual([]);
    const hidden = bus.graph.topics({ includeHidden: true }).map((t) => t.name);
    expect(hidden).toContain('/reset/_service/request');
    expect(hidden).toContain('/navigate/_action/status');
    expect(hidden).toContain('/navigate/_action/feedback');
    expect(bus.graph.services()).toEqual([
      { name: '/reset', type: 'std_srvs/srv/Empty', servers: ['/server'], clients: ['/client'] },
    ]);
    expect(bus.graph.services({ includeHidden: true }).map((s) => s.name)).toEqual([
      '/navigate/_action/cancel_goal',
      '/navigate/_action/get_result',
      '/navigate/_action/send_goal',
      '/reset',
    ]);
    expect(bus.graph.actions()).toEqual([
      { name: '/navigate', type: 'nav2_msgs/action/NavigateToPose', servers: ['/server'], clients: ['/client'] },
    ]);
    expect(bus.graph.nodes()).toEqual(['/client', '/server']);
    server.dispose();
    client.dispose();
    expect(bus.graph.services({ includeHidden: true })).toEqual([]);
    expect(bus.graph.actions()).toEqual([]);
    expect(bus.graph.topics({ includeHidden: true })).toEqual([]);
    expect(bus.graph.nodes()).toEqual([]);
  });
});
