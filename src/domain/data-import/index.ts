export * from './values';
export * from './validate';
export * from './export';
export * from './series';
