export { applyFixes, type AppliedFixes } from './apply.js';
export { unifiedDiff } from './diff.js';
export { fixPaths, fixSources, MAX_PASSES, type FixFilter, type FixSettings, type FixRun, type FixedFile } from './run.js';
