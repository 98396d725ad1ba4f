/**
 * Runs the built CLI in this process and reports its peak memory: the exit code and the peak
 * resident set size (kB) are written as JSON to the file named by HOSTILE_REPORT, so that the
 * CLI's own stdout and stderr stay exactly as a user would see them.
 */
import { writeFileSync } from 'node:fs';
import { main } from '../dist/cli/main.js';

const code = await main(process.argv.slice(2));
process.exitCode = code;
if (process.env.HOSTILE_REPORT) {
  writeFileSync(process.env.HOSTILE_REPORT, JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }));
}
