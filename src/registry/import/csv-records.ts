/**
 * Incremental CSV parsing with csv-parse's streaming parser: feed byte chunks, get records with the line
 * each starts on. No file I/O here; `file-source.ts` reads the bytes.
 *
 * csv-parse knows, per record, the byte offset where it ends but not the line it starts on (its own line
 * counter counts a CRLF inside a quoted field twice), so lines are counted here from the bytes: the
 * newlines before the record's last byte, minus those inside its fields.
 */
import { once } from 'node:events';
import { Parser, type CsvError } from 'csv-parse';

export interface CsvRecordHandler {
  record(fields: string[], line: number): void;
  /** A record csv-parse could not read (bad quoting); parsing goes on after it where it can. */
  bad(line: number, reason: string): void;
}

const NL = 0x0a;

function newlinesIn(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) {
    if (f.indexOf('\n') === -1) continue;
    for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/**
 * csv-parse's Parser hands each record to `push()` synchronously while it parses a chunk. Taking records
 * there (instead of an `on_record` callback) avoids the context object csv-parse builds per record for
 * callbacks, which costs about 5 µs a record; `info.bytes` is then the offset where the record ends.
 */
class RecordParser extends Parser {
  constructor(
    private readonly deliver: (fields: string[], endOffset: number) => void,
    options: ConstructorParameters<typeof Parser>[0],
  ) {
    super(options);
  }

  override push(record: unknown): boolean {
    if (record === null) return super.push(null);
    this.deliver(record as string[], this.info.bytes);
    return true;
  }
}

export class CsvRecords {
  private readonly parser: RecordParser;
  /** Offset of the next chunk in the whole input. */
  private offset = 0;
  /**
   * Offsets of the newlines not yet passed by a record, oldest first (from `head`). csv-parse may hand a
   * record over only during a later chunk (it holds a chunk's last bytes to see how a delimiter ends), so
   * newlines are queued as chunks arrive and consumed as records end.
   */
  private pending: number[] = [];
  private head = 0;
  private newlines = 0;
  private lastLine = 0;
  private failure: Error | null = null;

  constructor(private readonly handler: CsvRecordHandler) {
    // A handler's exception stops the parse and is rethrown by write(): thrown inside csv-parse, it would
    // become an asynchronous stream error.
    const take = (fields: string[], endOffset: number) => {
      if (this.failure !== null) return;
      try {
        this.handler.record(fields, this.startLine(endOffset, fields));
      } catch (e) {
        this.failure = e as Error;
      }
    };
    this.parser = new RecordParser(take, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      // Both line ends, also mixed in one file (csv-parse would otherwise take the first one it sees).
      record_delimiter: ['\r\n', '\n'],
      on_skip: (err: CsvError | undefined) => {
        if (this.failure !== null) return;
        try {
          this.handler.bad(this.lastLine + 1, err === undefined ? 'unreadable CSV record' : csvMessage(err));
        } catch (e) {
          this.failure = e as Error;
        }
      },
    });
    this.parser.on('error', (e: Error) => (this.failure ??= e));
  }

  private startLine(endOffset: number, fields: readonly string[]): number {
    const target = endOffset - 1; // the record's own delimiter is not before it
    const q = this.pending;
    while (this.head < q.length && (q[this.head] as number) < target) {
      this.head++;
      this.newlines++;
    }
    if (this.head > 4096 && this.head * 2 > q.length) {
      this.pending = q.slice(this.head);
      this.head = 0;
    }
    this.lastLine = this.newlines + 1;
    return this.newlines + 1 - newlinesIn(fields);
  }

  /** Parses one chunk; the records it completes are handed over before this returns. */
  write(chunk: Buffer): void {
    for (let i = chunk.indexOf(NL); i !== -1; i = chunk.indexOf(NL, i + 1))
      this.pending.push(this.offset + i);
    this.offset += chunk.length;
    this.parser.write(chunk);
    this.throwIfFailed();
  }

  /** Ends the input: the last record (without a final newline) is handed over before this resolves. */
  async end(): Promise<void> {
    const finished = once(this.parser, 'finish');
    this.parser.end();
    this.parser.resume();
    await finished.catch((e: unknown) => (this.failure ??= e as Error));
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }
}

function csvMessage(err: CsvError): string {
  // csv-parse messages cite its own (CRLF-sensitive) line count; keep the first sentence only.
  return err.message.replace(/ at line \d+.*$/s, '').replace(/ on line \d+.*$/s, '');
}
