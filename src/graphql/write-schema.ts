import fs from 'node:fs';
import path from 'node:path';
import { printAppSchema } from './schema';

/** `npm run schema`: writes schema.graphql at the repository root. */
const target = path.resolve(__dirname, '../../../schema.graphql');
fs.writeFileSync(target, printAppSchema());
process.stdout.write(`wrote ${target}\n`);
