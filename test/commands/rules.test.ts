import { describe, expect, it } from 'vitest';
import { commandRules, lintCommandText } from '../../src/commands/index.js';

/** Lints one shell line and returns `rule severity "flagged text" hint` per finding. */
function lint(line: string, options = {}): string[] {
  return lintCommandText('x.sh', line, 'shell', options).map(
    (finding) => `${finding.ruleId} ${finding.severity} "${line.slice(finding.column - 1, finding.endColumn - 1)}"${finding.hint ? ` ${finding.hint}` : ''}`,
  );
}

function ruleIds(line: string): string[] {
  return lintCommandText('x.sh', line, 'shell').map((finding) => finding.ruleId);
}

describe('kubectl-run-generator', () => {
  it('suggests the create command that matches the old generator', () => {
    expect(lint('kubectl run web --image=nginx:1.27 --generator=deployment/apps.v1 -- nginx -g "daemon off;"')).toEqual([
      'kubectl-run-generator error "--generator=deployment/apps.v1" use `kubectl create deployment web --image nginx:1.27 -- nginx -g "daemon off;"`',
    ]);
    expect(lint('kubectl run pi --image perl --generator job/v1')[0]).toContain('use `kubectl create job pi --image perl`');
    expect(lint('kubectl run t --image=busybox --generator=cronjob/v1beta1')[0]).toContain('kubectl create cronjob t --image busybox --schedule "*/5 * * * *"');
  });

  it('says to drop run-pod/v1 and generators of other commands', () => {
    expect(lint('kubectl run x --image=y --generator=run-pod/v1')[0]).toContain('drop the flag: `kubectl run` only creates a Pod');
    expect(lint('kubectl expose deploy web --port 80 --generator=service/v2')[0]).toMatch(/drop the flag$/);
  });
});

describe('kubectl-run-pod-only', () => {
  it('turns --schedule into kubectl create cronjob with the same name, image and schedule', () => {
    expect(lint('kubectl run test --image nginx --schedule "*/1 * * * *" --dry-run=client -o yaml')).toEqual([
      'kubectl-run-pod-only error "--schedule "*/1 * * * *"" use `kubectl create cronjob test --image nginx --schedule "*/1 * * * *"`',
    ]);
  });

  it('turns --replicas into kubectl create deployment', () => {
    expect(lint('kubectl run web --image=nginx --replicas=3')).toEqual([
      'kubectl-run-pod-only error "--replicas=3" use `kubectl create deployment web --image nginx --replicas 3`',
    ]);
  });

  it('warns about --restart OnFailure, never about Never or Always', () => {
    expect(lint('kubectl run test --image nginx --restart OnFailure')).toEqual([
      'kubectl-run-pod-only warning "--restart OnFailure" for a Job use `kubectl create job test --image nginx`',
    ]);
    expect(lint('kubectl run test --image nginx --restart Never')).toEqual([]);
    expect(lint('kubectl run test --image nginx --restart=Always')).toEqual([]);
    expect(lint('kubectl create deployment test --image nginx --replicas 3')).toEqual([]);
  });

  it('reports only the CronJob when --schedule and --restart OnFailure come together', () => {
    expect(ruleIds('kubectl run t --image=b --restart=OnFailure --schedule="0 * * * *"')).toEqual(['kubectl-run-pod-only']);
    expect(ruleIds('kubectl run t --image=b --restart=OnFailure --generator=job/v1')).toEqual(['kubectl-run-generator']);
  });
});

describe('kubectl-dry-run-value', () => {
  it.each([
    ['kubectl create deployment x --image y --dry-run -o yaml', 'kubectl-dry-run-value warning "--dry-run" write --dry-run=client (or --dry-run=server)'],
    ['kubectl create deployment x --image y --dry-run=true', 'kubectl-dry-run-value warning "--dry-run=true" write --dry-run=client (or --dry-run=server)'],
    ['kubectl apply -f x --dry-run=false', 'kubectl-dry-run-value warning "--dry-run=false" write --dry-run=none (or drop the flag)'],
    ['kubectl apply -f x --dry-run server', 'kubectl-dry-run-value error "--dry-run server" write --dry-run=server'],
    ['kubectl apply -f x --dry-run=serverside', 'kubectl-dry-run-value error "serverside"'],
    ['kubectl apply -f x --server-dry-run', 'kubectl-dry-run-value error "--server-dry-run" write --dry-run=server'],
  ])('%s', (line, expected) => {
    expect(lint(line)).toEqual([expected]);
  });

  it('accepts client, server, none and expansions', () => {
    for (const value of ['client', 'server', 'none', '"$MODE"', '${{ inputs.mode }}']) {
      expect(lint(`kubectl apply -f x --dry-run=${value}`)).toEqual([]);
    }
  });

  it('leaves --dry-run on a command without it to kubectl-unknown-flag', () => {
    expect(ruleIds('kubectl get pods --dry-run')).toEqual(['kubectl-unknown-flag']);
  });
});

