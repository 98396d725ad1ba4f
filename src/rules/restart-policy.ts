import { BATCH_KINDS, podSpecOf } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

const KINDS = ['CronJob', 'DaemonSet', 'Deployment', 'Job', 'ReplicaSet', 'ReplicationController', 'StatefulSet'] as const;

export default defineRule<'batchMissing' | 'batchAlways' | 'serviceNotAlways'>({
  id: 'restart-policy',
  description: 'Require restartPolicy OnFailure or Never in Job and CronJob pods, and Always in other workloads',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: KINDS,
  messages: {
    batchMissing: 'a {{kind}} pod template needs restartPolicy OnFailure or Never; left out, it defaults to Always, which a {{kind}} does not accept',
    batchAlways: 'restartPolicy "{{value}}" is not allowed in a {{kind}}: use OnFailure or Never',
    serviceNotAlways: 'restartPolicy "{{value}}" is not allowed in a {{kind}}: its pods must run forever, so only Always is accepted',
  },
  *check(resource) {
    const kind = resource.kind!;
    const spec = podSpecOf(resource);
    if (!spec) return;
    const value = spec.value.restartPolicy;
    const policyPath = [...spec.path, 'restartPolicy'];
    if (BATCH_KINDS.includes(kind)) {
      if (value === undefined || value === null) {
        yield { path: spec.path, on: 'key', messageId: 'batchMissing', data: { kind }, hint: 'a Job runs its pods to completion; OnFailure restarts a failed container in place, Never lets the Job create a new pod' };
      } else if (typeof value === 'string' && value !== 'OnFailure' && value !== 'Never') {
        yield { path: policyPath, on: 'value', messageId: 'batchAlways', data: { kind, value } };
      }
      return;
    }
    if (typeof value === 'string' && value !== 'Always') {
      yield { path: policyPath, on: 'value', messageId: 'serviceNotAlways', data: { kind, value } };
    }
  },
});
