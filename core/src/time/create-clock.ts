import type { Clock } from './clock.js';
import { SimClock } from './sim-clock.js';
import { SystemClock } from './system-clock.js';
import type { VirtualClockOptions } from './virtual-clock.js';

/** Options of {@link createClock}. */
export interface CreateClockOptions {
  /** The node's `use_sim_time` parameter: true gives a {@link SimClock}, false a {@link SystemClock}. */
  readonly useSimTime?: boolean;
  /** Options of the simulation clock. */
  readonly sim?: VirtualClockOptions;
}

/**
 * Creates the clock a node should use. A simulation clock still needs a time source: connect it to
 * the bus with {@link feedSimClock}.
 */
export function createClock(options: CreateClockOptions = {}): Clock {
  return options.useSimTime ? new SimClock(options.sim) : new SystemClock();
}
