import { MessageReader, MessageWriter } from '@foxglove/rosmsg2-serialization';
import { CdrDecodeError, CdrEncodeError, describeCause } from './message-errors.js';
import { StringPreEncoder, writerDefinitions } from './cdr-string-encoding.js';
import type { KnownMessageType, MessageTypeMap } from './message-type-map.js';
import type { MessageRegistry } from './message-registry.js';
import { assertValidMessage } from './validate-message.js';

/** Options of {@link createCdrCodec}. */
export interface CdrCodecOptions {
  /**
   * Validate each message before encoding (default true). The CDR writer silently writes
   * defaults for missing or mistyped fields, so only switch this off for trusted hot paths.
   */
  readonly validate?: boolean;
}

/** Encodes and decodes one message type as ROS 2 CDR (little-endian, with the 4-byte encapsulation header). */
export interface CdrCodec<T = Record<string, unknown>> {
  /** Canonical type name. */
  readonly type: string;
  /**
   * Serialises a message.
   *
   * @throws MessageInvalidError when validation is on and the message does not match its type
   * @throws CdrEncodeError when the writer rejects the message (e.g. a `wstring` field)
   */
  encode(message: T): Uint8Array;
  /**
   * Deserialises bytes. Numeric arrays in the result may be views on `bytes` (no copy): copy them
   * before reusing the buffer.
   *
   * @throws CdrDecodeError for anything that is not a CDR encoding of this type
   */
  decode(bytes: ArrayBufferView): T;
}

type FoxgloveDefinitions = ConstructorParameters<typeof MessageReader>[0];

const caches = new WeakMap<MessageRegistry, Map<string, CdrCodec>>();

/**
 * The CDR codec of a message type, built once per registry, type and options and then cached.
 *
 * @throws UnknownMessageTypeError when the type (or one it uses) is not registered
 *
 * @example
 * const codec = createCdrCodec(registry, 'geometry_msgs/msg/Twist');
 * const bytes = codec.encode(twist);
 * const again = codec.decode(bytes);
 */
export function createCdrCodec<K extends KnownMessageType>(
  registry: MessageRegistry,
  type: K,
  options?: CdrCodecOptions,
): CdrCodec<MessageTypeMap[K]>;
export function createCdrCodec(registry: MessageRegistry, type: string, options?: CdrCodecOptions): CdrCodec;
export function createCdrCodec(registry: MessageRegistry, type: string, options: CdrCodecOptions = {}): CdrCodec {
  const canonical = registry.resolve(type);
  const validate = options.validate ?? true;
  const key = `${canonical}|${validate}`;
  let cache = caches.get(registry);
  if (!cache) {
    cache = new Map();
    caches.set(registry, cache);
  }
  const cached = cache.get(key);
  if (cached) return cached;
  const codec = buildCodec(registry, canonical, validate);
  cache.set(key, codec);
  return codec;
}

/** Encodes one message with the cached codec of its type; see {@link createCdrCodec}. */
export function encodeCdr<K extends KnownMessageType>(
  registry: MessageRegistry,
  type: K,
  message: MessageTypeMap[K],
  options?: CdrCodecOptions,
): Uint8Array;
export function encodeCdr(
  registry: MessageRegistry,
  type: string,
  message: unknown,
  options?: CdrCodecOptions,
): Uint8Array;
export function encodeCdr(
  registry: MessageRegistry,
  type: string,
  message: unknown,
  options?: CdrCodecOptions,
): Uint8Array {
  return createCdrCodec(registry, type, options).encode(message as Record<string, unknown>);
}

/** Decodes one message with the cached codec of its type; see {@link createCdrCodec}. */
export function decodeCdr<K extends KnownMessageType>(
  registry: MessageRegistry,
  type: K,
  bytes: ArrayBufferView,
): MessageTypeMap[K];
export function decodeCdr(registry: MessageRegistry, type: string, bytes: ArrayBufferView): Record<string, unknown>;
export function decodeCdr(registry: MessageRegistry, type: string, bytes: ArrayBufferView): Record<string, unknown> {
  return createCdrCodec(registry, type).decode(bytes);
}

/**
 * The definitions in the shape `@foxglove/rosmsg2-serialization` wants: the root first, then each
 * dependency by canonical name. `Time` and `Duration` stay complex types; their layout (int32,
 * uint32) is what the serializer's own time primitive writes, so the bytes are the same.
 */
export function serializationDefinitions(registry: MessageRegistry, type: string): FoxgloveDefinitions {
  const canonical = registry.resolve(type);
  return [canonical, ...registry.dependencies(canonical)].map((name) => ({
    name,
    definitions: registry.get(name).fields.map((field) => ({
      name: field.name,
      type: field.type,
      isComplex: field.isComplex,
      isArray: field.isArray,
      arrayLength: field.arrayLength,
      arrayUpperBound: field.arrayUpperBound,
      upperBound: field.stringUpperBound,
      defaultValue: field.defaultValue as FoxgloveDefinitions[number]['definitions'][number]['defaultValue'],
    })),
  }));
}

function buildCodec(registry: MessageRegistry, type: string, validate: boolean): CdrCodec {
  const definitions = serializationDefinitions(registry, type);
  const reader = new MessageReader<Record<string, unknown>>(definitions);
  const writer = new MessageWriter(writerDefinitions(definitions));
  const strings = new StringPreEncoder(definitions);
  return {
    type,
    encode(message) {
      if (validate) assertValidMessage(registry, type, message);
      try {
        return writer.writeMessage(strings.encode(type, message));
      } catch (error) {
        throw new CdrEncodeError(type, describeCause(error), error);
      }
    },
    decode(bytes) {
      if (!ArrayBuffer.isView(bytes)) {
        throw new CdrDecodeError(type, 0, `expected a Uint8Array (or another ArrayBufferView), got ${typeof bytes}`);
      }
      let message: Record<string, unknown>;
      try {
        message = reader.readMessage(bytes);
      } catch (error) {
        throw new CdrDecodeError(type, bytes.byteLength, describeCause(error), error);
      }
      // The reader makes views on the whole underlying buffer, so a bogus length can reach past
      // the end of `bytes` into a neighbouring message without an exception: catch it here.
      const used = reader.lastReadByteLength();
      if (used > bytes.byteLength) {
        throw new CdrDecodeError(type, bytes.byteLength, `the data ends early (needs at least ${used} bytes)`);
      }
      return message;
    },
  };
}
