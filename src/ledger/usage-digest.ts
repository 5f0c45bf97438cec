/**
 * The digest a `licence.usage-reported` entry records of a report's lines (pure), shared by the licensing
 * desk that writes it and the audit that recomputes it from the stored lines: SHA-256 (hex) of the JSON of
 * the lines in line order, each with its fields in this order.
 */
import { createHash } from 'node:crypto';

export interface UsageLineFacts {
  line: number;
  isrc: string;
  recordingId: string | null;
  uses: readonly string[];
  units: number;
  seconds: number;
  flag: string | null;
  cents: number;
}

export function usageLinesSha256(lines: readonly UsageLineFacts[]): string {
  const json = JSON.stringify(
    lines.map((l) => ({
      line: l.line,
      isrc: l.isrc,
      recordingId: l.recordingId,
      uses: l.uses,
      units: l.units,
      seconds: l.seconds,
      flag: l.flag,
      cents: l.cents,
    })),
  );
  return createHash('sha256').update(json, 'utf8').digest('hex');
}
