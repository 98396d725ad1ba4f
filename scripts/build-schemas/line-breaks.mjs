/**
 * Puts line breaks back into a one-line description using a related text that has them (the same
 * field in another Kubernetes version, where most paragraphs read the same). The two texts are
 * aligned word by word (longest common subsequence); a whitespace run is replaced only between two
 * aligned neighbouring words, and only when the one-line run is exactly the line-broken run with
 * breaks and tabs turned into spaces. Words are never changed.
 */
const flattenRun = (run) => run.replace(/[\n\t]/g, ' ');

function split(text) {
  const lead = /^\s*/.exec(text)[0];
  const words = [];
  const gaps = [];
  for (const m of text.slice(lead.length).matchAll(/(\S+)(\s*)/g)) {
    words.push(m[1]);
    gaps.push(m[2]);
  }
  return { lead, words, gaps };
}

/** Pairs (i, j) of equal words in a longest common subsequence of a and b. */
function alignWords(a, b) {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const pairs = new Map();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.set(i, j);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

export function transplantLineBreaks(oneLine, lineBroken) {
  if (!oneLine || !lineBroken || !/[\n\t]/.test(lineBroken)) return oneLine;
  const target = split(oneLine);
  const source = split(lineBroken);
  // Long texts are few; cap the table at a size that stays fast.
  if (target.words.length * source.words.length > 4_000_000) return oneLine;
  const pairs = alignWords(source.words, target.words);
  let changed = false;
  for (const [i, j] of pairs) {
    if (pairs.get(i + 1) !== j + 1 || !/[\n\t]/.test(source.gaps[i])) continue;
    if (flattenRun(source.gaps[i]) === target.gaps[j]) {
      target.gaps[j] = source.gaps[i];
      changed = true;
    }
  }
  if (!changed) return oneLine;
  return target.lead + target.words.map((w, k) => w + target.gaps[k]).join('');
}
