#!/usr/bin/env node
// Regenerates core/src/messages/generated/*.ts from the ROS 2 message definitions (the common
// packages of @foxglove/rosmsg-msgs-common and our own core/msg).
//
//   npm run gen:msgs             write the files
//   npm run gen:msgs -- --check  only compare; exit 1 and list the files that would change
//
// The generator is the TypeScript code in core/src/messages itself. To run it without a build
// step or a TypeScript runtime, the modules it needs are transpiled (types stripped, nothing
// checked) into a cache folder inside core/node_modules, where package imports still resolve.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const coreDir = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(coreDir, 'src');
const generatedDir = join(srcDir, 'messages', 'generated');
// One folder per run, so that concurrent runs (parallel test workers) never share files.
const cacheDir = join(coreDir, 'node_modules', '.cache', `omnimind-gen-msgs-${process.pid}`);
const entries = [
  'messages/message-registry.ts',
  'messages/builtin-definitions.ts',
  'messages/codegen/message-type-files.ts',
];

function transpileClosure() {
  const queue = entries.map((entry) => join(srcDir, entry));
  const done = new Set();
  while (queue.length > 0) {
    const file = queue.pop();
    if (done.has(file)) continue;
    done.add(file);
    const source = readFileSync(file, 'utf8');
    const output = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    }).outputText;
    const target = join(cacheDir, relative(srcDir, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
    // Follow the relative imports that survive transpiling (type-only ones are gone).
    for (const { fileName } of ts.preProcessFile(output, true, false).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const next = resolve(dirname(file), fileName).replace(/\.js$/, '.ts');
      if (existsSync(next)) queue.push(next);
    }
  }
}

async function main() {
  const check = process.argv.includes('--check');
  transpileClosure();
  const load = (entry) => import(pathToFileURL(join(cacheDir, entry.replace(/\.ts$/, '.js'))).href);
  const [{ MessageRegistry }, { builtinDefinitionDirs, loadBuiltinDefinitions }, { renderMessageTypeFiles }] =
    await Promise.all(entries.map(load));

  const registry = new MessageRegistry();
  loadBuiltinDefinitions(registry, { common: builtinDefinitionDirs().common, own: join(coreDir, 'msg') });
  const files = renderMessageTypeFiles(registry);

  const existing = existsSync(generatedDir) ? readdirSync(generatedDir).filter((f) => f.endsWith('.ts')) : [];
  const stale = existing.filter((f) => !files.has(f));
  const changed = [...files].filter(([name, text]) => {
    const path = join(generatedDir, name);
    return !existsSync(path) || readFileSync(path, 'utf8') !== text;
  });

  const label = (name) => relative(process.cwd(), join(generatedDir, name));
  if (check) {
    if (changed.length === 0 && stale.length === 0) {
      console.log(`message types are up to date (${files.size} files)`);
      return;
    }
    for (const [name] of changed) console.error(`out of date: ${label(name)}`);
    for (const name of stale) console.error(`not generated any more: ${label(name)}`);
    console.error('run `npm run gen:msgs` and commit the result');
    process.exitCode = 1;
    return;
  }
  mkdirSync(generatedDir, { recursive: true });
  for (const [name, text] of changed) writeFileSync(join(generatedDir, name), text);
  for (const name of stale) unlinkSync(join(generatedDir, name));
  console.log(
    `wrote ${changed.length} of ${files.size} files, removed ${stale.length} (${registry.list().length} message types)`,
  );
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(cacheDir, { recursive: true, force: true }));
