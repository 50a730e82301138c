import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

const TWO_PI = 2 * Math.PI;

/**
 * A seeded source of random numbers for one consumer (one sensor of one robot). Every noise draw
 * of the simulator goes through one of these, never through `Math.random`, so that the same seed
 * and the same calls give bit-identical numbers.
 */
export class SeededRandom {
  readonly #generator: JumpableRandomGenerator;
  #spareGaussian = 0;
  #hasSpare = false;

  /** Wraps a generator; use {@link RandomStreams} to get independent ones from a seed. */
  constructor(generator: JumpableRandomGenerator) {
    this.#generator = generator;
  }

  /** Uniform in [0, 1), 53 bits. */
  uniform(): number {
    return uniformFloat64(this.#generator);
  }

  /** 32 uniform random bits, as an unsigned integer. */
  bits32(): number {
    return this.#generator.next() >>> 0;
  }

  /** A standard normal sample (mean 0, standard deviation 1), by the Box–Muller transform. */
  gaussian(): number {
    if (this.#hasSpare) {
      this.#hasSpare = false;
      return this.#spareGaussian;
    }
    // 1 - u lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    const angle = TWO_PI * this.uniform();
    this.#spareGaussian = radius * Math.sin(angle);
    this.#hasSpare = true;
    return radius * Math.cos(angle);
  }

  /** A normal sample with standard deviation `std` (0 when `std` is 0, without drawing). */
  normal(std: number): number {
    return std > 0 ? std * this.gaussian() : 0;
  }
}

/**
 * Hands out independent {@link SeededRandom} streams derived from one seed: the n-th stream starts
 * n jumps of 2^64 draws into the xoroshiro128+ sequence, so streams never overlap and the draws of
 * one sensor never shift those of another.
 */
export class RandomStreams {
  readonly #root: JumpableRandomGenerator;

  /** `seed` must be a safe integer; all of its bits matter. */
  constructor(seed: number) {
    const big = BigInt(seed);
    const low = Number(BigInt.asUintN(32, big)) | 0;
    const high = Number(BigInt.asUintN(32, big >> 32n)) | 0;
    // Neither a value nor its complement can both be zero, so the state is never all zeros.
    this.#root = xoroshiro128plusFromState([~high, ~low, low, high]);
    // Low-entropy seeds (0, 1, 2, ...) give correlated first outputs; a jump mixes the state fully.
    this.#root.jump();
  }

  /** The next independent stream. */
  next(): SeededRandom {
    const stream = this.#root.clone();
    this.#root.jump();
    return new SeededRandom(stream);
  }
}

/** True when `seed` can seed {@link RandomStreams} (a safe integer). */
export function isValidSeed(seed: number): boolean {
  return Number.isSafeInteger(seed);
}
