#!/usr/bin/env node
// The installed entry point: runs the compiled CLI (`npm run build` first).
import('../dist/server/cli/main.js').then((cli) => cli.main(process.argv));
