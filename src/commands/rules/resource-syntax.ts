/**
 * kubectl-resource-syntax: resource arguments kubectl cannot read. `kubectl logs deployment
 * httpd` asks for the logs of container "httpd" in a pod named "deployment"; logs, exec, attach,
 * port-forward and debug take `TYPE/NAME`, and exec takes its command only after `--`. A type that is one typo away from a built-in one
 * (`pdos`) is reported with the likely spelling; other unknown types may be custom resources and
 * are left alone, as are group-qualified names (`certificates.cert-manager.io`).
 */
import type { KubectlCommand } from '../parse-kubectl.js';
import { resourceNames, resourceType } from '../resources.js';
import type { Word } from '../shell-lexer.js';
import { closest } from '../suggest.js';
import type { CommandReport, CommandRule } from './command-rule.js';

const ID = 'kubectl-resource-syntax';

/** Commands whose first argument is `TYPE[,TYPE...] [NAME...]` or a list of `TYPE/NAME`. */
const TYPE_COMMANDS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'autoscale', 'expose', 'rollout status', 'rollout undo', 'set image', 'explain', 'wait']);
/** Commands that take one `POD` or `TYPE/NAME`. */
const POD_COMMANDS = new Set(['logs', 'exec', 'attach', 'port-forward', 'debug']);

function isPlaceholder(text: string): boolean {
  return text === '' || text.includes('<') || /[*?[{$]/.test(text);
}

/** A near miss of a built-in type: one edit away (two for long names), never a short word. */
function nearMiss(type: string): string | undefined {
  const lower = type.toLowerCase();
  if (lower.length < 4 || lower.includes('.') || resourceType(lower) || lower === 'all') return undefined;
  return closest(lower, resourceNames(), lower.length >= 8 ? 2 : 1);
}

function typeReport(word: Word, from: number, type: string): CommandReport | undefined {
  const suggestion = nearMiss(type);
  if (!suggestion) return undefined;
  const start = word.offsets[from] ?? word.start;
  const end = (word.offsets[from + type.length - 1] ?? word.end - 1) + 1;
  return { ruleId: ID, severity: 'error', message: `unknown resource type "${type}"`, start, end, hint: `did you mean "${suggestion}"?` };
}

/** Checks each `TYPE` in `pods,svc`, `deploy/web` or, for explain, `Service.spec.ports`. */
function* checkTypes(word: Word, explain: boolean): Iterable<CommandReport> {
  if (word.dynamicAt >= 0 || isPlaceholder(word.value)) return;
  const slash = word.value.indexOf('/');
  const types = slash >= 0 ? word.value.slice(0, slash) : explain ? word.value.split('.')[0]! : word.value;
  let from = 0;
  for (const type of types.split(',')) {
    const found = typeReport(word, from, type);
    if (found) yield found;
    from += type.length + 1;
  }
}

function usesFiles(command: KubectlCommand): boolean {
  return command.flags.some((flag) => ['filename', 'kustomize'].includes(flag.spec?.name ?? ''));
}

function* check(command: KubectlCommand): Iterable<CommandReport> {
  if (!command.spec || command.uncertain || usesFiles(command)) return;
  const [first, second] = command.positionals;
  if (!first) return;
  if (TYPE_COMMANDS.has(command.path)) {
    const slashForm = first.value.includes('/');
    for (const word of slashForm ? command.positionals.filter((w) => w.value.includes('/')) : [first]) {
      yield* checkTypes(word, command.path === 'explain');
    }
    return;
  }
  if (!POD_COMMANDS.has(command.path)) return;
  if (first.value.includes('/')) {
    yield* checkTypes(first, false);
  } else if (second && first.dynamicAt < 0 && second.dynamicAt < 0 && resourceType(first.value)) {
    const verb = command.path;
    yield {
      ruleId: ID,
      severity: 'error',
      message: `\`kubectl ${verb}\` takes TYPE/NAME, not TYPE NAME: "${first.value} ${second.value}" reads as a pod named "${first.value}"`,
      start: first.start,
      end: second.end,
      hint: `write ${first.value}/${second.value}`,
    };
  } else if (second && command.path === 'exec') {
    // kubectl 1.32: "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead".
    const last = command.positionals.at(-1)!;
    yield {
      ruleId: ID,
      severity: 'error',
      message: '`kubectl exec POD COMMAND` is no longer supported: the command goes after `--`',
      start: second.start,
      end: last.end,
      hint: `write -- before ${second.raw}`,
    };
  }
}

export const resourceSyntax: CommandRule = {
  id: ID,
  severity: 'error',
  description: 'Report resource arguments kubectl cannot read: `TYPE NAME` where `TYPE/NAME` is needed, and misspelt built-in types',
  check,
};
