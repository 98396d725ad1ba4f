import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRuleMetas, resourceRules } from '../src/rules/index.js';
import { parseExpectations } from './helpers/expectations.js';

const ROOT = new URL('../', import.meta.url).pathname;
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

describe('rule ids, docs and fixtures stay in step', () => {
  const metas = allRuleMetas();

  it('ids are kebab-case and unique', () => {
    const ids = metas.map((m) => m.id);
    expect(ids.filter((id) => !KEBAB.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('resource rules are listed sorted by id', () => {
    const ids = resourceRules.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('every rule has a description, and messages for its reports', () => {
    for (const rule of resourceRules) {
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
      expect(Object.keys(rule.messages).length, rule.id).toBeGreaterThan(0);
      expect(rule.check ?? rule.crossCheck, rule.id).toBeDefined();
      if (rule.crossCheck) expect(rule.collect, `${rule.id} has crossCheck without collect`).toBeDefined();
    }
  });

  // Ids from every stage: a missing page shows up here by name, whoever owns the id.
  for (const meta of metas) {
    it(`${meta.id} has docs/rules/${meta.id}.md`, () => {
      expect(existsSync(`${ROOT}docs/rules/${meta.id}.md`)).toBe(true);
    });
  }

  for (const rule of resourceRules) {
    it(`${rule.id} has fixtures under fixtures/rules/${rule.id}/`, () => {
      const dir = `${ROOT}fixtures/rules/${rule.id}`;
      expect(existsSync(dir)).toBe(true);
      const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
      // The harness compares exact sets, so an expectation of this rule fails the fixture without it.
      const expected = files.flatMap((f) => parseExpectations(readFileSync(`${dir}/${f}`, 'utf8')).expectations).filter((e) => e.ruleId === rule.id);
      expect(expected.length).toBeGreaterThan(0);
    });
  }
});
