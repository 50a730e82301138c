import { describe, expect, it } from 'vitest';
import type { SourceLocation } from '../errors/omni-error.js';
import { parseParamFileText } from '../params/param-file.js';
import { resolveNodeParams } from './node-params.js';

const at: SourceLocation = { file: 'main.launch.yaml', line: 1, col: 1 };
const file = parseParamFileText(
  '/**: { ros__parameters: { a: 1, b: 1 } }\n/ns/n: { ros__parameters: { b: 2, c: 2 } }\n/other: { ros__parameters: { d: 9 } }\n',
  '/cfg/p.yaml',
);

describe('resolveNodeParams', () => {
  it('applies files and inline values in declaration order, later winning', () => {
    const merged = resolveNodeParams({
      fullyQualifiedName: '/ns/n',
      params: [
        { name: 'a', value: 'inline-first', location: at, order: 0 },
        { name: 'c', value: 'inline-last', location: at, order: 2 },
      ],
      paramFiles: [{ path: file.path, location: at, order: 1, contents: file }],
    });
    expect(Object.fromEntries([...merged].map(([k, v]) => [k, [v.value, v.kind]]))).toEqual({
      a: [1, 'file'],
      b: [2, 'file'],
      c: ['inline-last', 'launch'],
    });
    expect(merged.get('b')?.location).toMatchObject({ line: 2 });
  });

  it('gives nothing from a file block that does not match the node', () => {
    const merged = resolveNodeParams({
      fullyQualifiedName: '/elsewhere/n',
      params: [],
      paramFiles: [{ path: file.path, location: at, order: 0, contents: file }],
    });
    expect([...merged.keys()]).toEqual(['a', 'b']);
  });
});
