/**
 * The oracle for bit-identity tests: Debian's fpcalc 1.5.1 run on the same file, and the tools the
 * tests need to make audio. `missingTools` names what is absent so a skipped suite says why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const runs = (cmd: string, arg: string): boolean =>
  spawnSync(cmd, [arg], { stdio: 'ignore' }).error === undefined;

export const missingTools: string[] = [
  ['fpcalc', '-version'],
  ['ffmpeg', '-version'],
  ['ffprobe', '-version'],
  ['sox', '--version'],
]
  .filter(([cmd, arg]) => !runs(cmd as string, arg as string))
  .map(([cmd]) => cmd as string);

export interface FpcalcJson {
  duration: number;
  fingerprint: string | number[];
}

/** fpcalc's stdout for `args` (accepting 1.5.1's exit code 3 after a complete result). */
export function fpcalcText(args: string[]): string {
  const r = spawnSync('fpcalc', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 3) throw new Error(`fpcalc ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

export function fpcalcJson(file: string, args: string[] = []): FpcalcJson {
  return JSON.parse(fpcalcText(['-json', ...args, file])) as FpcalcJson;
}

/** Runs a command that makes test audio; throws with its stderr when it fails. */
export function make(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
}

/** Renders an ffmpeg lavfi source (`testsrc=...`, `aevalsrc=...`) to `out`, with output options before it. */
export function lavfi(source: string, out: string, options: string[] = []): void {
  make('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, ...options, out]);
}

/** Real music from Debian's planetblupi-music-ogg, when installed. */
export function realMusic(n: number): string[] {
  const dir = '/usr/share/planetblupi/music';
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ogg'))
    .sort()
    .slice(0, n)
    .map((f) => `${dir}/${f}`);
}
