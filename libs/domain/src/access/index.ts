export * from './viewer';
export * from './resources';
export * from './permissions';
