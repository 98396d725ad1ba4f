import { describe, expect, it } from 'vitest';
import { runExplain } from '../src/explain/index.js';
import type { SchemaNode } from '../src/explain/model.js';
import { explainApiFrom } from '../src/explain/source.js';
import { resource, tinySource } from './explain-support/tiny-source.js';

const definitions: Record<string, SchemaNode> = {
  'test.example.v1.Gadget': {
    type: 'object',
    description: 'Gadget is a test kind.',
    required: ['spec'],
    properties: {
      apiVersion: { type: 'string', description: 'APIVersion of the object.' },
      spec: { $ref: 'test.example.v1.GadgetSpec', description: 'Spec of the gadget.' },
      notes: { type: 'array', items: { type: 'string' } },
      sizes: { type: 'object', additionalProperties: { $ref: 'test.Quantity' } },
    },
    'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Gadget' }],
  } as SchemaNode,
  'test.example.v1.GadgetSpec': {
    type: 'object',
    description: 'GadgetSpec holds the settings.',
    required: ['mode'],
    properties: {
      mode: { type: 'string', description: 'How it runs.', enum: ['Always', 'Never', 'OnFailure', 'Sometimes', 'Rarely'] },
      port: { $ref: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', description: 'Port number or name.' },
      child: { $ref: 'test.example.v1.GadgetSpec', description: 'A nested spec.' },
      level: { type: 'integer', enum: [1, 2] },
    },
  },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string', description: 'IntOrString holds an int or a string.' },
  'test.Quantity': { type: 'string', description: 'A quantity.' },
};

const api = explainApiFrom(
  tinySource([resource({ group: 'example.com', version: 'v1', kind: 'Gadget', plural: 'gadgets', shortNames: ['gd'], definition: 'test.example.v1.Gadget' })], definitions),
);
const explain = (target: string, extra: { recursive?: boolean; output?: 'plaintext-openapiv2'; color?: boolean } = {}) =>
  runExplain({ target, ...extra }, api);

const HEADER = 'GROUP:      example.com\nKIND:       Gadget\nVERSION:    v1\n\n';

describe('plaintext layout', () => {
  it('lists fields sorted, with types, required marks and <no description>', () => {
    expect(explain('gadgets').stdout).toBe(
      HEADER +
        'DESCRIPTION:\n    Gadget is a test kind.\n    \nFIELDS:\n' +
        '  apiVersion\t<string>\n    APIVersion of the object.\n\n' +
        '  notes\t<[]string>\n    <no description>\n\n' +
        '  sizes\t<map[string]string>\n    <no description>\n\n' +
        '  spec\t<GadgetSpec> -required-\n    Spec of the gadget.\n\n\n',
    );
  });

  it('shows a field with its own and its type\'s description, enums on the field lines', () => {
    expect(explain('gd.spec').stdout).toBe(
      HEADER +
        'FIELD: spec <GadgetSpec>\n\n\nDESCRIPTION:\n    Spec of the gadget.\n    GadgetSpec holds the settings.\n    \nFIELDS:\n' +
        '  child\t<GadgetSpec>\n    A nested spec.\n\n' +
        '  level\t<integer>\n  enum: 1, 2\n    <no description>\n\n' +
        '  mode\t<string> -required-\n  enum: Always, Never, OnFailure, Sometimes, ....\n    How it runs.\n\n' +
        '  port\t<IntOrString>\n    Port number or name.\n\n\n',
    );
  });

  it('lists all enum values below a FIELD line', () => {
    expect(explain('gd.spec.mode').stdout).toBe(
      HEADER + 'FIELD: mode <string>\nENUM:\n    Always\n    Never\n    OnFailure\n    Sometimes\n    Rarely\n\nDESCRIPTION:\n    How it runs.\n    \n\n',
    );
  });

  it('stops recursion at a type already being expanded', () => {
    expect(explain('gd.spec', { recursive: true }).stdout).toContain(
      'FIELDS:\n  child\t<GadgetSpec>\n  level\t<integer>\n  enum: 1, 2\n  mode\t<string> -required-\n',
    );
  });

  it('prints <empty> for a schema without any description', () => {
    expect(explain('gd.notes').stdout).toBe(HEADER + 'FIELD: notes <[]string>\n\n\nDESCRIPTION:\n    <empty>\n\n');
  });

  it('colours field names and types only when asked', () => {
    const coloured = explain('gd.spec', { color: true }).stdout;
    expect(coloured).toContain('\u001b[1mmode\u001b[22m\t<\u001b[36mstring\u001b[39m>');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(explain('gd.spec').stdout);
  });
});

describe('errors and hints', () => {
  it('prints the header, kubectl\'s error naming the last segment, then a hint', () => {
    expect(explain('gd.spec.mdoe')).toEqual({
      stdout: HEADER,
      stderr: 'error: field "mdoe" does not exist\nhint: did you mean "gd.spec.mode"?\n',
      exitCode: 1,
    });
    expect(explain('gd.spek.mode').stderr).toBe('error: field "mode" does not exist\nhint: did you mean "gd.spec"?\n');
    expect(explain('gd.spec.mode.x').stderr).toBe(
      'error: field "x" does not exist\nhint: "gd.spec.mode" is of type string and has no fields\n',
    );
  });

  it('suggests a field one level further down when a level was skipped', () => {
    expect(explain('gd.mode').stderr).toBe('error: field "mode" does not exist\nhint: did you mean "gd.spec.mode"?\n');
  });

  it('suggests a resource name', () => {
    expect(explain('gadget.spec').exitCode).toBe(0);
    expect(explain('gadgest')).toEqual({
      stdout: '',
      stderr: 'the server doesn\'t have a resource type "gadgest"\nhint: did you mean "gadgets"?\n',
      exitCode: 1,
    });
  });

  it('treats missing targets, unknown formats and unknown versions as usage errors', () => {
    expect(explain('').exitCode).toBe(2);
    expect(runExplain({ target: 'gd', output: 'yaml' as never }, api).exitCode).toBe(2);
    expect(runExplain({ target: 'pods', kubernetesVersion: '1.2' }).exitCode).toBe(2);
  });

  it('rejects an api-version with more than one slash', () => {
    expect(runExplain({ target: 'gd', apiVersion: 'a/b/c' }, api).stderr).toBe('error: unexpected GroupVersion string: a/b/c\n');
  });
});

describe('plaintext-openapiv2 layout', () => {
  it('shows the legacy header, collected descriptions and indented fields', () => {
    expect(explain('gd.spec', { output: 'plaintext-openapiv2' }).stdout).toBe(
      'KIND:     Gadget\nVERSION:  example.com/v1\n\nRESOURCE: spec <Object>\n\n' +
        'DESCRIPTION:\n     Spec of the gadget.\n\n     GadgetSpec holds the settings.\n\nFIELDS:\n' +
        '   child\t<Object>\n     A nested spec.\n\n' +
        '   level\t<integer>\n\n' +
        '   mode\t<string> -required-\n     How it runs.\n\n' +
        '   port\t<string>\n     Port number or name.\n\n',
    );
  });

  it('stops at a primitive even when the path goes on, as the legacy lookup does', () => {
    expect(explain('gd.spec.mode.x', { output: 'plaintext-openapiv2' }).stdout).toBe(
      'KIND:     Gadget\nVERSION:  example.com/v1\n\nFIELD:    x <string>\n\nDESCRIPTION:\n     How it runs.\n',
    );
  });
});
