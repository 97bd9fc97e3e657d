/** Series identity of an observation: the main value of a period, or one alternate source's. */
export function seriesKey(o: {
  period: string;
  alternate: boolean | number | null | undefined;
  source?: string | null;
  source_url?: string | null;
}): string {
  return `${o.period}|${o.alternate ? (o.source_url ?? o.source ?? 'alternate') : ''}`;
}
