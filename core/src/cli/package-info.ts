import { readFileSync } from 'node:fs';

interface CorePackageJson {
  readonly version: string;
  readonly engines?: { readonly node?: string };
}

let cached: CorePackageJson | undefined;

/** The `@omnimind/core` package.json (same relative place from `src/cli` and `dist/cli`). */
export function corePackageJson(): CorePackageJson {
  cached ??= JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as CorePackageJson;
  return cached;
}

/** Version of `@omnimind/core`, printed by `omnimind --version`. */
export function coreVersion(): string {
  return corePackageJson().version;
}
