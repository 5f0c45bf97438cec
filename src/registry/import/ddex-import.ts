/** One DDEX ERN file of a run: parties kept by reference, each resource mapped (pure) and handed to the sink. */
import { ErnReader, type ErnResource } from './ddex-parse.js';
import { DdexMapper } from './ddex-records.js';
import { readChunks } from './file-source.js';
import { STOP, whenDrained, type PlannedFile, type Run } from './run.js';
import type { ImportSink } from './sink.js';

/** What the report shows of a rejected resource: its element, reference and identifier. */
export function describeResource(r: ErnResource): string {
  const id = r.isrc ?? r.isan ?? r.eidr;
  return [
    r.kind === 'sound' ? 'SoundRecording' : 'Video',
    r.ref ?? '',
    id?.value ?? '',
    r.titleText?.value ?? r.displayTitleText?.value ?? '',
  ]
    .filter((s) => s !== '')
    .join(' ');
}

export async function importDdex(run: Run, sink: ImportSink, file: PlannedFile): Promise<void> {
  const mapper = new DdexMapper();
  const reader = new ErnReader(
    {
      sender: (dpid) => mapper.setSender(dpid),
      party: (p) => mapper.addParty(p),
      resource: (r) => {
        run.row();
        const d = mapper.resource(r);
        if (!d.ok) {
          run.reject('recordings', {
            file: file.path,
            line: d.line,
            field: d.field,
            reason: d.reason,
            raw: describeResource(r),
          });
        } else {
          const out = sink.resource(d.value, r.line, r.path);
          if (!out.ok)
            run.reject('recordings', {
              file: file.path,
              line: r.line,
              field: out.field,
              reason: out.reason,
              raw: describeResource(r),
            });
        }
        if (run.stop) throw STOP;
      },
    },
    file.path,
  );
  try {
    await readChunks(
      file.path,
      (chunk) => {
        reader.write(chunk);
        return whenDrained(sink.drain(), run.drain());
      },
      { signal: run.signal, onBytes: (n) => run.progress(file.path, n) },
    );
    reader.end();
  } catch (e) {
    if (e !== STOP) throw e;
  }
}
