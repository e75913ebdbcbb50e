#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the package ships source without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
