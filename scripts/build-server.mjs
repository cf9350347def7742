// `npm run build -w server`: compiles server/src to server/dist with tsc and copies the files the
// server reads beside its code at run time (the GraphQL schema files).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'server');
const dist = path.join(serverDir, 'dist');
/** Every SDL file under src (schema.graphql, investigations.graphql, …): the server reads them all at start. */
const ASSETS = fs
  .readdirSync(path.join(serverDir, 'src'), { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.graphql'));

fs.rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compile = spawnSync(process.execPath, [tsc, '-p', path.join(serverDir, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (compile.status !== 0) process.exit(compile.status ?? 1);
for (const asset of ASSETS) {
  fs.mkdirSync(path.dirname(path.join(dist, asset)), { recursive: true });
  fs.copyFileSync(path.join(serverDir, 'src', asset), path.join(dist, asset));
}
