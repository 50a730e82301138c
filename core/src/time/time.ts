/** `builtin_interfaces/msg/Time`: seconds and nanoseconds since the clock's epoch. */
export interface Time {
  sec: number;
  nanosec: number;
}

/** `builtin_interfaces/msg/Duration`. */
export interface Duration {
  sec: number;
  nanosec: number;
}

const NANOS_PER_SECOND = 1_000_000_000;

/** Converts milliseconds (possibly fractional) to a normalised {@link Time}. */
export function timeFromMs(ms: number): Time {
  const sec = Math.floor(ms / 1000);
  const nanosec = Math.round((ms - sec * 1000) * 1e6);
  return nanosec >= NANOS_PER_SECOND ? { sec: sec + 1, nanosec: nanosec - NANOS_PER_SECOND } : { sec, nanosec };
}

/** Converts a {@link Time} to milliseconds as a float (exact to well below a microsecond for dates near now). */
export function timeToMs(time: Time): number {
  return time.sec * 1000 + time.nanosec / 1e6;
}

/** Converts a {@link Time} to integer nanoseconds. */
export function timeToNs(time: Time): bigint {
  return BigInt(time.sec) * 1_000_000_000n + BigInt(time.nanosec);
}

/** Converts integer nanoseconds to a normalised {@link Time}. */
export function timeFromNs(ns: bigint): Time {
  return { sec: Number(ns / 1_000_000_000n), nanosec: Number(ns % 1_000_000_000n) };
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareTime(a: Time, b: Time): number {
  return a.sec !== b.sec ? a.sec - b.sec : a.nanosec - b.nanosec;
}
