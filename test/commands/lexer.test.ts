import { describe, expect, it } from 'vitest';
import { findInvocations } from '../../src/commands/invocations.js';
import { lexShell, type Word } from '../../src/commands/shell-lexer.js';

function words(text: string): Word[] {
  return lexShell(text).tokens.filter((token): token is Word => token.kind === 'word');
}

function invocationArgs(text: string): string[][] {
  return findInvocations(lexShell(text)).map((invocation) => invocation.args.map((word) => word.value));
}

describe('lexShell', () => {
  it('removes quotes and keeps each character at its source offset', () => {
    const text = `kubectl run x --schedule "*/1 * * * *" --env='A=b c' --label=a\\ b`;
    const [, , , , schedule, env, label] = words(text);
    expect(schedule!.value).toBe('*/1 * * * *');
    expect(schedule!.raw).toBe('"*/1 * * * *"');
    expect(text[schedule!.offsets[0]!]).toBe('*');
    expect(env!.value).toBe('--env=A=b c');
    expect(text.slice(env!.start, env!.end)).toBe(`--env='A=b c'`);
    expect(label!.value).toBe('--label=a b');
    expect(text[label!.offsets[9]!]).toBe(' ');
  });

  it('joins backslash-newline continuations, also with CRLF line ends', () => {
    const text = 'kubectl get \\\r\n  pods \\\n  -o wi\\\nde\n';
    expect(words(text).map((word) => word.value)).toEqual(['kubectl', 'get', 'pods', '-o', 'wide']);
    const wide = words(text).at(-1)!;
    expect(text.slice(wide.start, wide.end)).toBe('wi\\\nde');
  });

  it('handles escapes inside double quotes and keeps expansions as dynamic text', () => {
    const [word] = words('"a\\"b $NS \\$x"');
    expect(word!.value).toBe('a"b $NS $x');
    expect(word!.dynamicAt).toBe(4);
    expect(words("'$NS'")[0]!.dynamicAt).toBe(-1);
  });

  it('skips comments but not a # inside a word', () => {
    expect(words('kubectl get pods # --bogus\nkubectl get a#b').map((word) => word.value)).toEqual(['kubectl', 'get', 'pods', 'kubectl', 'get', 'a#b']);
  });

  it('reads <placeholders> as words and other < > as redirections', () => {
    expect(invocationArgs('kubectl describe pod/<pod-name> <NODE_NAME> > out.txt 2>&1 < in.yaml')).toEqual([['describe', 'pod/<pod-name>', '<NODE_NAME>']]);
  });

  it('never reads a here-document body as commands', () => {
    const text = [
      'cat <<EOF | kubectl apply -f -',
      'kubectl run x --generator=run-pod/v1',
      'EOF',
      "cat <<-'END'",
      '\tkubectl get pdos',
      '\tEND',
      'kubectl get nodes',
    ].join('\n');
    expect(invocationArgs(text)).toEqual([['apply', '-f', '-'], ['get', 'nodes']]);
  });

  it('finds kubectl inside $(...), backquotes and process substitution', () => {
    const text = 'pod=$(kubectl get pods -o name | head -1); n=`kubectl get ns -o name`; diff <(kubectl get cm a) x';
    expect(invocationArgs(text)).toEqual([
      ['get', 'pods', '-o', 'name'],
      ['get', 'ns', '-o', 'name'],
      ['get', 'cm', 'a'],
    ]);
  });

  it('reads ${{ ... }} templates and ${VAR:-x} as one dynamic word', () => {
    const [, , flag] = words('kubectl apply --namespace=${{ vars.NS }} -f x');
    expect(flag!.value).toBe('--namespace=${{ vars.NS }}');
    expect(flag!.dynamicAt).toBe(12);
  });

  it('folds single newlines in YAML folded scalars, but not blank lines', () => {
    const text = 'kubectl run a\n--image=b\n\nkubectl get pods';
    const tokens = lexShell(text, 0, text.length, { foldNewlines: true });
    expect(findInvocations(tokens).map((invocation) => invocation.args.map((word) => word.value))).toEqual([['run', 'a', '--image=b'], ['get', 'pods']]);
  });
});

describe('findInvocations', () => {
  it('finds kubectl after pipes, lists, env assignments, sudo, env, time and keywords', () => {
    const text = [
      'cat x | kubectl apply -f -',
      'true && kubectl get a || kubectl get b; kubectl get c &',
      'KUBECONFIG=/k NS=x kubectl get d',
      'sudo -E -u root kubectl get e',
      'time env -i KUBECONFIG=/k /usr/local/bin/kubectl get f',
      'if kubectl get g; then kubectl get h; fi',
    ].join('\n');
    expect(invocationArgs(text).map((args) => args.at(-1))).toEqual(['-', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('ignores kubectl as an argument, in quotes, as an alias or a plugin name', () => {
    const text = ['echo kubectl run x', 'echo "kubectl run x"', 'k run x', 'kubectl-neat get', 'which kubectl', '$KUBECTL get pods'].join('\n');
    expect(invocationArgs(text)).toEqual([]);
  });
});
