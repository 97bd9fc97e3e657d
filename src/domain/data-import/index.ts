export * from './values';
export * from './validate';
export * from './export';
