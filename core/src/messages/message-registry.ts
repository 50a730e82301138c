import { parseMessageDefinition } from './definition-parser.js';
import type { ParsedMessage } from './definition-parser.js';
import { ACTION_WRAPPER_SUFFIXES, actionWrapperTexts, splitSections } from './interface-sections.js';
import { loadBuiltinDefinitions } from './builtin-definitions.js';
import { MessageDefinitionError, MessageTypeConflictError, UnknownMessageTypeError } from './message-errors.js';
import { PRIMITIVE_TYPE_NAMES } from './message-definition.js';
import type { ActionDefinition, MessageDefinition, ServiceDefinition } from './message-definition.js';
import { loadPackageDir } from './package-loader.js';
import { canonicalTypeName, isValidInterfaceName, parseTypeName, shortTypeName } from './type-names.js';
import type { InterfaceKind } from './type-names.js';
import { suggestTypeNames } from './type-suggestions.js';

/** Options of {@link MessageRegistry.register}. */
export interface RegisterOptions {
  /** File the text came from (used in `file:line:col` of errors); defaults to `pkg/kind/Name.kind`. */
  readonly source?: string;
}

/** The line that separates definitions in a concatenated ROS 2 schema text. */
export const SCHEMA_SEPARATOR = '='.repeat(80);

let builtinPrototype: MessageRegistry | undefined;

/**
 * Knows every message, service and action type by name: parses their ROS 2 definitions, resolves
 * references between them and produces the schema text that recordings and bridges carry.
 *
 * Type names are canonical (`pkg/msg/Type`, `pkg/srv/Name`, `pkg/action/Name`); the short form
 * `pkg/Type` is accepted wherever a name is looked up (message first, then service, then action).
 *
 * @example
 * const registry = MessageRegistry.default();
 * registry.get('geometry_msgs/Twist').fields.map((f) => f.name); // ['linear', 'angular']
 * registry.loadPackageDir(fileURLToPath(new URL('../msg', import.meta.url))); // a plugin's own types
 */
export class MessageRegistry {
  readonly #messages = new Map<string, ParsedMessage>();
  readonly #services = new Map<string, ServiceDefinition>();
  readonly #actions = new Map<string, ActionDefinition>();

