import type { ImuDescription } from '@omnimind/robots';
import type { ImuReading } from '../engine-types.js';
import type { FrameOffset } from '../geometry/frame-offsets.js';
import { wrapAngle } from '../geometry/planar-math.js';
import type { SeededRandom } from '../random/seeded-random.js';

/**
 * A planar IMU: heading, yaw rate and horizontal acceleration in the IMU frame. Acceleration is the
 * change of the body's world velocity over a step, turned into the frame of the pose between the
 * two velocity samples (so steady turning reads as pure centripetal acceleration). The mount's yaw
 * rotates the readings; its lever arm is neglected. Noise is drawn when the IMU is read.
 */
export class ImuModel {
  readonly #description: ImuDescription;
  readonly #mountYaw: number;
  readonly #random: SeededRandom | undefined;
  #yaw: number;
  #angular = 0;
  #ax = 0;
  #ay = 0;
  #vx = 0;
  #vy = 0;

  constructor(description: ImuDescription, mount: FrameOffset, startYaw: number, random: SeededRandom | undefined) {
    this.#description = description;
    this.#mountYaw = mount.yaw;
    this.#random = random;
    this.#yaw = startYaw + mount.yaw;
  }

  /**
   * One step: the body started at heading `fromTheta` and ended at `toTheta`, turning at `angular`
   * rad/s with world velocity (`vx`, `vy`) over the step.
   */
  update(fromTheta: number, toTheta: number, angular: number, vx: number, vy: number, dtSeconds: number): void {
    const gx = (vx - this.#vx) / dtSeconds;
    const gy = (vy - this.#vy) / dtSeconds;
    const frame = fromTheta + this.#mountYaw;
    const c = Math.cos(frame);
    const s = Math.sin(frame);
    this.#ax = c * gx + s * gy;
    this.#ay = -s * gx + c * gy;
    this.#vx = vx;
    this.#vy = vy;
    this.#angular = angular;
    this.#yaw = toTheta + this.#mountYaw;
  }

  /** A reading now, with fresh noise. */
  reading(): ImuReading {
    const d = this.#description;
    const random = this.#random;
    if (random === undefined) {
      return {
        yaw: wrapAngle(this.#yaw),
        angularVelocityZ: this.#angular,
        linearAccelerationX: this.#ax,
        linearAccelerationY: this.#ay,
      };
    }
    return {
      yaw: wrapAngle(this.#yaw + random.normal(d.orientationNoiseStd)),
      angularVelocityZ: this.#angular + random.normal(d.angularVelocityNoiseStd),
      linearAccelerationX: this.#ax + random.normal(d.linearAccelerationNoiseStd),
      linearAccelerationY: this.#ay + random.normal(d.linearAccelerationNoiseStd),
    };
  }
}
