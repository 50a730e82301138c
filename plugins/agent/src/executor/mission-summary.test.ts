import { describe, expect, it } from 'vitest';
import { formatMissionSummary } from './mission-summary.js';
import { RunMeter } from './run-meter.js';
import { StatusLine } from './status-line.js';

describe('the mission summary and what it measures', () => {
  it('meters distance, energy drawn (not charged) and collisions as rising edges', () => {
    const meter = new RunMeter(20, 1000);
    meter.pose(0, 0);
    meter.pose(3, 4);
    meter.charge(0.5);
    meter.charge(0.4);
    meter.charge(0.9);
    meter.charge(0.85);
    for (const pressed of [true, true, false, true]) meter.bumper(pressed);
    expect(meter.totals(11_000)).toEqual({
      elapsedS: 10,
      distanceM: 5,
      energyWh: expect.closeTo(3, 9),
      batteryFraction: 0.85,
      collisions: 2,
    });
  });

  it('prints one line per goal and the totals', () => {
    const text = formatMissionSummary(
      'robot2',
      [
        {
          id: 'fetch',
          status: 'succeeded',
          startedS: 1,
          endedS: 101.5,
          replans: 1,
          steps: ['move(a)', 'grasp(b)'],
          chargingDetours: 1,
        },
        {
          id: 'x',
          status: 'failed',
          reason: 'no plan',
          startedS: 2,
          endedS: 3,
          replans: 0,
          steps: [],
          chargingDetours: 0,
        },
      ],
      { elapsedS: 120, distanceM: 18.75, energyWh: 0.5, batteryFraction: 0.97, collisions: 0 },
    );
    expect(text.split('\n')).toEqual([
      'mission summary (robot2)',
      '  fetch  succeeded in 100.5 s, 1 replan, 1 charging detour, 2 steps: move(a) grasp(b)',
      '  x      failed in 1.0 s (no plan), 0 replans, 0 steps: -',
      '  totals: 120.0 s, 18.8 m driven, 0.50 Wh used, battery 97 %, 0 collisions',
    ]);
  });

  it('redraws the status in place on a terminal, and prints lines otherwise', () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) => ({ isTTY, write: (t: string) => written.push(t) > 0 });
    const live = new StatusLine(stream(true), true);
    live.show('a');
    live.show('a');
    live.show('b');
    live.clear();
    expect(written).toEqual(['\r\x1b[2Ka', '\r\x1b[2Kb', '\n']);
    written.length = 0;
    const headless = new StatusLine(stream(true), false);
    headless.show('a');
    headless.show('b');
    headless.clear();
    expect(written).toEqual(['a\n', 'b\n']);
  });
});
