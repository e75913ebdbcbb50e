#!/usr/bin/env node
// Runs the CLI from its esbuild bundle, rebuilt first when a source is newer (cli-bundle.js).
import { cliEntry } from './cli-bundle.js';

await import(await cliEntry());
