import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../extract/decode';
import { CONVERT_TIMEOUT_MS } from './limits';

export const INSTALL_LIBREOFFICE = 'apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui';

export interface ConvertOptions {
  /** Give up (and kill LibreOffice) after this long; default 60 s. */
  timeoutMs?: number;
  /** The PATH to find soffice on (default: the process's). */
  pathEnv?: string;
}

/** Temporary directories this module makes start with this (tests check none is left). */
export const TEMP_PREFIX = 'plan-convert-';

export function findSoffice(pathEnv = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathEnv.split(delimiter)) {
    if (!dir) continue;
    for (const name of ['soffice', 'libreoffice']) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * A legacy Office file (.doc/.xls/.wps/.et/.rtf) → .docx/.xlsx bytes through LibreOffice, in a
 * fresh temporary directory that is always removed, with a profile of its own (parallel
 * conversions do not share one) and its temporary files kept inside that directory.
 */
export async function convertWithLibreOffice(bytes: Uint8Array, ext: string, to: 'docx' | 'xlsx', options: ConvertOptions = {}): Promise<Uint8Array> {
  const soffice = findSoffice(options.pathEnv);
  if (!soffice) {
    throw new InputError(`legacy Office files (.doc/.xls/.wps/.et) are read through LibreOffice, which is not installed; install it (${INSTALL_LIBREOFFICE}) or save the file as .${to}`);
  }
  const timeoutMs = options.timeoutMs ?? CONVERT_TIMEOUT_MS;
  const dir = await mkdtemp(join(tmpdir(), TEMP_PREFIX));
  try {
    const input = join(dir, `document.${ext}`);
    const out = join(dir, 'out');
    const tmp = join(dir, 'tmp');
    await Promise.all([writeFile(input, bytes), mkdir(out), mkdir(tmp)]);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless', '--invisible', '--nologo', '--norestore', '--nolockcheck', '--nodefault',
      '--convert-to', to, '--outdir', out, input,
    ];
    const { code, timedOut, stderr } = await run(soffice, args, { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, HOME: dir }, timeoutMs);
    if (timedOut) throw new InputError(`converting the file with LibreOffice took over ${timeoutMs / 1000} s; given up (the file may be malformed)`);
    const produced = (await readdir(out)).find((f) => f.endsWith(`.${to}`));
    if (!produced) {
      const why = stderr.split('\n').find((l) => /error|fail/i.test(l))?.trim();
      throw new InputError(`LibreOffice could not convert the file (corrupt, truncated or password-protected?)${why ? `: ${why}` : code ? ` (exit code ${code})` : ''}`);
    }
    return new Uint8Array(await readFile(join(out, produced)));
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/** Run a command in its own process group; on timeout kill the whole group (soffice forks soffice.bin). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; timedOut: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new InputError(`LibreOffice could not be started (${err.message}); install it (${INSTALL_LIBREOFFICE})`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // Whatever the group left running (a stuck soffice.bin) goes too, before the directory is removed.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve({ code, timedOut, stderr });
    });
  });
}
