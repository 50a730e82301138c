import type { CameraDescription, Rgb } from '@omnimind/robots';
import type { Pose2D } from '../../world/world-types.js';
import { mountedRay, type FrameOffset } from '../geometry/frame-offsets.js';
import type { SceneEntity } from '../physics/scene-entity.js';
import type { SceneRayCaster } from '../raycast/scene-ray-caster.js';
import { GAUSSIAN_BYTE_TABLE } from '../random/gaussian-table.js';
import type { SeededRandom } from '../random/seeded-random.js';

/** Surfaces found along one column's ray before one covers the top of the image. */
const MAX_LAYERS = 4;
/** How much darker a surface is at the camera's maximum distance than at the lens. */
const FAR_DIMMING = 0.6;

/**
 * A first-person camera rendered like a raycasting game engine: one ray per image column through
 * a pinhole of the given horizontal field of view; each surface the ray meets is drawn as a
 * vertical span from the floor up to the surface's height, in perspective from the camera's height
 * (its frame's z), dimmed with distance. Surfaces are painted far to near, so a low object in
 * front of a wall leaves the wall visible above it. Above the horizon is sky, below it the floor,
 * dimmed with its distance too. A pitched camera moves the horizon (exact on the centre column,
 * close elsewhere); roll is ignored.
 */
export class CameraRenderer {
  readonly #description: CameraDescription;
  readonly #mount: FrameOffset;
  readonly #random: SeededRandom | undefined;
  readonly #cameraHeight: number;
  readonly #focal: number;
  /** tan(pitch): elevations are turned into rows by the tangent addition formula. */
  readonly #tanPitch: number;
  /** Ray direction of each column in the camera frame, and its cosine for depth. */
  readonly #dirX: Float64Array;
  readonly #dirY: Float64Array;
  /** Sky and floor, to copy before painting surfaces. */
  readonly #background: Uint8Array;
  readonly #hitT = new Float64Array(MAX_LAYERS);
  readonly #hitEntity = new Int32Array(MAX_LAYERS);

