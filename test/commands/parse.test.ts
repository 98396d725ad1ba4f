import { describe, expect, it } from 'vitest';
import { findInvocations } from '../../src/commands/invocations.js';
import { parseKubectl, type KubectlCommand } from '../../src/commands/parse-kubectl.js';
import { lexShell } from '../../src/commands/shell-lexer.js';

function parse(text: string): KubectlCommand {
  const [invocation] = findInvocations(lexShell(text));
  if (!invocation) throw new Error(`no kubectl in ${text}`);
  return parseKubectl(invocation);
}

function flags(command: KubectlCommand): string[] {
  return command.flags.map((flag) => `${flag.name}${flag.spec ? '' : '?'}${flag.value ? `=${flag.value.text}` : ''}`);
}

describe('parseKubectl', () => {
  it('resolves nested subcommands and aliases, with flags before them', () => {
    expect(parse('kubectl create service clusterip web --tcp=80:80').path).toBe('create service clusterip');
    expect(parse('kubectl -n demo create deploy web --image=nginx').path).toBe('create deployment');
    expect(parse('kubectl --dry-run=client create cj t --image=x --schedule=y').path).toBe('create cronjob');
    expect(parse('kubectl top pods').path).toBe('top pod');
    expect(parse('kubectl rollout status deploy/web').path).toBe('rollout status');
  });

  it('leaves a parent with an unknown subcommand-like word unresolved rather than guess', () => {
    // `kubectl apply server -f x` makes kubectl reject "server"; `create svc` is an alias we lack.
    expect(parse('kubectl apply --dry-run server -f x.yaml').spec).toBeUndefined();
    expect(parse('kubectl apply --dry-run server -f x.yaml').path).toBe('apply');
  });

  it('knows commands without a help text of their own, and does not check them', () => {
    const secret = parse('kubectl create secret tls x --cert=a --key=b');
    expect(secret.path).toBe('create secret');
    expect(secret.spec).toBeUndefined();
    expect(parse('kubectl create svc clusterip x').spec).toBeUndefined();
    expect(parse('kubectl krew install neat').spec).toBeUndefined();
  });

  it('reads flag values as pflag does', () => {
    const command = parse('kubectl get -ojson -n=kube-system --selector app=web pods -L tier --chunk-size 0 -w');
    expect(flags(command)).toEqual(['o=json', 'n=kube-system', 'selector=app=web', 'L=tier', 'chunk-size=0', 'w']);
    expect(command.positionals.map((word) => word.value)).toEqual(['pods']);
  });

  it('reads combined boolean shorts and a value at the end of a cluster', () => {
    const command = parse('kubectl exec -itc nginx web-0 -- ls -la');
    expect(flags(command)).toEqual(['i', 't', 'c=nginx']);
    expect(command.positionals.map((word) => word.value)).toEqual(['web-0']);
    expect(command.afterDashDash.map((word) => word.value)).toEqual(['ls', '-la']);
  });

  it('takes optional-value flags only with =', () => {
    const command = parse('kubectl delete pod --dry-run server x --cascade --grace-period 0');
    expect(flags(command)).toEqual(['dry-run', 'cascade', 'grace-period=0']);
    expect(command.positionals.map((word) => word.value)).toEqual(['pod', 'server', 'x']);
    expect(flags(parse('kubectl apply -f x.yaml --validate --server-side'))).toEqual(['f=x.yaml', 'validate', 'server-side']);
  });

  it('does not consume a value for boolean flags', () => {
    const command = parse('kubectl get --show-labels pods --watch false');
    expect(command.positionals.map((word) => word.value)).toEqual(['pods', 'false']);
  });

  it('marks unknown flags, which make the rest of the line a guess', () => {
    const command = parse('kubectl run test --image nginx --restar Never');
    expect(flags(command)).toEqual(['image=nginx', 'restar?']);
    expect(command.uncertain).toBe(true);
    expect(parse('kubectl run test --image nginx --restart Never').uncertain).toBe(false);
  });

  it('points flag spans at the name, quotes included in the word', () => {
    const text = 'kubectl get pods "--sort-by=.metadata.name"';
    const flag = parse(text).flags[0]!;
    expect(text.slice(flag.start, flag.end)).toBe('--sort-by');
    expect(text.slice(flag.value!.start, flag.value!.end)).toBe('.metadata.name"');
  });
});
