import { randomUUID } from 'node:crypto';

/** `unique_identifier_msgs/msg/UUID`: 16 bytes. */
export interface UuidMessage {
  uuid: number[];
}

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new random goal id (RFC 4122 version 4, lowercase text). */
export function newGoalId(): string {
  return randomUUID();
}

/** The 16 bytes of a UUID written as text. */
export function goalIdToMessage(id: string): UuidMessage {
  if (!UUID_TEXT.test(id)) throw new TypeError(`not a UUID: '${id}'`);
  const hex = id.replace(/-/g, '');
  const uuid: number[] = [];
  for (let i = 0; i < 32; i += 2) uuid.push(parseInt(hex.slice(i, i + 2), 16));
  return { uuid };
}

/** The text form (lowercase, hyphenated) of a 16-byte UUID. */
export function goalIdFromMessage(message: UuidMessage): string {
  if (message.uuid.length !== 16) throw new TypeError(`a UUID has 16 bytes, got ${message.uuid.length}`);
  const hex = message.uuid.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The all-zero UUID: in a cancel request it means "every goal". */
export const ZERO_GOAL_ID = '00000000-0000-0000-0000-000000000000';
