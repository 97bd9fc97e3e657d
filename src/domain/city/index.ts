export * from './tenants';
export * from './ranks';
export * from './rollup';
export * from './rank-target';
export * from './adoption';
