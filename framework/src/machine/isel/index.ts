export * from './rule.ts';
export * from './ir-facts.ts';
export * from './select.ts';
export * from './matchers.ts';
