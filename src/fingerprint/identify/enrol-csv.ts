/**
 * The bulk enrolment list (pure): a CSV of `isrc,path`, one recording a line, an optional header line,
 * `#` comments and blank lines ignored. Each physical line is parsed on its own (csv-parse, so quoted
 * paths with commas work), which keeps line numbers exact and lets one bad line cost nothing else; a
 * path with a line break inside cannot be listed (say so in the docs rather than guess).
 */
import { parse } from 'csv-parse/sync';
import { parseIsrc } from '../../registry/identifiers.js';

export interface EnrolLine {
  line: number;
  isrc: string;
  path: string;
}

export interface EnrolLineProblem {
  line: number;
  field: 'isrc' | 'path' | 'line';
  reason: string;
}

export function parseEnrolCsv(text: string): { rows: EnrolLine[]; problems: EnrolLineProblem[] } {
  const rows: EnrolLine[] = [];
  const problems: EnrolLineProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    let cells: string[];
    try {
      const records: string[][] = parse(raw, { relax_column_count: true });
      cells = records[0] ?? [];
    } catch (e) {
      problems.push({
        line,
        field: 'line',
        reason: `not a CSV line: ${(e as Error).message.replace(/ at line \d+/, '')}`,
      });
      return;
    }
    if (line === 1 && cells[0]?.trim().toLowerCase() === 'isrc' && cells[1]?.trim().toLowerCase() === 'path')
      return;
    if (cells.length !== 2) {
      problems.push({ line, field: 'line', reason: `expected 2 fields (isrc,path), got ${cells.length}` });
      return;
    }
    const isrc = parseIsrc(cells[0]!);
    const path = cells[1]!.trim();
    if (!isrc.ok)
      problems.push({
        line,
        field: 'isrc',
        reason: `not a valid ISRC ${JSON.stringify(cells[0])}: ${isrc.reason}`,
      });
    else if (path === '') problems.push({ line, field: 'path', reason: 'empty path' });
    else rows.push({ line, isrc: isrc.value, path });
  });
  return { rows, problems };
}
