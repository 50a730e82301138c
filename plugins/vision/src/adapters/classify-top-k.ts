import type { std_msgs, vision_msgs } from '@omnimind/core';
import { InvalidClassifyOptions } from './adapter-errors.js';

/** One ranked class of {@link classifyTopK}. */
export interface ClassScore {
  /** Index of the class in the model's output. */
  readonly classId: number;
  /** The class name, or the index as text when no names were given. */
  readonly className: string;
  /** Probability (with `softmax`) or the value as given. */
  readonly score: number;
}

/** Options of {@link classifyTopK}. */
export interface ClassifyOptions {
  /**
   * Apply a softmax first (default true: the values are logits). Set false when the model already
   * outputs probabilities, so they are ranked as they are.
   */
  readonly softmax?: boolean;
}

/**
 * The `k` best classes of one classifier output (a `[C]` or `[1, C]` vector of logits or
 * probabilities), best first. With `softmax` (the default) the scores are probabilities summing to
 * 1 over all C classes, computed stably (the maximum is subtracted first, so logits of ±1000 work).
 * Equal scores keep class order (lower index first). A `k` above C returns all C classes.
 *
 * @param values - the output vector; `-Infinity` is allowed (probability 0), NaN and `+Infinity` are not.
 * @param k - how many classes to return, an integer ≥ 1.
 * @param classNames - a name per class (length C), or undefined for the index as text.
 * @throws InvalidClassifyOptions (`OMNI_ERR_VISION_CLASSIFY_OPTIONS`) for an empty or non-finite
 *   vector, a bad `k`, or a name list whose length is not C.
 * @example
 * ```ts
 * classifyTopK(Float32Array.of(2, 1, 0.1), 2, ['cat', 'dog', 'bird']);
 * // → [{ classId: 0, className: 'cat', score: 0.659 }, { classId: 1, className: 'dog', score: 0.242 }]
 * ```
 */
export function classifyTopK(
  values: ArrayLike<number>,
  k: number,
  classNames?: readonly string[],
  options: ClassifyOptions = {},
): ClassScore[] {
  const count = values.length;
  if (count === 0) throw new InvalidClassifyOptions('values', '[]', 'a vector of at least one class score');
  if (!Number.isInteger(k) || k < 1) throw new InvalidClassifyOptions('k', k, 'an integer ≥ 1');
  if (classNames !== undefined && classNames.length !== count) {
    throw new InvalidClassifyOptions('classNames', classNames, `a list of ${count} names (one per output value)`);
  }
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    if (Number.isNaN(value) || value === Infinity) {
      throw new InvalidClassifyOptions(`values[${i}]`, value, 'a finite number or -Infinity');
    }
    if (value > max) max = value;
  }
  const softmax = options.softmax ?? true;
  if (softmax && max === -Infinity) {
    throw new InvalidClassifyOptions('values', 'all -Infinity', 'at least one finite logit');
  }
  const scores = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    scores[i] = softmax ? Math.exp(values[i]! - max) : values[i]!;
    sum += scores[i]!;
  }
  if (softmax) for (let i = 0; i < count; i++) scores[i] = scores[i]! / sum;
  const order = Array.from({ length: count }, (_, i) => i);
  // Array.prototype.sort is stable, so ties keep the lower class index first.
  order.sort((a, b) => scores[b]! - scores[a]!);
  return order.slice(0, Math.min(k, count)).map((classId) => ({
    classId,
    className: classNames?.[classId] ?? String(classId),
    score: scores[classId]!,
  }));
}

/**
 * A `vision_msgs/Classification` of ranked classes (`class_id` is the class name).
 *
 * @example
 * ```ts
 * bus.publish(topic, toClassificationMessage(frame.header, classifyTopK(logits, 5, names)));
 * ```
 */
export function toClassificationMessage(
  header: std_msgs.Header,
  classes: readonly ClassScore[],
): vision_msgs.Classification {
  return { header, results: classes.map((c) => ({ class_id: c.className, score: c.score })) };
}
