import type { MessageDefinition } from '../message-definition.js';
import type { MessageRegistry } from '../message-registry.js';
import { GENERATED_BANNER, renderDoc, renderPackageFile } from './render-package.js';

/**
 * Renders every generated TypeScript file for the types in `registry`: one `<pkg>.ts` per ROS
 * package, `type-maps.ts` with the name-to-interface maps and an `index.ts` barrel.
 *
 * @returns file name → content, in file name order
 */
export function renderMessageTypeFiles(registry: MessageRegistry): Map<string, string> {
  const byPackage = new Map<string, MessageDefinition[]>();
  for (const type of registry.list()) {
    const definition = registry.get(type);
    const list = byPackage.get(definition.package) ?? [];
    list.push(definition);
    byPackage.set(definition.package, list);
  }
  const packages = [...byPackage.keys()].sort();
  const files = new Map<string, string>();
  for (const pkg of packages) files.set(`${pkg}.ts`, renderPackageFile(pkg, byPackage.get(pkg) ?? []));
  files.set('type-maps.ts', renderTypeMaps(registry, packages));
  files.set('index.ts', renderIndex(packages));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function tsRef(type: string): string {
  const [pkg, , name] = type.split('/');
  return `${pkg}.${name}`;
}

function renderTypeMaps(registry: MessageRegistry, packages: readonly string[]): string {
  let out = `${GENERATED_BANNER}\n\n`;
  out += packages.map((p) => `import type * as ${p} from './${p}.js';\n`).join('');
  out +=
    '\n' +
    renderDoc([
      'Every built-in message type name (`pkg/msg/Type`, plus the parts of services and actions) and its interface.',
    ]);
  out += 'export interface GeneratedMessageTypeMap {\n';
  for (const type of registry.list()) out += `  '${type}': ${tsRef(type)};\n`;
  out += '}\n\n';
  out += renderDoc(['Every built-in service type name (`pkg/srv/Name`) and its request and response interfaces.']);
  out += 'export interface GeneratedServiceTypeMap {\n';
  for (const type of registry.listServices()) {
    const s = registry.service(type);
    out += `  '${type}': { request: ${tsRef(s.request)}; response: ${tsRef(s.response)} };\n`;
  }
  out += '}\n\n';
  out += renderDoc([
    'Every built-in action type name (`pkg/action/Name`) and its goal, feedback and result interfaces.',
  ]);
  out += 'export interface GeneratedActionTypeMap {\n';
  for (const type of registry.listActions()) {
    const a = registry.action(type);
    out += `  '${type}': { goal: ${tsRef(a.goal)}; feedback: ${tsRef(a.feedback)}; result: ${tsRef(a.result)} };\n`;
  }
  out += '}\n';
  return out;
}

function renderIndex(packages: readonly string[]): string {
  let out = `${GENERATED_BANNER}\n\n`;
  out += packages.map((p) => `export * as ${p} from './${p}.js';\n`).join('');
  out +=
    "export type { GeneratedActionTypeMap, GeneratedMessageTypeMap, GeneratedServiceTypeMap } from './type-maps.js';\n";
  return out;
}
