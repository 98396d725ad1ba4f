import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runApiResources, runExplain } from '../src/explain/index.js';
import type { JsonValue } from '../src/types.js';

const CRD = JSON.parse(readFileSync(new URL('../fixtures/explain/crontab-crd.json', import.meta.url), 'utf8')) as JsonValue;
const explain = (target: string, extra: { apiVersion?: string; recursive?: boolean } = {}) =>
  runExplain({ target, kubernetesVersion: '1.36', crds: [CRD], ...extra });

describe('custom resources', () => {
  it('explains a kind from its openAPIV3Schema, with the standard object fields the API server adds', () => {
    const { stdout, exitCode } = explain('crontabs');
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^GROUP: {6}stable\.example\.com\nKIND: {7}CronTab\nVERSION: {4}v1\n\nDESCRIPTION:\n {4}CronTab runs an image on a schedule\.\n {4}\nFIELDS:\n/);
    expect(stdout).toContain('  apiVersion\t<string>\n    APIVersion defines the versioned schema of this representation of an object.');
    expect(stdout).toContain('  metadata\t<ObjectMeta>\n    Standard object\'s metadata. More info:\n');
    expect(stdout).toContain('  spec\t<Object>\n    What to run and when.\n\n  status\t<Object>\n    <no description>\n\n');
  });

  it('resolves the singular, the short name and plural.group, and lists fields with enums and required marks', () => {
    const bySingular = explain('CronTab.spec');
    expect(explain('ct.spec').stdout).toBe(bySingular.stdout);
    expect(explain('crontabs.stable.example.com.spec').stdout).toBe(bySingular.stdout);
    expect(bySingular.stdout).toContain('FIELD: spec <Object>\n\n\nDESCRIPTION:\n    What to run and when.\n    \nFIELDS:\n');
    expect(bySingular.stdout).toContain('  cronSpec\t<string> -required-\n    Schedule in cron format.\n');
    expect(bySingular.stdout).toContain('  env\t<[]Object>\n    <no description>\n');
    expect(bySingular.stdout).toContain('  labels\t<map[string]string>\n');
    expect(bySingular.stdout).toContain('  policy\t<string>\n  enum: Allow, Forbid, Replace\n    What to do with overlapping runs.\n');
  });

  it('walks into arrays of objects and picks other versions with --api-version', () => {
    expect(explain('ct.spec.env', { recursive: true }).stdout).toContain('FIELDS:\n  name\t<string>\n  value\t<string>\n');
    const older = explain('ct.spec', { apiVersion: 'stable.example.com/v1beta1' });
    expect(older.stdout).toContain('VERSION:    v1beta1\n');
    expect(older.stdout).toContain('DESCRIPTION:\n    <empty>\n');
  });

  it('explains that --api-version takes the resource without its group', () => {
    expect(explain('crontabs.stable.example.com.spec', { apiVersion: 'stable.example.com/v1' }).stderr).toBe(
      'error: field "spec" does not exist\nhint: with --api-version, name the resource without its group: "crontabs.spec"\n',
    );
  });

  it('accepts CRDs inside a List', () => {
    const fromList = runExplain({ target: 'ct.spec', kubernetesVersion: '1.36', crds: [{ kind: 'List', items: [CRD] }] });
    expect(fromList.stdout).toBe(explain('ct.spec').stdout);
    expect(fromList.exitCode).toBe(0);
  });

  it('lists the custom resource in api-resources', () => {
    const { stdout } = runApiResources({ kubernetesVersion: '1.36', crds: [CRD], apiGroup: 'stable.example.com', output: 'wide' });
    expect(stdout).toBe(
      'NAME       SHORTNAMES   APIVERSION              NAMESPACED   KIND      VERBS                                                          CATEGORIES\n' +
        'crontabs   ct           stable.example.com/v1   true         CronTab   [create delete deletecollection get list patch update watch]   [all]\n',
    );
  });
});
