export * from './types.js';
export * from './policy.js';
