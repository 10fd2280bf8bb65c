#!/usr/bin/env node
// The tiaodu command: runs the TypeScript sources through tsx's loader (see docs/decisions/0001-stack.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
