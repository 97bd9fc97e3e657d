export * from './decimal';
export * from './units';
export * from './quantity';
export * from './format';
