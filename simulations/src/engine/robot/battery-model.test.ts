import { describe, expect, it } from 'vitest';
import { turtlebotLikeDescription } from '../testing/test-robots.js';
import { BatteryModel } from './battery-model.js';

const battery = {
  ...turtlebotLikeDescription().battery,
  capacityAh: 2,
  initialCharge: 0.5,
  idleCurrent: 0.4,
  currentPerLinearSpeed: 2,
  currentPerAngularSpeed: 1,
  chargeCurrent: 1.5,
};

function run(model: BatteryModel, seconds: number, linear: number, angular: number, onDock: boolean): void {
  for (let i = 0; i < seconds * 100; i++) model.update(0.01, linear, angular, onDock);
}

describe('BatteryModel', () => {
  it('drains at the idle current when still', () => {
    const model = new BatteryModel(battery);
    run(model, 600, 0, 0, false);
    const reading = model.reading();
    // 0.4 A for 600 s = 240 As of 7200 As.
    expect(reading.charge).toBeCloseTo(0.5 - 240 / 7200, 9);
    expect(reading.current).toBeCloseTo(-0.4, 12);
    expect(reading.charging).toBe(false);
  });

  it('drains faster while driving, by the speed-dependent currents', () => {
    const model = new BatteryModel(battery);
    run(model, 600, -0.2, 1, false);
    // 0.4 + 2·0.2 + 1·1 = 1.8 A for 600 s.
    expect(model.reading().charge).toBeCloseTo(0.5 - (1.8 * 600) / 7200, 9);
    expect(model.reading().current).toBeCloseTo(-1.8, 12);
  });

  it('charges on a dock while nearly stopped, up to full', () => {
    const model = new BatteryModel(battery);
    run(model, 600, 0, 0, true);
    expect(model.reading().charge).toBeCloseTo(0.5 + (1.5 * 600) / 7200, 9);
    expect(model.reading()).toMatchObject({ current: 1.5, charging: true });
    run(model, 7200, 0, 0, true);
    expect(model.reading()).toMatchObject({ charge: 1, current: 0, charging: false });
  });

  it('does not charge on a dock while moving', () => {
    const model = new BatteryModel(battery);
    run(model, 10, 0.1, 0, true);
    expect(model.reading().charging).toBe(false);
    expect(model.reading().charge).toBeLessThan(0.5);
  });

  it('gives a voltage linear in charge from 0.85× to 1.05× nominal', () => {
    const empty = new BatteryModel({ ...battery, initialCharge: 0 });
    const full = new BatteryModel({ ...battery, initialCharge: 1 });
    const half = new BatteryModel(battery);
    expect(empty.reading().voltage).toBeCloseTo(0.85 * battery.nominalVoltage, 12);
    expect(full.reading().voltage).toBeCloseTo(1.05 * battery.nominalVoltage, 12);
    expect(half.reading().voltage).toBeCloseTo(0.95 * battery.nominalVoltage, 12);
  });

  it('stops at empty and then delivers nothing', () => {
    const model = new BatteryModel({ ...battery, initialCharge: 0.001 });
    expect(model.hasCharge).toBe(true);
    run(model, 60, 0.2, 0, false);
    expect(model.reading()).toMatchObject({ charge: 0, current: 0 });
    expect(model.hasCharge).toBe(false);
  });
});
