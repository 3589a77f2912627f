/**
 * A local Neo4j Community 5.26 without Docker: the Java launcher in this folder (pom.xml,
 * src/main/java/explorer/LocalNeo4j.java), built with Maven on first use and started as a child
 * process. Used by `npm run neo4j` (run.ts), the tests' global setup and the benchmarks.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const LAUNCHER_DIR = dirname(fileURLToPath(import.meta.url));
const TARGET = join(LAUNCHER_DIR, 'target');
const CLASSPATH_FILE = join(TARGET, 'classpath.txt');
/** Written after a successful build (Maven leaves an unchanged classpath.txt untouched). */
const BUILT_STAMP = join(TARGET, 'built.stamp');
/**
 * A class-data-sharing archive of the classes Neo4j loads, written when the first run exits and
 * mapped by every later one: loading and verifying Neo4j's classes is most of its start-up
 * (about 55 s → 28 s here). Rebuilt with the launcher. It needs jars, not class directories.
 */
const CDS_ARCHIVE = join(TARGET, 'neo4j-classes.jsa');
const LAUNCHER_JAR = join(TARGET, 'local-neo4j-1.jar');
const SOURCES = [join(LAUNCHER_DIR, 'pom.xml'), join(LAUNCHER_DIR, 'src/main/java/explorer/LocalNeo4j.java')];

export class LocalNeo4jError extends Error {
  override readonly name = 'LocalNeo4jError';
}

/** Why a local Neo4j cannot run here (Java 17+ or Maven missing), or undefined when it can. */
export function missingTools(): string | undefined {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    return 'Java is not installed (`java` not found). Neo4j 5.26 needs Java 17: `apt-get install openjdk-17-jdk-headless` (or any JDK 17+).';
  }
  const version = /version "(\d+)/.exec(java.stderr)?.[1];
  if (version && Number(version) < 17) return `Java ${version} is too old: Neo4j 5.26 needs Java 17 or later (\`apt-get install openjdk-17-jdk-headless\`).`;
  if (!isBuilt()) {
    const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
    if (mvn.error || mvn.status !== 0) return 'Maven is not installed (`mvn` not found); it fetches Neo4j from Maven Central on first use: `apt-get install maven`.';
    const javac = spawnSync('javac', ['-version'], { encoding: 'utf8' });
    if (javac.error || javac.status !== 0) return 'the Java compiler is missing (`javac` not found; a JRE is not enough to build the launcher): `apt-get install openjdk-17-jdk-headless`.';
  }
  return undefined;
}

/** Built, and built from the current pom.xml and source. */
function isBuilt(): boolean {
  if (!existsSync(BUILT_STAMP) || !existsSync(CLASSPATH_FILE) || !existsSync(LAUNCHER_JAR)) return false;
  const built = statSync(BUILT_STAMP).mtimeMs;
  return SOURCES.every((f) => statSync(f).mtimeMs <= built);
}

/**
 * Compile the launcher and resolve Neo4j's jars (Maven downloads them into ~/.m2 the first time,
 * about 150 MB); does nothing when the build is current. Returns the Java classpath.
 */
export function buildLauncher(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  if (!isBuilt()) {
    const why = missingTools();
    if (why) throw new LocalNeo4jError(why);
    rmSync(CDS_ARCHIVE, { force: true });
    log('neo4j: building the launcher with Maven (the first time it downloads Neo4j 5.26 from Maven Central)…');
    const t0 = Date.now();
    const mvn = spawnSync('mvn', ['-q', '-B', '-f', join(LAUNCHER_DIR, 'pom.xml'), 'package', '-DskipTests'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (mvn.error || mvn.status !== 0) {
      throw new LocalNeo4jError(`building the Neo4j launcher failed (mvn package in ${LAUNCHER_DIR}, exit ${mvn.status}):\n${(mvn.stdout + mvn.stderr).trim().slice(-3000)}`);
    }
    writeFileSync(BUILT_STAMP, new Date().toISOString());
    log(`neo4j: launcher built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return `${LAUNCHER_JAR}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
}

export interface LocalNeo4jOptions {
  password: string;
  /** 0 = a free port. */
  port?: number;
  dataDir: string;
  heap?: string;
  pagecache?: string;
  /** What one transaction may hold (db.memory.transaction.max), e.g. '256m'. */
  txMemory?: string;
  /** Where Neo4j's own log lines go (stderr of the child); default: dropped. */
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  pid: number;
  process: ChildProcess;
  /** SIGTERM, then wait for the shutdown hook to finish (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** Start Neo4j and resolve once its Bolt port accepts connections. */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const classpath = buildLauncher(opts.log);
  const child = spawn('java', [
    '-Xms256m', `-Xmx${opts.heap ?? '1g'}`,
    '-XX:+UseG1GC',
    // Neo4j's page cache and Netty use these internals (as its own neo4j script opens them).
    '--add-opens=java.base/java.nio=ALL-UNNAMED', '--add-opens=java.base/java.lang=ALL-UNNAMED', '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    existsSync(CDS_ARCHIVE) ? `-XX:SharedArchiveFile=${CDS_ARCHIVE}` : `-XX:ArchiveClassesAtExit=${CDS_ARCHIVE}`,
    // The JVM's own warnings (classes CDS skips) would go to stdout; only its errors, to stderr.
    '-Xlog:disable', '-Xlog:all=error:stderr',
    ...(process.env.NEO4J_JAVA_OPTS ?? '').split(/\s+/).filter(Boolean),
    '-cp', classpath, 'explorer.LocalNeo4j',
  ], {
    env: {
      ...process.env,
      NEO4J_PORT: String(opts.port ?? 7687),
      NEO4J_PASSWORD: opts.password,
      NEO4J_DATA_DIR: opts.dataDir,
      NEO4J_PAGECACHE: opts.pagecache ?? '256m',
      NEO4J_TX_MEMORY: opts.txMemory ?? process.env.NEO4J_TX_MEMORY ?? '256m',
      NEO4J_STOP_ON_EOF: '1',
    },
    // stdin stays open while this process lives: the JVM stops when it closes (see LocalNeo4j.java).
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > 200) stderr.shift();
    opts.log?.(line);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new LocalNeo4jError(`Neo4j did not start within ${(opts.startTimeoutMs ?? 120_000) / 1000} s:\n${stderr.slice(-30).join('\n')}`));
    }, opts.startTimeoutMs ?? 120_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('bolt://')) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(`cannot start java: ${err.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new LocalNeo4jError(`Neo4j exited (code ${code}) before accepting connections:\n${stderr.slice(-30).join('\n')}`));
    });
  });

  return {
    uri,
    port: Number(new URL(uri).port),
    pid: child.pid!,
    process: child,
    // The first run writes the class archive as it exits: give it time.
    stop: async (graceMs = 90_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
