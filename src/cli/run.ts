/** Runs the CLI from source (`node --import tsx src/cli/run.ts …`), as tests do; installs use bin/tandem.js. */
import { main } from './main.js';

await main(process.argv);
