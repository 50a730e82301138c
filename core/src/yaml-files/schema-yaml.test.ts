import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserInputError } from '../errors/omni-error.js';
import { parseLocatedYaml } from './located-yaml.js';
import { parseWithSchema, SchemaFileError } from './schema-yaml.js';

const schema = z.strictObject({
  name: z.string(),
  mass: z.number().positive(),
  shapes: z
    .array(
      z.discriminatedUnion('shape', [
        z.strictObject({ shape: z.literal('box'), size: z.tuple([z.number(), z.number()]) }),
        z.strictObject({ shape: z.literal('circle'), radius: z.number().positive() }),
      ]),
    )
    .default([]),
});

const load = (text: string) =>
  parseWithSchema(parseLocatedYaml(text, 'w.yaml', 'OMNI_ERR_TEST_YAML'), schema, 'OMNI_ERR_TEST_SCHEMA');

describe('schema-validated YAML files', () => {
  it('returns typed data when the file fits', () => {
    expect(load('name: box\nmass: 2\nshapes:\n  - {shape: circle, radius: 1}\n')).toEqual({
      name: 'box',
      mass: 2,
      shapes: [{ shape: 'circle', radius: 1 }],
    });
  });

  it('places a wrong value at its line and column', () => {
    expect(() => load('name: box\nmass: -3\n')).toThrow(/^w\.yaml:2:7: mass: Too small: expected number to be >0$/);
  });

  it('places an unknown key at the key, with a did-you-mean from the keys accepted there', () => {
    expect(() => load('name: box\nmass: 1\nshapes:\n  - shape: circle\n    radius: 1\n    radus: 2\n')).toThrow(
      /^w\.yaml:6:5: shapes\[0\]: unknown key 'radus'; did you mean 'radius'\? \(expected one of: radius, shape, size\)$/,
    );
  });

  it('says a value of the wrong type is of the wrong type, not missing', () => {
    expect(() => load('name: box\nmass: heavy\n')).toThrow(/^w\.yaml:2:7: mass: expected number, received string$/);
  });

  it('says a required key is missing, at the enclosing mapping', () => {
    expect(() => load('mass: 1\n')).toThrow(/^w\.yaml:1:1: name: required; expected string/);
  });

  it('lists several problems in file order', () => {
    try {
      load('mass: 0\nname: 3\nshapez: []\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SchemaFileError);
      expect((error as SchemaFileError).code).toBe('OMNI_ERR_TEST_SCHEMA');
      expect((error as Error).message).toMatch(
        /^w\.yaml:1:7: 3 problems:\n {2}w\.yaml:1:7: mass.*\n {2}w\.yaml:2:7: name.*\n {2}w\.yaml:3:1: unknown key 'shapez'; did you mean 'shapes'/,
      );
    }
  });

  it('reports malformed YAML where it is', () => {
    expect(() => load('name: [box\nmass: 1\n')).toThrow(expect.objectContaining({ code: 'OMNI_ERR_TEST_YAML' }));
  });

  it('never throws anything but a UserInputError on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        try {
          load(text);
        } catch (error) {
          expect(error).toBeInstanceOf(UserInputError);
        }
      }),
    );
  });
});
