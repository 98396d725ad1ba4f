/**
 * Manifest-like YAML texts for checking that the fast parse path and the full one agree: nested
 * mappings and sequences written in the styles real manifests use, scalars of every form the
 * YAML 1.1 schema types differently, and comments and blank lines at any place and indentation.
 * Some texts also get pieces the fast path must hand to the full parser (anchors, tags, tabs).
 */
import fc from 'fast-check';

const WORDS = ['a', 'b', 'name', 'app', 'spec', 'x-y', 'k8s.io/name', 'data', 'a b', 'http://h:80/p', 'é', 'key#1'];
const TYPED = ['yes', 'No', 'on', 'OFF', 'y', 'n', 'true', 'False', '~', 'null', 'NULL', '0755', '-0755', '08', '0', '-0', '+1', '12', '1_000',
  '0x1F', '0b101', '1e3', '1.5', '-1.50', '.5', '1.', '.', '.inf', '-.Inf', '.nan', '1:20', '2020-08-04', '2020-08-04T10:08:01Z', '+', '-', '1e', '0o17',
  '123456789012345678901', '3.14e-2', '12:30:45', 'True', 'TRUE', 'Yes', '<<', '__proto__', 'constructor', '=', '500m', '1Gi', 'v1.2.3'];
const QUOTABLE = ['', ' ', 'a: b', '# not', "it's", 'say "hi"', '\\', 'tab\there', 'line\nbreak', '{{ .Values.x }}', '*x', '&a', '- x', 'é ü', '"', "'"];

const word = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...TYPED));
const scalarText = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...TYPED), fc.constantFrom(...QUOTABLE), fc.string({ maxLength: 6 }));

const scalar = fc.record({
  text: scalarText,
  style: fc.constantFrom('plain', 'plain', 'plain', 'single', 'double', 'literal', 'folded', 'multi', 'msingle', 'mdouble', 'flow', 'mflow', 'mflow', 'emptyflow', 'empty'),
  shift: fc.constantFrom(0, 0, 1, 2, -2),
  chomp: fc.constantFrom('', '-', '+', '', '-', '2', '2-', '1', '+3'),
  lines: fc.array(fc.oneof(fc.constantFrom('', 'echo hi', '  more', 'x: y', '# c', 'end', ' ', '    ', '- item', '`code`'), scalarText), { minLength: 1, maxLength: 4 }),
});

const { node } = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { arbitrary: scalar, weight: 3 }, { arbitrary: tie('map'), weight: 2 }, { arbitrary: tie('seq'), weight: 1 }),
  map: fc.record({ kind: fc.constant('map'), entries: fc.array(fc.tuple(fc.oneof(word, fc.constantFrom('"q k"', "'s k'")), tie('node')), { minLength: 1, maxLength: 4 }) }),
  seq: fc.record({ kind: fc.constant('seq'), items: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
}));

function quoteDouble(s) {
  return JSON.stringify(s);
}

