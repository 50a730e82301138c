import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ParamStore, ParamValidationError, type ParamLayer } from './param-store.js';
import type { ParamValueSource } from './params.js';

const schema = z.object({
  rate_hz: z.number().positive().default(1).describe('Rate'),
  label: z.string().default('x'),
  frame: z.string().readonly().default('base_link'),
  controller: z
    .object({ max_speed: z.number().max(2).default(0.5), mode: z.enum(['pp', 'dwa']).default('pp') })
    .prefault({}),
});

const layer = (kind: ParamValueSource['kind'], values: Record<string, unknown>, line = 3): ParamLayer =>
  new Map(
    Object.entries(values).map(([name, value]) => [
      name,
      { kind, value, location: { file: `${kind}.yaml`, line, col: 5 } } satisfies ParamValueSource,
    ]),
  );

describe('ParamStore', () => {
  it('applies defaults, then files, then launch, then CLI (highest wins)', () => {
    const { store } = ParamStore.create({
      node: '/n',
      schema,
      layers: [
        layer('file', { rate_hz: 2, label: 'file', 'controller.max_speed': 1 }),
        layer('launch', { rate_hz: 3, label: 'launch' }),
        layer('cli', { rate_hz: 4 }),
      ],
    });
    expect(store.values).toEqual({
      rate_hz: 4,
      label: 'launch',
      frame: 'base_link',
      controller: { max_speed: 1, mode: 'pp' },
    });
    const entries = Object.fromEntries(store.entries().map((e) => [e.name, e]));
    expect(entries['rate_hz']?.source).toBe('cli:cli.yaml:3:5');
    expect(entries['controller.max_speed']?.source).toBe('file:file.yaml:3:5');
    expect(entries['controller.mode']?.source).toBe('default');
    expect(entries['rate_hz']?.type).toBe('number');
    expect(entries['rate_hz']?.description).toBe('Rate');
    expect(entries['frame']?.readOnly).toBe(true);
  });

  it('rejects a value of the wrong type with the file:line:col it came from', () => {
    const create = () =>
      ParamStore.create({ node: '/robot/n', schema, layers: [layer('launch', { rate_hz: 'fast' }, 12)] });
    expect(create).toThrow(ParamValidationError);
    try {
      create();
    } catch (error) {
      const e = error as ParamValidationError;
      expect(e.code).toBe('OMNI_ERR_PARAM_INVALID');
      expect(e.message).toMatch(/^launch\.yaml:12:5: /);
      expect(e.message).toContain("parameter 'rate_hz' of node '/robot/n'");
      expect(e.message).toMatch(/expected number/);
    }
  });

  it('lists every bad value with its own location when several are wrong', () => {
    const create = () =>
      ParamStore.create({
        node: '/n',
        schema,
        layers: [layer('file', { rate_hz: -1 }, 4), layer('launch', { label: 7 }, 9)],
      });
    expect(create).toThrow(
      /^file\.yaml:4:5: 2 invalid parameters:\n {2}file\.yaml:4:5: parameter 'rate_hz'.*\(file\)\n {2}launch\.yaml:9:5: parameter 'label'.*\(launch\)$/,
    );
  });

  it('rejects unknown launch/CLI parameters with a did-you-mean, but ignores unknown param-file entries', () => {
    expect(() => ParamStore.create({ node: '/n', schema, layers: [layer('cli', { rate_hx: 2 })] })).toThrow(
      /no parameter 'rate_hx'.*did you mean 'rate_hz'/,
    );
    const { store, ignored } = ParamStore.create({
      node: '/n',
      schema,
      layers: [layer('file', { other_node_param: 2 })],
    });
    expect(ignored).toEqual(['other_node_param']);
    expect(store.get('other_node_param')).toBeUndefined();
  });

  it('sets at run time through the schema and the validator, emitting accepted changes only', async () => {
    const { store } = ParamStore.create<z.infer<typeof schema>>({ node: '/n', schema, layers: [] });
    const seen: unknown[] = [];
    store.changes.subscribe((c) => seen.push(c));
    store.setValidator((change) =>
      change.name === 'label' && change.newValue === 'forbidden'
        ? { successful: false, reason: 'label forbidden by plugin' }
        : { successful: true, reason: '' },
    );

    expect(await store.set('rate_hz', 5)).toEqual({ successful: true, reason: '' });
    expect(store.values.rate_hz).toBe(5);
    expect((await store.set('rate_hz', -1)).reason).toMatch(/rate_hz/);
    expect(store.values.rate_hz).toBe(5);
    expect(await store.set('label', 'forbidden')).toEqual({ successful: false, reason: 'label forbidden by plugin' });
    expect((await store.set('frame', 'map')).reason).toMatch(/read-only/);
    expect((await store.set('controller.max_speed', 3)).successful).toBe(false);
    expect((await store.set('controller.max_speed', 1.5)).successful).toBe(true);
    expect(store.values.controller.max_speed).toBe(1.5);
    expect((await store.set('rat_hz', 1)).reason).toMatch(/did you mean 'rate_hz'/);

    expect(seen).toEqual([
      { name: 'rate_hz', oldValue: 1, newValue: 5 },
      { name: 'controller.max_speed', oldValue: 0.5, newValue: 1.5 },
    ]);
    expect(store.entries().find((e) => e.name === 'rate_hz')?.source).toBe('runtime');
  });

  it('a plugin without a schema accepts no parameters', () => {
    expect(() => ParamStore.create({ node: '/n', schema: undefined, layers: [layer('launch', { x: 1 })] })).toThrow(
      /declares no parameters/,
    );
  });
});
