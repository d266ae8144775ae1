import type { Frontend } from './frontend.ts';
import { parseModule } from './ir/text/parser.ts';

/** The built-in frontend: a `.jir` file is already IR; the program starts at `@main()`. */
export const jirFrontend: Frontend = {
  name: 'jir',
  description: 'jitc IR text (.jir); runs @main()',
  extensions: ['.jir'],
  compile: (source, file) => ({ module: parseModule(source, file), hosts: [], entry: 'main' }),
};