  constructor(
    description: CameraDescription,
    mount: FrameOffset,
    floor: Rgb,
    sky: Rgb,
    random: SeededRandom | undefined,
  ) {
    this.#description = description;
    this.#mount = mount;
    this.#random = random;
    this.#cameraHeight = Math.max(0.01, mount.z);
    const { width, height } = description;
    this.#focal = width / 2 / Math.tan(description.horizontalFov / 2);
    this.#tanPitch = Math.tan(Math.max(-1.5, Math.min(1.5, mount.pitch)));
    this.#dirX = new Float64Array(width);
    this.#dirY = new Float64Array(width);
    for (let c = 0; c < width; c++) {
      // Column 0 is the left edge: positive (counter-clockwise) angles.
      const angle = Math.atan2(width / 2 - (c + 0.5), this.#focal);
      this.#dirX[c] = Math.cos(angle);
      this.#dirY[c] = Math.sin(angle);
    }
    this.#background = new Uint8Array(width * height * 3);
    const pitch = Math.atan(this.#tanPitch);
    for (let r = 0; r < height; r++) {
      // Elevation of the row's line of sight: its angle above the optical axis minus the pitch.
      const elevation = Math.atan((height / 2 - (r + 0.5)) / this.#focal) - pitch;
      const colour = elevation >= 0 ? sky : floor;
      const shade = elevation >= 0 ? 1 : this.#shade(this.#cameraHeight / Math.tan(-elevation));
      for (let c = 0; c < width; c++) {
        const i = (r * width + c) * 3;
        this.#background[i] = Math.round(colour[0] * shade);
        this.#background[i + 1] = Math.round(colour[1] * shade);
        this.#background[i + 2] = Math.round(colour[2] * shade);
      }
    }
  }

  /**
   * Image row (fractional, 0 at the top edge) where a point at elevation tangent `tanElevation`
   * (height over depth, seen from the lens) appears; ±Infinity past straight up or down.
   */
  #row(tanElevation: number): number {
    const p = this.#tanPitch;
    const denominator = 1 - tanElevation * p;
    const centre = this.#description.height / 2;
    if (denominator <= 0) return tanElevation + p > 0 ? -Infinity : Infinity;
    return centre - (this.#focal * (tanElevation + p)) / denominator;
  }

  #shade(distance: number): number {
    return 1 - FAR_DIMMING * Math.min(1, distance / this.#description.maxDistance);
  }

  /** A fresh rgb8 image for a robot at `robotPose`; `excludeKey` is the robot's own ray-caster key. */
  render(caster: SceneRayCaster, entities: readonly SceneEntity[], robotPose: Pose2D, excludeKey: number): Uint8Array {
    const { width, height, maxDistance } = this.#description;
    const { x: ox, y: oy, cos: hc, sin: hs } = mountedRay(robotPose, this.#mount);
    const image = new Uint8Array(this.#background);
    const eye = this.#cameraHeight;
    const hitT = this.#hitT;
    const hitEntity = this.#hitEntity;
    caster.prepare(ox, oy, maxDistance, excludeKey);
    for (let c = 0; c < width; c++) {
      const lx = this.#dirX[c]!;
      const ly = this.#dirY[c]!;
      const dx = hc * lx - hs * ly;
      const dy = hs * lx + hc * ly;
      let layers = 0;
      let tMin = 0;
      while (layers < MAX_LAYERS) {
        const t = caster.cast(ox, oy, dx, dy, tMin, maxDistance);
        if (t === Infinity) break;
        const entity = entities[caster.hitEntity]!;
        hitT[layers] = t;
        hitEntity[layers] = entity.index;
        layers++;
        // A surface reaching above the top row hides everything behind it.
        if (this.#row((entity.height - eye) / (t * lx)) <= 0) break;
        tMin = t + 1e-6;
      }
      for (let k = layers - 1; k >= 0; k--) {
        const t = hitT[k]!;
        const entity = entities[hitEntity[k]!]!;
        const depth = t * lx;
        const top = this.#row((entity.height - eye) / depth);
        const bottom = this.#row(-eye / depth);
        const r0 = Math.max(0, Math.ceil(top - 0.5));
        const r1 = Math.min(height, Math.ceil(bottom - 0.5));
        const shade = this.#shade(t);
        const red = Math.round(entity.color[0] * shade);
        const green = Math.round(entity.color[1] * shade);
        const blue = Math.round(entity.color[2] * shade);
        for (let r = r0, i = (r0 * width + c) * 3; r < r1; r++, i += width * 3) {
          image[i] = red;
          image[i + 1] = green;
          image[i + 2] = blue;
        }
      }
    }
    if (this.#random !== undefined && this.#description.pixelNoiseStd > 0) this.#addNoise(image, this.#random);
    return image;
  }

  /** Per-channel Gaussian noise: one 32-bit draw gives four samples through the quantile table. */
  #addNoise(image: Uint8Array, random: SeededRandom): void {
    const std = this.#description.pixelNoiseStd;
    const table = GAUSSIAN_BYTE_TABLE;
    // Writing through a clamped view rounds and clamps to 0–255 without branches.
    const out = new Uint8ClampedArray(image.buffer, image.byteOffset, image.length);
    const whole = image.length & ~3;
    for (let i = 0; i < whole; i += 4) {
      const bits = random.bits32();
      out[i] = image[i]! + std * table[bits & 0xff]!;
      out[i + 1] = image[i + 1]! + std * table[(bits >>> 8) & 0xff]!;
      out[i + 2] = image[i + 2]! + std * table[(bits >>> 16) & 0xff]!;
      out[i + 3] = image[i + 3]! + std * table[bits >>> 24]!;
    }
    if (whole < image.length) {
      const bits = random.bits32();
      for (let i = whole; i < image.length; i++) out[i] = image[i]! + std * table[(bits >>> ((i - whole) * 8)) & 0xff]!;
    }
  }
}
