import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSources } from '../src/engine/lint.js';
import { resourceRules } from '../src/rules/index.js';

const DOCS = new URL('../docs/rules/', import.meta.url).pathname;

/** The first ```yaml block after a `## <heading>` line, and an optional `<!-- options: {...} -->` before it. */
function exampleBlock(markdown: string, heading: string): { yaml: string; options?: Record<string, unknown> } | undefined {
  const start = markdown.search(new RegExp(`^## ${heading}\\s*$`, 'm'));
  if (start < 0) return undefined;
  const rest = markdown.slice(start);
  const fence = /(?:<!--\s*options:\s*(\{.*\})\s*-->\s*\n)?```yaml\n([\s\S]*?)\n```/.exec(rest);
  if (!fence) return undefined;
  return { yaml: fence[2]! + '\n', ...(fence[1] ? { options: JSON.parse(fence[1]) as Record<string, unknown> } : {}) };
}

function findingsOf(id: string, severity: string, block: { yaml: string; options?: Record<string, unknown> }) {
  const result = lintSources([{ path: `docs/rules/${id}.md`, text: block.yaml, language: 'yaml' }], {
    rules: { [id]: { severity: severity as 'error', ...(block.options ? { options: block.options } : {}) } },
  });
  return result.findings;
}

describe('docs/rules examples', () => {
  for (const rule of resourceRules) {
    const path = `${DOCS}${rule.id}.md`;
    describe(rule.id, () => {
      it('has a page', () => {
        expect(existsSync(path), `${path} is missing`).toBe(true);
      });
      if (!existsSync(path)) return;
      const markdown = readFileSync(path, 'utf8');
      it('opens with its id and description', () => {
        expect(markdown.startsWith(`# ${rule.id}\n`)).toBe(true);
      });
      it('its incorrect example is reported by the rule', () => {
        const block = exampleBlock(markdown, 'Incorrect');
        expect(block, 'no ```yaml block under "## Incorrect"').toBeDefined();
        const findings = findingsOf(rule.id, rule.severity, block!);
        expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
        expect(findings.filter((f) => f.ruleId === rule.id).length).toBeGreaterThan(0);
      });
      it('its correct example is not', () => {
        const block = exampleBlock(markdown, 'Correct');
        expect(block, 'no ```yaml block under "## Correct"').toBeDefined();
        const findings = findingsOf(rule.id, rule.severity, block!);
        expect(findings.filter((f) => f.ruleId === rule.id || f.ruleId === 'internal-error').map((f) => `${f.line}: ${f.message}`)).toEqual([]);
      });
    });
  }
});
