#!/usr/bin/env node
import { run } from '../dist/cli/main.js';

// A reader that stops early (`tdmr ... | head`) closes the pipe; the next write then fails with EPIPE.
// Stop quietly with the exit code so far, as command-line tools do, instead of dying on an unhandled error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

process.exitCode = await run(process.argv.slice(2));
