/**
 * Whether the fast parse path and the full one agree on a text: documents, values (with key
 * order), parse findings, and the locator's answers (key and value spans, `has`) for every path
 * of every value plus a few paths that do not exist. Shared by test/fastparse.test.ts (against
 * src/) and scripts/fuzz-fastparse.mjs (against dist/). Returns a description of the first
 * difference, or undefined.
 */
function sameValue(a, b, at) {
  if (Object.is(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = sameValue(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join('\u0000') !== kb.join('\u0000')) return `${at}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
    for (const k of ka) {
      const d = sameValue(a[k], b[k], `${at}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return `${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)} (${typeof a} vs ${typeof b})`;
}

function* pathsOf(value, path = []) {
  yield path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* pathsOf(value[i], [...path, i]);
    yield [...path, value.length];
    yield [...path, 'x'];
  } else if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) yield* pathsOf(value[k], [...path, k]);
    yield [...path, 'no-such-key'];
    yield [...path, 0];
  } else if (path.length > 0) yield [...path, 'below'];
}

/** `fast` reports whether the fast path took the file (so callers can count its share). */
export function compareParsePaths(streamYaml, text, file = 'f.yaml') {
  const full = streamYaml(file, text, { fast: false });
  const fast = streamYaml(file, text);
  const fullDocs = [...full.documents];
  const fastDocs = [...fast.documents];
  const took = Array.isArray(fast.documents);
  const diff = (() => {
    if (fullDocs.length !== fastDocs.length) return `documents: ${fullDocs.length} vs ${fastDocs.length}`;
    const fa = JSON.stringify(full.findings);
    const fb = JSON.stringify(fast.findings);
    if (fa !== fb) return `findings: ${fa} vs ${fb}`;
    if (JSON.stringify(full.configs) !== JSON.stringify(fast.configs)) return 'configs differ';
    for (let i = 0; i < fullDocs.length; i++) {
      const a = fullDocs[i];
      const b = fastDocs[i];
      for (const f of ['index', 'empty', 'broken']) if (a[f] !== b[f]) return `doc ${i + 1} ${f}: ${a[f]} vs ${b[f]}`;
      const d = sameValue(a.value, b.value, `doc ${i + 1}`);
      if (d) return d;
      if (a.value === undefined) continue;
      for (const path of pathsOf(a.value)) {
        if (a.locator.has(path) !== b.locator.has(path)) return `doc ${i + 1} has(${JSON.stringify(path)})`;
        for (const on of ['key', 'value']) {
          const sa = JSON.stringify(a.locator.locate(path, on));
          const sb = JSON.stringify(b.locator.locate(path, on));
          if (sa !== sb) return `doc ${i + 1} locate(${JSON.stringify(path)}, ${on}): ${sa} vs ${sb}`;
        }
      }
    }
    return undefined;
  })();
  return { took, diff, documents: fullDocs.length };
}