  /**
   * A new registry holding the built-in types: every ROS 2 (Jazzy) definition that
   * `@foxglove/rosmsg-msgs-common` ships, plus the packages under `core/msg` (vision_msgs,
   * omnimind_msgs, std_srvs, the lifecycle and parameter services, example_interfaces).
   * The built-ins are parsed once per process; each call returns an independent copy.
   */
  static default(): MessageRegistry {
    if (!builtinPrototype) {
      const prototype = new MessageRegistry();
      loadBuiltinDefinitions(prototype);
      builtinPrototype = prototype;
    }
    const registry = new MessageRegistry();
    for (const [name, entry] of builtinPrototype.#messages) registry.#messages.set(name, entry);
    for (const [name, entry] of builtinPrototype.#services) registry.#services.set(name, entry);
    for (const [name, entry] of builtinPrototype.#actions) registry.#actions.set(name, entry);
    return registry;
  }

  /**
   * Registers a message (`pkg/msg/Type` or `pkg/Type`), a service (`pkg/srv/Name`, `.srv` text)
   * or an action (`pkg/action/Name`, `.action` text). Registering the same definition again is a
   * no-op; a different definition under a taken name throws.
   *
   * @returns the message types added (for a service its request and response, for an action its
   *   goal, result, feedback and protocol wrapper types)
   * @throws MessageDefinitionError for a bad name or malformed text (with `file:line:col`)
   * @throws MessageTypeConflictError when the name is taken by a different definition
   */
  register(type: string, definitionText: string, options: RegisterOptions = {}): string[] {
    const parts = parseTypeName(type);
    if (!parts || !isValidInterfaceName(parts.name)) {
      throw new MessageDefinitionError(
        `'${type}' is not a valid type name to register: expected pkg/msg/Type, pkg/srv/Name or pkg/action/Name ` +
          `with a snake_case package and a PascalCase name`,
      );
    }
    const kind: InterfaceKind = parts.kind ?? 'msg';
    const canonical = canonicalTypeName(parts.pkg, kind, parts.name);
    const file = options.source ?? `${canonical}.${kind}`;
    const text = definitionText.replace(/\r\n?/g, '\n');
    if (kind === 'msg') {
      const parsed = parseMessageDefinition(canonical, text, { file, firstLine: 1 });
      return this.#commit([parsed]);
    }
    if (kind === 'srv') return this.#registerService(canonical, parts.pkg, parts.name, text, file);
    return this.#registerAction(canonical, parts.pkg, parts.name, text, file);
  }

  /**
   * Registers every `.msg`, `.srv` and `.action` file of a ROS package folder (`<dir>/msg`,
   * `<dir>/srv`, `<dir>/action`), or of each package folder inside `dir`, then checks that every
   * field type they use is known. The package name comes from `package.xml` or the folder name.
   *
   * @returns the canonical names registered (messages, services and actions)
   */
  loadPackageDir(dir: string): string[] {
    return loadPackageDir(this, dir);
  }

  /** True when `type` (canonical or short form) names a registered message type. */
  has(type: string): boolean {
    return this.#findMessage(type) !== undefined;
  }

  /** True when `type` names a registered service. */
  hasService(type: string): boolean {
    return this.#find(type, 'srv', this.#services) !== undefined;
  }

  /** True when `type` names a registered action. */
  hasAction(type: string): boolean {
    return this.#find(type, 'action', this.#actions) !== undefined;
  }

  /**
   * The canonical name of a message type given in either form.
   *
   * @throws UnknownMessageTypeError with close names as suggestions
   */
  resolve(type: string): string {
    const found = this.#findMessage(type);
    if (found === undefined) throw this.#unknown('message', type, this.#messages.keys());
    return found;
  }

  /**
   * The parsed definition of a message type.
   *
   * @throws UnknownMessageTypeError with close names as suggestions
   */
  get(type: string): MessageDefinition {
    return this.#entry(type).definition;
  }

  /** Every registered message type (canonical names, sorted). */
  list(): string[] {
    return [...this.#messages.keys()].sort();
  }

  /** Every registered service type (sorted). */
  listServices(): string[] {
    return [...this.#services.keys()].sort();
  }

  /** Every registered action type (sorted). */
  listActions(): string[] {
    return [...this.#actions.keys()].sort();
  }

  /**
   * A service's request and response types.
   *
   * @throws UnknownMessageTypeError
   */
  service(type: string): ServiceDefinition {
    const found = this.#find(type, 'srv', this.#services);
    if (found === undefined) throw this.#unknown('service', type, this.#services.keys());
    return this.#services.get(found) as ServiceDefinition;
  }

  /**
   * An action's goal, result, feedback and protocol wrapper types.
   *
   * @throws UnknownMessageTypeError
   */
  action(type: string): ActionDefinition {
    const found = this.#find(type, 'action', this.#actions);
    if (found === undefined) throw this.#unknown('action', type, this.#actions.keys());
    return this.#actions.get(found) as ActionDefinition;
  }

  /**
   * Every message type `type` depends on, directly or not, in breadth-first order of first use
   * (`type` itself excluded).
   *
   * @throws UnknownMessageTypeError when a dependency is not registered
   */
  dependencies(type: string): string[] {
    const root = this.resolve(type);
    const order: string[] = [root];
    const seen = new Set(order);
    for (let i = 0; i < order.length; i++) {
      const definition = this.get(order[i] as string);
      for (const field of definition.fields) {
        if (!field.isComplex || seen.has(field.type)) continue;
        if (!this.#messages.has(field.type)) {
          throw this.#unknown(
            'message',
            field.type,
            this.#messages.keys(),
            `used by field '${field.name}' of ${definition.type}`,
          );
        }
        seen.add(field.type);
        order.push(field.type);
      }
    }
    return order.slice(1);
  }

  /**
   * The full ROS 2 schema text of a message type: its own definition followed by each dependency
   * under a `MSG: pkg/Type` header, separated by a line of 80 `=`, with every type reference fully
   * qualified. This is what MCAP `ros2msg` schemas, rosbag2 and Foxglove expect.
   */
  definitionText(type: string): string {
    const root = this.#entry(type);
    const sections = [root.schemaText.trimEnd() + '\n'];
    for (const dependency of this.dependencies(type)) {
      const entry = this.#messages.get(dependency) as ParsedMessage;
      sections.push(`${SCHEMA_SEPARATOR}\nMSG: ${shortTypeName(dependency)}\n${entry.schemaText.trimEnd()}\n`);
    }
    return sections.join('\n');
  }

  /**
   * Checks that every field type used by `types` (default: all registered types) is registered.
   *
   * @throws MessageDefinitionError at the `file:line:col` of the first unknown field type
   */
  check(types: Iterable<string> = this.#messages.keys()): void {
    const primitives = PRIMITIVE_TYPE_NAMES.filter((p) => p !== 'wstring');
    for (const type of types) {
      const entry = this.#entry(type);
      entry.definition.fields.forEach((field, index) => {
        if (!field.isComplex || this.#messages.has(field.type)) return;
        const suggestions = suggestTypeNames(field.type, [...primitives, ...this.#messages.keys()]);
        const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?` : '';
        throw new MessageDefinitionError(
          `field '${field.name}' of ${entry.definition.type} has unknown type '${field.type}'${hint}`,
          entry.fieldLocations[index],
        );
      });
    }
  }

  #entry(type: string): ParsedMessage {
    return this.#messages.get(this.resolve(type)) as ParsedMessage;
  }

  #findMessage(type: string): string | undefined {
    if (this.#messages.has(type)) return type;
    const parts = parseTypeName(type);
    if (!parts) return undefined;
    const kinds: InterfaceKind[] = parts.kind ? [parts.kind] : ['msg', 'srv', 'action'];
    for (const kind of kinds) {
      const name = canonicalTypeName(parts.pkg, kind, parts.name);
      if (this.#messages.has(name)) return name;
    }
    return undefined;
  }

  #find(type: string, kind: InterfaceKind, table: ReadonlyMap<string, unknown>): string | undefined {
    const parts = parseTypeName(type);
    if (!parts || (parts.kind !== undefined && parts.kind !== kind)) return undefined;
    const name = canonicalTypeName(parts.pkg, kind, parts.name);
    return table.has(name) ? name : undefined;
  }

  #unknown(kind: string, type: string, known: Iterable<string>, context?: string): UnknownMessageTypeError {
    const valid = parseTypeName(type) !== undefined;
    const reason = valid ? context : [context, 'not a valid ROS 2 type name'].filter(Boolean).join('; ');
    return new UnknownMessageTypeError(kind, type, suggestTypeNames(type, known), reason);
  }

  #registerService(canonical: string, pkg: string, name: string, text: string, file: string): string[] {
    const [request, response] = splitSections(text, 2, file) as [
      ReturnType<typeof splitSections>[number],
      ReturnType<typeof splitSections>[number],
    ];
    const parsed = [
      parseMessageDefinition(canonicalTypeName(pkg, 'srv', `${name}_Request`), request.text, {
        file,
        firstLine: request.firstLine,
      }),
      parseMessageDefinition(canonicalTypeName(pkg, 'srv', `${name}_Response`), response.text, {
        file,
        firstLine: response.firstLine,
      }),
    ];
    const service: ServiceDefinition = {
      type: canonical,
      request: parsed[0]?.definition.type ?? '',
      response: parsed[1]?.definition.type ?? '',
      text,
      source: file,
    };
    const added = this.#commit(parsed);
    this.#services.set(canonical, this.#services.get(canonical) ?? service);
    return added;
  }

  #registerAction(canonical: string, pkg: string, name: string, text: string, file: string): string[] {
    const sections = splitSections(text, 3, file);
    const names = ['_Goal', '_Result', '_Feedback'].map((suffix) => canonicalTypeName(pkg, 'action', name + suffix));
    const parsed = sections.map((section, i) =>
      parseMessageDefinition(names[i] as string, section.text, { file, firstLine: section.firstLine }),
    );
    const wrappers = actionWrapperTexts(pkg, name);
    for (const suffix of ACTION_WRAPPER_SUFFIXES) {
      parsed.push(
        parseMessageDefinition(canonicalTypeName(pkg, 'action', name + suffix), wrappers[suffix], {
          file: `${file} (derived ${name}${suffix})`,
          firstLine: 1,
        }),
      );
    }
    const typeOf = (suffix: string): string => canonicalTypeName(pkg, 'action', name + suffix);
    const action: ActionDefinition = {
      type: canonical,
      goal: typeOf('_Goal'),
      result: typeOf('_Result'),
      feedback: typeOf('_Feedback'),
      sendGoalRequest: typeOf('_SendGoal_Request'),
      sendGoalResponse: typeOf('_SendGoal_Response'),
      getResultRequest: typeOf('_GetResult_Request'),
      getResultResponse: typeOf('_GetResult_Response'),
      feedbackMessage: typeOf('_FeedbackMessage'),
      text,
      source: file,
    };
    const added = this.#commit(parsed);
    this.#actions.set(canonical, this.#actions.get(canonical) ?? action);
    return added;
  }

  // All-or-nothing: conflicts are checked for every part before anything is stored.
  #commit(parsed: readonly ParsedMessage[]): string[] {
    for (const entry of parsed) {
      const existing = this.#messages.get(entry.definition.type);
      if (existing && structureKey(existing) !== structureKey(entry)) {
        throw new MessageTypeConflictError(entry.definition.type, existing.definition.source, entry.definition.source);
      }
    }
    for (const entry of parsed) {
      if (!this.#messages.has(entry.definition.type)) this.#messages.set(entry.definition.type, entry);
    }
    return parsed.map((entry) => entry.definition.type);
  }
}

// Two definitions are the same type when their data and constants agree, whatever the comments say.
function structureKey(entry: ParsedMessage): string {
  const { fields, constants } = entry.definition;
  return JSON.stringify({ fields, constants }, (_key, value: unknown) =>
    typeof value === 'bigint' ? `${value}n` : value,
  );
}
