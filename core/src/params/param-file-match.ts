import type { LocatedParam, ParamFile, ParamFileEntry } from './param-file-types.js';

const SPECIFICITY: Readonly<Record<ParamFileEntry['kind'], number>> = { any: 0, wildcard: 1, base: 2, fqn: 3 };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function segmentRegExp(segment: string): string {
  if (segment === '**') return '(?:/[^/]+)*';
  return `/${segment.split('*').map(escapeRegExp).join('[^/]*')}`;
}

/**
 * True when a parameter-file entry applies to the node `nodeFullyQualifiedName` (`/ns/node`).
 * Patterns follow rcl: `*` matches within one name segment, `**` matches any number of whole
 * segments (so `/**` matches every node and `/robot/**` every node under `/robot`). A pattern
 * without a leading `/` is matched against the node's base name, in any namespace.
 */
export function entryMatchesNode(
  entry: Pick<ParamFileEntry, 'pattern' | 'kind'>,
  nodeFullyQualifiedName: string,
): boolean {
  const fqn = nodeFullyQualifiedName.startsWith('/') ? nodeFullyQualifiedName : `/${nodeFullyQualifiedName}`;
  switch (entry.kind) {
    case 'any':
      return true;
    case 'fqn':
      return entry.pattern === fqn;
    case 'base':
      return entry.pattern === fqn.slice(fqn.lastIndexOf('/') + 1);
    case 'wildcard': {
      const relative = !entry.pattern.startsWith('/');
      const subject = relative ? fqn.slice(fqn.lastIndexOf('/')) : fqn;
      const segments = (relative ? entry.pattern : entry.pattern.slice(1)).split('/');
      return new RegExp(`^${segments.map(segmentRegExp).join('')}$`).test(subject);
    }
  }
}

/**
 * The parameters that `files` give the node `nodeFullyQualifiedName`, by dotted name.
 *
 * Precedence, lowest first: files in the order given (a later file overrides an earlier one);
 * within one file, `/**` entries, then other wildcard patterns, then bare base names, then fully
 * qualified names; entries of the same kind in file order. A later entry replaces a parameter
 * set by an earlier one; the returned map keeps the location of the value that won.
 */
export function paramsForNode(files: readonly ParamFile[], nodeFullyQualifiedName: string): Map<string, LocatedParam> {
  const out = new Map<string, LocatedParam>();
  for (const file of files) {
    const matching = file.entries
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entryMatchesNode(entry, nodeFullyQualifiedName))
      .sort((a, b) => SPECIFICITY[a.entry.kind] - SPECIFICITY[b.entry.kind] || a.index - b.index);
    for (const { entry } of matching) {
      for (const [name, param] of entry.params) out.set(name, param);
    }
  }
  return out;
}
