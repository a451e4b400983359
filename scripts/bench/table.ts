// The one markdown table `npm run bench` prints (figure | median | p95 | budget | ratio/verdict) and
// the machine line under it, ready to paste into the README's Performance section.
import * as os from 'node:os';

export interface Row {
  figure: string;
  median: string;
  p95: string;
  budget: string;
  verdict: string;
}

export const ms = (value: number): string => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : 'n/a');
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
export const mib = (kibibytes: number): string => `${(kibibytes / 1024).toFixed(1)} MiB`;
export const times = (ratio: number): string => `${ratio.toFixed(2)}×`;

/** "✓" when `ok`, else "✗ over by N%" of the budget. */
export function verdict(value: number, budget: number): string {
  if (value <= budget) return `✓ (${Math.round((value / budget) * 100)}% of budget)`;
  return `✗ over by ${Math.round((value / budget - 1) * 100)}%`;
}

export function markdownTable(rows: Row[]): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const lines = ['| figure | median | p95 | budget | ratio / verdict |', '|---|---:|---:|---|---|'];
  for (const row of rows) lines.push(`| ${[row.figure, row.median, row.p95, row.budget, row.verdict].map(escape).join(' | ')} |`);
  return lines.join('\n');
}

/** Node version, CPU model, cores, OS, and the load average when the run began (a busy machine shows in every figure). */
export function machineLine(loadAtStart: number[]): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() || 'unknown CPU';
  const load = loadAtStart.some((l) => l > 0) ? `, load average ${loadAtStart[0].toFixed(1)} at start` : '';
  return `Machine: Node ${process.version}, ${model}, ${cpus.length} cores, ${os.platform()} ${os.arch()}${load}; ${new Date().toISOString().slice(0, 10)}.`;
}
