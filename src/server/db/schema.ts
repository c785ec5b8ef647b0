// Every table of Convene, one export per feature's schema file (drizzle-kit reads this module).
export * from '../auth/identity-schema';
export * from '../auth/schema';
export * from '../events/schema';
export * from '../jobs/schema';
export * from '../mail/schema';
export * from '../settings/schema';
export * from '../vc/schema';
export * from '../vc/zoom/schema';
