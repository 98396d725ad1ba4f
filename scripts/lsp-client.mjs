// A small Language Server Protocol client for `k8s-lint lsp`: spawns the server as an editor
// does, speaks JSON-RPC over its standard input and output, and records what it publishes.
// Used by test/lsp-server.test.ts, scripts/bench-lsp.mjs and scripts/soak-lsp.mjs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'k8s-lint.js');

export const uriOf = (path) => pathToFileURL(path).href;

/** Resident set size of a process in bytes (Linux /proc), or undefined where there is none. */
export function rssOf(pid) {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the server with `root` as the one workspace folder. `diagnostics` holds the last
 * publication per URI; `waitForDiagnostics` resolves with the first publication for a URI (at a
 * given document version, if asked) that arrives after the call or is already there.
 */
export async function startClient({ root, initializationOptions = {}, cwd = root } = {}) {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = new Map();
  const messages = [];
  let waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    diagnostics.set(params.uri, params);
    const still = [];
    for (const w of waiters) (w.matches(params) ? w.resolve(params) : still.push(w));
    waiters = still;
  });
  connection.onNotification('window/showMessage', (params) => messages.push(params));
  connection.onNotification('window/logMessage', (params) => messages.push(params));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.listen();
  const rootUri = root ? uriOf(root) : null;
  const initialized = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: root ? [{ uri: rootUri, name: 'root' }] : null,
    capabilities: {
      textDocument: {
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: false } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
      workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
    },
    initializationOptions,
  });
  await connection.sendNotification('initialized', {});

  return {
    child,
    connection,
    initialized,
    diagnostics,
    messages,
    stderr: () => stderr,
    open(uri, text, languageId = 'yaml', version = 1) {
      return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, version, contentChanges) {
      return connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    },
    closeDocument(uri) {
      return connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    filesChanged(changes) {
      return connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    },
    waitForDiagnostics(uri, { version, timeout = 20_000 } = {}) {
      const matches = (p) => p.uri === uri && (version === undefined || p.version === version);
      const have = diagnostics.get(uri);
      if (have && version !== undefined && matches(have)) return Promise.resolve(have);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}${version !== undefined ? ` version ${version}` : ''} within ${timeout} ms\n${stderr}`)), timeout);
        waiters.push({ matches, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    hover(uri, line, character) {
      return connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    },
    completion(uri, line, character) {
      return connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    },
    codeActions(uri, range, diagnosticsInRange = []) {
      return connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: diagnosticsInRange } });
    },
    async stop() {
      if (child.exitCode === null) {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
      }
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
      if (code === 'timeout') child.kill();
      connection.dispose();
      return code;
    },
  };
}

/**
 * A manifest of at least `lines` lines: Deployments and Services as applications are written,
 * each Service selecting its Deployment's pods, every `nodePort` in range.
 */
export function manifestOfLines(lines) {
  const parts = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const doc = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels:
    app: app-${i}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.${i}.0
          ports:
            - containerPort: 8080
              name: http
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /ready
              port: http
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  type: NodePort
  selector:
    app: app-${i}
  ports:
    - port: 80
      targetPort: http
      nodePort: ${30100 + i}
---
`;
    parts.push(doc);
    count += doc.split('\n').length - 1;
  }
  return parts.join('');
}
