/** Starts servers as child processes and waits for the URL they print. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function start(args, env) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b) => {
      out += b.toString();
      const m = /(http:\/\/\S+)\n/.exec(out);
      if (m) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({
          url: m[1].replace(/\/$/, ''),
          pid: child.pid,
          cpuMs: () => cpuMs(child.pid),
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before listening`)));
  });
}

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from /proc (Linux; null
 * elsewhere). Server CPU per request is steadier than requests per second on a machine shared with other
 * work, and the client sharing the cores.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** `tdmr serve` on an SQLite file, through the real CLI (dist/), with request logging off (level warn). */
export function startService(dbPath, env = {}) {
  return start(['bin/tdmr.js', '--db', `sqlite:${dbPath}`, 'serve', '--port', '0'], {
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/** The bare Fastify baselines; `answersFile` enables `GET /answer/:isrc` (see bare-server.js). */
export function startBare(answersFile) {
  return start(
    [fileURLToPath(new URL('./bare-server.js', import.meta.url))],
    answersFile ? { BARE_ANSWERS: answersFile } : {},
  );
}
