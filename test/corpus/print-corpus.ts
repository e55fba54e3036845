// `npm run corpus`: prints the table of hostile-input cases and their outcomes; exit 1 if any is wrong.
import { formatCorpusTable, runCorpus } from './run-corpus.ts';

const outcomes = await runCorpus();
console.log(formatCorpusTable(outcomes));
process.exitCode = outcomes.some((o) => o.problems.length) ? 1 : 0;
