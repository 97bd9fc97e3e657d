export * from './period';
export * from './aggregate';
export * from './due';
export * from './words';
