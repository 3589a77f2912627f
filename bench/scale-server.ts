/**
 * The app on a store bench:scale loaded, in a process of its own, so that the load generator
 * (autocannon, in the bench's process) does not share the server's event loop. Prints the URL,
 * serves until SIGTERM. Usage: tsx bench/scale-server.ts <DATA_DIR>
 */
import '../server/production';
import { pino } from 'pino';
import { startApp, WEB_DIR } from '../server/app';
import { loadConfig } from '../server/config';
import { loadWordTables } from '../server/api/analytics/follow-ups';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: tsx bench/scale-server.ts <DATA_DIR>');
const app = await startApp(loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), { log: pino({ level: 'silent' }), webDir: WEB_DIR });
// As npm start loads them once listening (server/main.ts): before the bench asks anything.
loadWordTables();
process.stdout.write(`${JSON.stringify({ url: app.url })}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
