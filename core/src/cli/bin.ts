#!/usr/bin/env node
import { createNodeCliContext, exitAfterFlush } from './cli-context.js';
import { runCli } from './run-cli.js';

const code = await runCli(process.argv.slice(2), createNodeCliContext());
await exitAfterFlush(code);
