import { z } from 'zod';

/** What the schema says about one parameter. */
export interface ParamDescription {
  /** JSON-schema type name (`number`, `integer`, `string`, `boolean`, `array`, `object`) or `any`. */
  readonly type: string;
  readonly description?: string;
  readonly readOnly: boolean;
  readonly default?: unknown;
  /** Allowed values, for enums. */
  readonly enum?: readonly unknown[];
}

interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  readOnly?: boolean;
  default?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchemaNode>;
  anyOf?: JsonSchemaNode[];
}

/**
 * Lists the parameters a zod object schema declares, as dotted names. Nested objects become
 * dotted names (ROS 2 style), so `controller.max_speed` is one parameter.
 */
export function describeSchema(schema: z.ZodObject): Map<string, ParamDescription> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  const out = new Map<string, ParamDescription>();
  const walk = (node: JsonSchemaNode, prefix: string): void => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const name = prefix ? `${prefix}.${key}` : key;
      const resolved = child.anyOf?.find((c) => c.type !== 'null') ?? child;
      if (resolved.properties && Object.keys(resolved.properties).length > 0) {
        walk(resolved, name);
        continue;
      }
      const type = Array.isArray(resolved.type) ? resolved.type.join('|') : (resolved.type ?? 'any');
      out.set(name, {
        type,
        readOnly: child.readOnly === true || resolved.readOnly === true,
        ...((child.description ?? resolved.description)
          ? { description: child.description ?? resolved.description }
          : {}),
        ...(child.default !== undefined ? { default: child.default } : {}),
        ...(resolved.enum ? { enum: resolved.enum } : {}),
      });
    }
  };
  walk(json, '');
  return out;
}
