import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config';

describe('configuration from the environment', () => {
  it('has working defaults: embedded store, port 4000, data/', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(4000);
    expect(c.NEO4J_URI).toBeUndefined();
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).NEO4J_URI).toBeUndefined();
  });

  it('names the variable, the value and what is expected', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty": must be a number/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000": must be 0–65535/);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI="http:\/\/localhost:7474": must look like neo4j:\/\//);
    expect(() => loadConfig({ NEO4J_URI: 'bolt://localhost:7687' })).toThrow(/NEO4J_PASSWORD is not/);
    expect(() => loadConfig({ INGEST_TOKEN: 'short' })).toThrow(/INGEST_TOKEN="short": must be at least 16 characters/);
  });

  it('accepts a full Neo4j configuration', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j://db:7687', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'secret', NEO4J_DATABASE: 'neo4j' });
    expect(c).toMatchObject({ NEO4J_URI: 'neo4j://db:7687', NEO4J_DATABASE: 'neo4j' });
  });
});
