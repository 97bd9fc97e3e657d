// Indicator ids as Open SDG derives them from file names, and their natural order.

/** The id of a data file (`indicator_1-1-1.csv` → `1-1-1`), or null if it is not one (sdg-build reads `*-*.csv`). */
export function indicatorIdOfDataFile(fileName: string): string | null {
  if (!/^[^/\\]*-[^/\\]*\.csv$/.test(fileName)) return null;
  return fileName.slice(0, -'.csv'.length).replace('indicator_', '');
}

/** The id of a metadata file (`1-1-1.md` → `1-1-1`), or null if it is not one (sdg-build reads `*-*.md`). */
export function indicatorIdOfMetaFile(fileName: string): string | null {
  if (!/^[^/\\]*-[^/\\]*\.md$/.test(fileName)) return null;
  return fileName.slice(0, -'.md'.length);
}

/** Order ids by goal, target and indicator numbers (1-2-1 < 1-10-1 < 2-1-1); text parts compare as text. */
export function compareIndicatorIds(a: string, b: string): number {
  const left = a.split('-');
  const right = b.split('-');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const bothNumbers = /^\d+$/.test(x) && /^\d+$/.test(y);
    if (bothNumbers && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return 0;
}
