/** What `shixiao jobs run` prints: CONTRACT.md's JSON, or lines for a person. */
import type { SentNotice } from '../modules/notify';
import type { RunReport } from './runner';

/** `{"kind": "urge", "task": "…", "to": "…", "channel": "inbox"}`: the object's codes by name. */
export type SentJson = { kind: string; to: string; channel: string } & Record<string, string>;

export function sentJson(s: SentNotice): SentJson {
  return { kind: s.kind, ...s.about, to: s.to, channel: s.channel };
}

/** Exactly `{"sent": [...], "skipped": N}`. */
export function runReportJson(report: RunReport): { sent: SentJson[]; skipped: number } {
  return { sent: report.sent.map(sentJson), skipped: report.skipped };
}

export function runReportText(report: RunReport, at: Date): string {
  const lines = report.sent.map((s) => {
    const about = Object.entries(s.about)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    return `${s.channel.padEnd(7)} ${s.kind.padEnd(13)} ${about} → ${s.to}`;
  });
  lines.push(
    `${at.toISOString()}: ${report.sent.length} sent, ${report.skipped} skipped (sent before)` +
      (report.retrying ? `, ${report.retrying} deliveries to retry` : '') +
      (report.failed ? `, ${report.failed} deliveries failed` : '') +
      (report.busy.length ? `; held by another runner: ${report.busy.join(', ')}` : ''),
  );
  return lines.join('\n') + '\n';
}
