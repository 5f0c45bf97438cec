// CPU time of a child process tree, measured soundly: bash's `time` keyword reports the user + system
// time of the command from the rusage that wait4() returns for it, which includes every descendant the
// command itself waited for (ffmpeg children of a node process, for instance). Node exposes no
// RUSAGE_CHILDREN, and sampling /proc races the exit, so this is the simple exact way.
import { spawnSync } from 'node:child_process';

const quote = (s) => `'${String(s).replaceAll("'", "'\\''")}'`;

/** Runs `cmd args` (stdout captured, stderr dropped) and returns { cpu (s), wall (s), status, stdout }. */
export function timedRun(cmd, args, { maxBuffer = 256 << 20 } = {}) {
  const line = [cmd, ...args].map(quote).join(' ');
  const script = `TIMEFORMAT='%3U %3S %3R'; { time ${line} 2>/dev/null ; } 2>&3`;
  const r = spawnSync('bash', ['-c', `exec 3>&2; ${script}`], {
    encoding: 'utf8',
    maxBuffer,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const m = /(\d+\.\d+) (\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`no timing from bash for ${line}: ${r.stderr}`);
  return { cpu: Number(m[1]) + Number(m[2]), wall: Number(m[3]), status: r.status, stdout: r.stdout };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
