import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, demo: true, sessionIdleMinutes: 30, sessionMaxHours: 12, secureCookies: false });
    expect(c.databaseUrl).toBeUndefined();
  });

  it('stops with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ MK_DEMO: 'ja' })).toThrow(/MK_DEMO/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });

  it('seeds demo data by default only on the embedded database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db', MK_DEMO: 'true' }).demo).toBe(true);
    expect(loadConfig({ MK_DEMO: 'false' }).demo).toBe(false);
  });

  it('makes cookies Secure for an https public URL', () => {
    expect(loadConfig({ MK_PUBLIC_URL: 'https://mantelkring.example.nl' }).secureCookies).toBe(true);
  });
});
