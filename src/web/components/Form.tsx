/** The form parts moved to ./form/; this file keeps the older import path working. */
export * from './form/index.ts';