describe('kubectl-unknown-flag', () => {
  it('suggests the closest flag of the subcommand', () => {
    expect(lint('kubectl run test --image nginx --restar Never')).toEqual(['kubectl-unknown-flag error "--restar" did you mean --restart?']);
    expect(lint('kubectl get pods --all-namespace')).toEqual(['kubectl-unknown-flag error "--all-namespace" did you mean --all-namespaces?']);
    expect(lint('kubectl get pods -z')).toEqual(['kubectl-unknown-flag error "-z"']);
  });

  it('knows removed flags and what replaced them', () => {
    expect(lint('kubectl drain n --delete-local-data')[0]).toContain('use --delete-emptydir-data');
    expect(lint('kubectl get deploy web --export -o yaml')[0]).toContain('--export was removed in 1.18');
  });

  it('accepts global options everywhere and hidden deprecated flags where kubectl does', () => {
    expect(lint('kubectl logs web --kubeconfig ~/.kube/c --as admin -v 6 --request-timeout=5s')).toEqual([]);
    expect(lint('kubectl scale deploy/web --replicas 2 --record')).toEqual([]);
    expect(ruleIds('kubectl create deployment web --image=x --record')).toEqual(['kubectl-unknown-flag']);
  });

  it('never checks the container command after --', () => {
    expect(lint('kubectl exec -it web -- ls --bogus -z')).toEqual([]);
    expect(lint('kubectl run x --image=y --command -- sh --restar')).toEqual([]);
  });

  it('does not check flags of commands the table does not cover', () => {
    expect(lint('kubectl create secret tls x --cert=a --key=b --whatever')).toEqual([]);
    expect(lint('kubectl neat --whatever')).toEqual([]);
  });
});

describe('kubectl-resource-syntax', () => {
  it('wants TYPE/NAME for logs, exec and friends', () => {
    expect(lint('kubectl logs deployment httpd --follow --tail 1')).toEqual([
      'kubectl-resource-syntax error "deployment httpd" write deployment/httpd',
    ]);
    expect(ruleIds('kubectl exec deploy web -- ls')).toEqual(['kubectl-resource-syntax']);
    expect(lint('kubectl logs web-0 nginx')).toEqual([]);
    // Without `--`, kubectl reads `-la` as its own flags and stops there.
    expect(lint('kubectl exec -it web-0 ls -la')).toEqual([`kubectl-unknown-flag error "-l"`]);
    expect(lint('kubectl exec web-0 ls /tmp')).toEqual(['kubectl-resource-syntax error "ls /tmp" write -- before ls']);
    expect(lint('kubectl logs deploy/httpd')).toEqual([]);
  });

  it('suggests a built-in type for a near miss only', () => {
    expect(lint('kubectl get pdos')).toEqual(['kubectl-resource-syntax error "pdos" did you mean "pods"?']);
    expect(lint('kubectl get svc,deploymnet')).toEqual(['kubectl-resource-syntax error "deploymnet" did you mean "deployment"?']);
    expect(lint('kubectl describe sevice/web')).toEqual(['kubectl-resource-syntax error "sevice" did you mean "service"?']);
    expect(lint('kubectl explain Deploymnet.spec')).toEqual(['kubectl-resource-syntax error "Deploymnet" did you mean "deployment"?']);
  });

  it('leaves custom resources, placeholders, short words and files alone', () => {
    for (const line of [
      'kubectl get certificates.cert-manager.io',
      'kubectl get certificates issuers',
      'kubectl get routes -A',
      'kubectl get vs',
      'kubectl get <type>',
      'kubectl describe nodes <NODE_NAME>',
      'kubectl get all',
      'kubectl get Pods,SVC',
      'kubectl get -f pdos.yaml',
      'kubectl get "$KIND"',
    ]) {
      expect(lint(line), line).toEqual([]);
    }
  });
});

describe('options', () => {
  it('turns rules off and overrides severities', () => {
    const line = 'kubectl run x --image=y --restar Never --dry-run';
    expect(lint(line, { rules: { 'kubectl-unknown-flag': 'off' } })).toEqual([
      'kubectl-dry-run-value warning "--dry-run" write --dry-run=client (or --dry-run=server)',
    ]);
    expect(lint(line, { rules: { 'kubectl-dry-run-value': 'error' } }).map((text) => text.split(' ').slice(0, 2).join(' '))).toEqual([
      'kubectl-unknown-flag error',
      'kubectl-dry-run-value error',
    ]);
  });
});

describe('commandRules', () => {
  it('lists every rule with its docs page, sorted by id', () => {
    const ids = commandRules.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(['kubectl-dry-run-value', 'kubectl-resource-syntax', 'kubectl-run-generator', 'kubectl-run-pod-only', 'kubectl-unknown-flag']);
    for (const rule of commandRules) expect(rule.docs).toBe(`docs/rules/${rule.id}.md`);
  });
});
