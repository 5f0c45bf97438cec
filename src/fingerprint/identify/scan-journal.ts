/**
 * Resumable scans: outcomes are appended to the JSONL output, and each finished path is then appended
 * to a journal beside it (`OUT.journal`). Both writes are synchronous appends, so a process killed at
 * any point leaves at most one outcome line the journal does not list (or a cut-off line); reopening
 * drops those lines and the journal's paths are skipped. The journal's first line records what was
 * scanned, so a different target is refused instead of mixed in.
 */
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { FingerprintError } from './errors.js';
import type { ScanOutcome } from './scan-verdict.js';

interface Header {
  scan: 1;
  target: string;
}

export class ScanJournal {
  private constructor(
    readonly out: string,
    readonly journal: string,
    readonly done: ReadonlySet<string>,
  ) {}

  /** Opens (or starts) the journal of a scan of `target` writing to `out`; `restart` forgets earlier progress. */
  static open(out: string, target: string, options: { restart?: boolean } = {}): ScanJournal {
    const journal = `${out}.journal`;
    if (options.restart === true) {
      rmSync(journal, { force: true });
      rmSync(out, { force: true });
    }
    if (!existsSync(journal)) {
      writeFileSync(out, '');
      writeFileSync(journal, `${JSON.stringify({ scan: 1, target } satisfies Header)}\n`);
      return new ScanJournal(out, journal, new Set());
    }
    const [head, ...lines] = readFileSync(journal, 'utf8').split('\n');
    let header: Header;
    try {
      header = JSON.parse(head ?? '') as Header;
    } catch {
      throw new FingerprintError(
        'FINGERPRINT_BAD_STATE',
        `${journal} line 1 is not a scan journal header; remove it or pass --restart`,
        { details: { file: journal, line: 1 } },
      );
    }
    if (header.target !== target) {
      throw new FingerprintError(
        'FINGERPRINT_BAD_STATE',
        `${journal} belongs to a scan of ${header.target}, not ${target}; pass --restart to start over`,
        { details: { file: journal, line: 1 } },
      );
    }
    const done = new Set(lines.filter((l) => l !== ''));
    // Keep exactly the outcomes the journal confirms, once each.
    const kept: string[] = [];
    const seen = new Set<string>();
    const text = existsSync(out) ? readFileSync(out, 'utf8') : '';
    for (const l of text.split('\n')) {
      if (l === '') continue;
      let path: string;
      try {
        path = (JSON.parse(l) as ScanOutcome).path;
      } catch {
        continue; // a line cut off by the interruption
      }
      if (done.has(path) && !seen.has(path)) {
        seen.add(path);
        kept.push(l);
      }
    }
    writeFileSync(out, kept.map((l) => `${l}\n`).join(''));
    // A path the journal lists without a kept outcome is done again.
    const confirmed = new Set([...done].filter((p) => seen.has(p)));
    return new ScanJournal(out, journal, confirmed);
  }

  record(o: ScanOutcome): void {
    appendFileSync(this.out, `${JSON.stringify(o)}\n`);
    appendFileSync(this.journal, `${o.path}\n`);
  }

  /** Every outcome of the scan so far, in the order written. */
  outcomes(): ScanOutcome[] {
    return readFileSync(this.out, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as ScanOutcome);
  }
}
