import { pathToFileURL } from 'node:url';
import { docsUrl, type RuleMeta } from '../rules/define-rule.js';
import type { Finding, LintResult, Severity } from '../types.js';
import { rootRelative, type ReportContext } from './context.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/k8s-lint/k8s-lint';
/** The base id that every artifact URI is relative to; GitHub code scanning resolves it to the checkout. */
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Ids without a rule entry of their own (a crashed check, or an id from a stage not registered). */
const FALLBACK_DESCRIPTIONS: Record<string, string> = {
  'internal-error': 'A check failed on this input; the other findings are still reported',
};

function ruleDescriptor(id: string, meta: RuleMeta | undefined) {
  const description = meta?.description ?? FALLBACK_DESCRIPTIONS[id] ?? id;
  return {
    id,
    shortDescription: { text: description },
    helpUri: docsUrl(id),
    defaultConfiguration: { level: LEVEL[meta?.severity ?? 'error'] },
    ...(meta ? { properties: { category: meta.category, recommended: meta.recommended } } : {}),
  };
}

/** Repository-relative URI (percent-encoded per segment), or an absolute file URI when outside it. */
function artifactLocation(file: string, ctx: ReportContext): { uri: string; uriBaseId?: string } {
  const rel = rootRelative(file, ctx);
  if (rel !== undefined) return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  if (file.startsWith('<')) return { uri: encodeURIComponent(file) };
  return { uri: pathToFileURL(file.startsWith('/') ? file : `${ctx.cwd}/${file}`).href };
}

function result(f: Finding, ruleIndex: number, ctx: ReportContext) {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.hint ? `${f.message}\nhint: ${f.hint}` : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(f.file, ctx),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
        ...(f.pointer ? { logicalLocations: [{ fullyQualifiedName: f.pointer, kind: 'member' }] } : {}),
      },
    ],
    ...(f.fix ? { fixes: [fixOf(f, ctx)] } : {}),
    ...(f.resource?.kind
      ? { properties: { resource: { ...f.resource } } }
      : {}),
  };
}

/** A finding's fix as SARIF's `fix`: replacements by character offset (UTF-16 code units, the run's column kind). */
function fixOf(f: Finding, ctx: ReportContext) {
  const edits = [...f.fix!.edits].sort((a, b) => a.start - b.start);
  return {
    description: { text: `k8s-lint --fix: ${f.message}` },
    artifactChanges: [
      {
        artifactLocation: artifactLocation(f.file, ctx),
        replacements: edits.map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } })),
      },
    ],
  };
}

/**
 * SARIF 2.1.0 for code-scanning services: one run, the rules that produced findings (with their
 * description, docs link and default level), and one result per finding with its exact region.
 * Columns are 1-based with an exclusive end, which is what SARIF specifies too.
 */
export function formatSarif(lint: LintResult, ctx: ReportContext): string {
  const metas = new Map(ctx.rules.map((r) => [r.id, r] as const));
  const ids = [...new Set(lint.findings.map((f) => f.ruleId))].sort();
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const crashed = lint.findings.some((f) => f.ruleId === 'internal-error');
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'k8s-lint',
            version: ctx.toolVersion,
            semanticVersion: ctx.toolVersion,
            informationUri: INFORMATION_URI,
            rules: ids.map((id) => ruleDescriptor(id, metas.get(id))),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.root.endsWith('/') ? ctx.root : `${ctx.root}/`).href } },
        invocations: [
          {
            executionSuccessful: !crashed,
            toolExecutionNotifications: lint.summary.notices.map((text) => ({ level: 'note', message: { text } })),
          },
        ],
        results: lint.findings.map((f) => result(f, index.get(f.ruleId)!, ctx)),
        // Columns come from JavaScript string offsets.
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
