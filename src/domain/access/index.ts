export * from './roles';
export * from './password-policy';
