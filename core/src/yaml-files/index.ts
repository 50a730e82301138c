export { parseLocatedYaml, readLocatedYaml } from './located-yaml.js';
export type { DataPath, LocatedYaml } from './located-yaml.js';
export { SchemaFileError, parseWithSchema } from './schema-yaml.js';
export type { PlacedProblem } from './schema-yaml.js';