/** A scalar on the line of its key or dash (text after `key: `), plus the lines that follow it. */
function renderScalar(s, indent) {
  const pad = ' '.repeat(Math.max(0, indent + 2 + s.shift));
  switch (s.style) {
    case 'single':
      return { head: `'${s.text.replace(/'/g, "''")}'`, rest: [] };
    case 'double':
      return { head: quoteDouble(s.text), rest: [] };
    case 'literal':
    case 'folded':
      return { head: (s.style === 'literal' ? '|' : '>') + s.chomp, rest: s.lines.map((l) => (l === '' ? '' : pad + l)) };
    case 'msingle':
    case 'mdouble': {
      const q = s.style === 'msingle' ? "'" : '"';
      const esc = (l) => (q === "'" ? l.replace(/'/g, "''") : l.replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
      const rest = s.lines.map((l) => (l === '' ? '' : pad + esc(l)));
      rest[rest.length - 1] += q;
      return { head: q + esc(s.text.split('\n')[0]), rest };
    }
    case 'multi':
      return { head: s.text === '' ? 'x' : s.text, rest: s.lines.map((l) => (l === '' ? '' : pad + l)) };
    case 'flow':
      return { head: `[${s.lines.join(', ')}]`, rest: [] };
    case 'mflow': {
      // A flow sequence over several lines: items on lines of their own, a trailing comma or
      // not, the closing bracket at the key's indentation, under it, or after the last item.
      const items = s.lines.map((l, i) => (i % 2 === 0 ? l : quoteDouble(l)));
      const comma = s.chomp.includes('-') || s.chomp.includes('+');
      const close = ' '.repeat(Math.max(0, indent + (s.shift < 0 ? 0 : s.shift)));
      const rest = items.map((l, i) => `${pad}${l}${i < items.length - 1 || comma ? ',' : ''}`);
      if (s.chomp.includes('2')) rest[rest.length - 1] += ']';
      else rest.push(`${close}]`);
      return { head: s.chomp === '1' ? `[${items.shift() ?? ''},` : '[', rest: s.chomp === '1' ? rest.slice(1) : rest };
    }
    case 'emptyflow':
      return { head: s.chomp.length % 2 === 0 ? '{}' : '[]', rest: [] };
    case 'empty':
      return { head: '', rest: [] };
    default:
      return { head: s.text, rest: [] };
  }
}

function render(n, indent, style, out) {
  if (n.kind === 'map') {
    for (const [k, v] of n.entries) emit(`${' '.repeat(indent)}${k}:`, v, indent, style, out, true);
  } else if (n.kind === 'seq') {
    for (const item of n.items) emit(`${' '.repeat(indent)}-`, item, indent, style, out, false);
  }
}

function emit(prefix, v, indent, style, out, inMap) {
  if (v.kind === 'map' || v.kind === 'seq') {
    if (!inMap && v.kind === 'map' && style.compact) {
      // `- key: value` with the rest of the mapping under it.
      const lines = [];
      render(v, indent + 2, style, lines);
      out.push(`${prefix} ${lines[0].slice(indent + 2)}`, ...lines.slice(1));
      return;
    }
    out.push(prefix);
    const child = v.kind === 'seq' && inMap && style.indentless ? indent : indent + style.step;
    render(v, child, style, out);
    return;
  }
  const { head, rest } = renderScalar(v, indent);
  out.push(head === '' ? prefix : `${prefix} ${head}`, ...rest);
}

const extra = fc.record({
  at: fc.nat(),
  what: fc.constantFrom('blank', 'comment', 'comment', 'trailing-comment', 'marker', 'anchor', 'tab', 'spaces', 'odd-marker'),
  indent: fc.nat({ max: 8 }),
});

export const manifestText = fc
  .record({
    docs: fc.array(fc.oneof(fc.constant(null), node), { minLength: 1, maxLength: 3 }),
    style: fc.record({ step: fc.constantFrom(2, 2, 4, 1, 3), indentless: fc.boolean(), compact: fc.boolean() }),
    extras: fc.array(extra, { maxLength: 6 }),
    leadingMarker: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ docs, style, extras, leadingMarker, finalNewline }) => {
    const lines = [];
    docs.forEach((doc, i) => {
      if (i > 0 || leadingMarker) lines.push('---');
      if (doc === null) return;
      if (doc.kind === 'map' || doc.kind === 'seq') render(doc, 0, style, lines);
      else lines.push(`k: ${renderScalar(doc, 0).head}`);
    });
    for (const e of extras) {
      const at = lines.length === 0 ? 0 : e.at % (lines.length + 1);
      const pad = ' '.repeat(e.indent);
      if (e.what === 'blank') lines.splice(at, 0, '');
      else if (e.what === 'comment') lines.splice(at, 0, `${pad}# note`);
      else if (e.what === 'marker') lines.splice(at, 0, '---');
      else if (e.what === 'odd-marker') lines.splice(at, 0, ['--- # c', '---  ', '...', '--- a', '%YAML 1.1', '----', '---#'][e.indent % 7]);
      else if (e.what === 'spaces') lines.splice(at, 0, pad);
      else if (at < lines.length) {
        if (e.what === 'trailing-comment') lines[at] += ' # t';
        else if (e.what === 'anchor') lines[at] = lines[at].replace(/: /, ': &a ');
        else if (e.what === 'tab') lines[at] = `\t${lines[at]}`;
      }
    }
    return lines.join('\n') + (finalNewline ? '\n' : '');
  });

const edit = fc.record({
  at: fc.nat(),
  what: fc.constantFrom('blank', 'comment', 'spaces', 'trailing-comment', 'indent', 'dedent', 'delete', 'marker'),
  indent: fc.nat({ max: 10 }),
});

/** Real manifests (the fuzzer's seeds) with lines added, removed or moved sideways. */
export function mutatedManifest(seeds) {
  return fc.record({ seed: fc.nat(), edits: fc.array(edit, { maxLength: 4 }) }).map(({ seed, edits }) => {
    const lines = seeds[seed % seeds.length].text.split('\n');
    for (const e of edits) {
      const at = e.at % (lines.length + 1);
      const pad = ' '.repeat(e.indent);
      if (e.what === 'blank') lines.splice(at, 0, '');
      else if (e.what === 'comment') lines.splice(at, 0, `${pad}# note`);
      else if (e.what === 'spaces') lines.splice(at, 0, pad);
      else if (e.what === 'marker') lines.splice(at, 0, '---');
      else if (at < lines.length) {
        if (e.what === 'trailing-comment') lines[at] += ' # t';
        else if (e.what === 'indent') lines[at] = pad + lines[at];
        else if (e.what === 'dedent') lines[at] = lines[at].replace(/^ {1,2}/, '');
        else lines.splice(at, 1);
      }
    }
    return lines.join('\n');
  });
}
