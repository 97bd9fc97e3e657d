export * from './rules';
export * from './relations';
export * from './words';
