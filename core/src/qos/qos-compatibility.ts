import type { QosProfile } from './qos.js';

/** The policies whose mismatch keeps a publisher and a subscription apart. */
export type QosIncompatiblePolicy = 'reliability' | 'durability' | 'deadline';

/** One reason why a publisher cannot feed a subscription. */
export interface QosIncompatibility {
  readonly policy: QosIncompatiblePolicy;
  readonly reason: string;
}

/** `0` means "not set", that is, an infinite deadline. */
function deadlineValue(ms: number): number {
  return ms > 0 ? ms : Number.POSITIVE_INFINITY;
}

/**
 * The request-versus-offered rules of ROS 2 (DDS): a subscription's requested QoS must not be
 * stronger than what the publisher offers.
 *
 * | policy      | publisher offers | subscription requests | connected? |
 * | ----------- | ---------------- | --------------------- | ---------- |
 * | reliability | best_effort      | reliable              | no         |
 * | durability  | volatile         | transient_local       | no         |
 * | deadline    | longer (or none) | shorter               | no         |
 *
 * Returns every violated rule (empty when the pair is compatible).
 */
export function checkQosCompatibility(publisher: QosProfile, subscription: QosProfile): QosIncompatibility[] {
  const problems: QosIncompatibility[] = [];
  if (publisher.reliability === 'best_effort' && subscription.reliability === 'reliable') {
    problems.push({
      policy: 'reliability',
      reason: 'the publisher offers best_effort but the subscription requests reliable',
    });
  }
  if (publisher.durability === 'volatile' && subscription.durability === 'transient_local') {
    problems.push({
      policy: 'durability',
      reason: 'the publisher offers volatile but the subscription requests transient_local',
    });
  }
  if (deadlineValue(publisher.deadlineMs) > deadlineValue(subscription.deadlineMs)) {
    const offered = publisher.deadlineMs > 0 ? `${publisher.deadlineMs} ms` : 'no deadline';
    problems.push({
      policy: 'deadline',
      reason: `the publisher offers ${offered} but the subscription requests a deadline of ${subscription.deadlineMs} ms`,
    });
  }
  return problems;
}

/** True when `publisher` may feed `subscription` (see {@link checkQosCompatibility}). */
export function isQosCompatible(publisher: QosProfile, subscription: QosProfile): boolean {
  return checkQosCompatibility(publisher, subscription).length === 0;
}
