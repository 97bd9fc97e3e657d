// Open SDG's automatic progress measure (Statistics Canada's method, as computed by sdg-build).
export { parseCsv, type CsvText, type Outcome } from './csv';
export { parseIndicatorCsv, parseYears, type Cell, type IndicatorTable } from './table';
export {
  readProgressSettings,
  readSeriesConfig,
  type FieldValue,
  type ProgressSettings,
  type SeriesConfig,
} from './options';
export { compareIndicatorIds, indicatorIdOfDataFile, indicatorIdOfMetaFile } from './ids';
export { indentQuotedContinuations, parseMetaMarkdown } from './frontmatter';
export { selectSeries, type Point } from './select';
// Every export of the measure and of the progress it drives belongs to the public surface.
export * from './measure';
export * from './progress';
