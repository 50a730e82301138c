import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { EnergyModel, idleProfile } from './energy-model.js';
import { parseBatteryParams } from './battery-params.js';
import { predictPlanEnergy } from './plan-energy.js';
import { MANIPULATOR_BATTERY } from '../goap/testing/demo-domain.js';

const model = new EnergyModel(MANIPULATOR_BATTERY);

describe('EnergyModel', () => {
  it('counts energy at the nominal voltage like the simulator', () => {
    expect(model.capacityWh).toBeCloseTo(19.98, 10);
    expect(model.idlePowerW).toBeCloseTo(7.77, 10);
    expect(model.chargePowerW).toBeCloseTo(19.98, 10);
    // 10 m at 0.5 m/s: 20 s at 0.7 + 2.0 × 0.5 = 1.7 A → 11.1 × 1.7 × 20 / 3600 Wh
    expect(model.travelEnergyWh(10, 0.5)).toBeCloseTo((11.1 * 1.7 * 20) / 3600, 12);
    // a half turn at 1 rad/s: π s at 0.7 + 0.3 = 1.0 A
    expect(model.turnEnergyWh(Math.PI, 1)).toBeCloseTo((11.1 * 1.0 * Math.PI) / 3600, 12);
    expect(model.idleEnergyWh(3600)).toBeCloseTo(7.77, 10);
    // pushing at 1.5× load: 0.7 + 2 × 0.25 × 1.5 = 1.45 A
    expect(model.travelEnergyWh(5, 0.25, 1.5)).toBeCloseTo((11.1 * 1.45 * 20) / 3600, 12);
  });

  it('charges from empty to full in capacity / charge current hours', () => {
    expect(model.chargeTimeS(0)).toBeCloseTo(3600, 6);
    expect(model.chargeTimeS(model.capacityWh / 2)).toBeCloseTo(1800, 6);
    expect(model.chargeTimeS(model.capacityWh)).toBe(0);
    expect(model.chargedWh(10, 3600)).toBe(model.capacityWh);
    expect(model.chargedWh(0, 900)).toBeCloseTo(model.capacityWh / 4, 9);
  });

  it('rejects bad parameters with a typed error', () => {
    expect(() => parseBatteryParams({ ...MANIPULATOR_BATTERY, capacityAh: 0 })).toThrow(/capacityAh/);
    try {
      new EnergyModel({ ...MANIPULATOR_BATTERY, chargeCurrent: -1 });
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_ENERGY_INVALID_BATTERY')).toBe(true);
    }
  });

  it('predicts a plan: levels, minimum, charging capped at full, depletion', () => {
    const drive = { durationS: 20, linearSpeed: 0.5, angularSpeed: 0, loadFactor: 1, charging: false };
    const prediction = predictPlanEnergy(
      [{ profile: drive }, { profile: { ...idleProfile(7200), charging: true } }, { profile: idleProfile(3600) }],
      model,
      1,
    );
    const driveWh = (11.1 * 1.7 * 20) / 3600;
    expect(prediction.levelsWh[0]).toBeCloseTo(1 - driveWh, 12);
    expect(prediction.levelsWh[1]).toBeCloseTo(19.98, 9);
    expect(prediction.endWh).toBeCloseTo(19.98 - 7.77, 9);
    expect(prediction.minWh).toBeCloseTo(1 - driveWh, 12);
    expect(prediction.drawnWh).toBeCloseTo(driveWh + 7.77, 9);
    expect(prediction.chargedWh).toBeCloseTo(19.98 - 1 + driveWh, 9);
    expect(prediction.endFraction).toBeCloseTo((19.98 - 7.77) / 19.98, 9);
    expect(prediction.depletedAt).toBe(-1);
    expect(predictPlanEnergy([{ profile: idleProfile(3600) }], model, 5).depletedAt).toBe(0);
  });
});
