/**
 * The JavaScript heap of the import command's processes (the CLI and its database process).
 * Without a cap, Node lets an import's heap grow to about 430 MB in the CLI and 200-330 MB in
 * the database process, most of it garbage of the statements already validated or translated:
 * V8 collects late while it has room. What either process keeps is small and does not grow
 * with the file (counts, fingerprints, the batch in flight, at most 300,000 gathered rows:
 * bulk-copy.ts), so a cap only makes it collect sooner. Measured at 200,000 people with a cap of
 * 192 MB: peak 1.6 GB instead of 2.1 GB (tests/bench/README.md).
 */
export const IMPORT_HEAP_MB = 256;

const HEAP_FLAG = /(^|\s)--max-old-space-size[=\s]/;

/** NODE_OPTIONS with the import's heap cap added, unless the caller already chose one. */
export function importNodeOptions(existing: string | undefined): string {
  const options = (existing ?? '').trim();
  if (HEAP_FLAG.test(options)) return options;
  return `${options} --max-old-space-size=${IMPORT_HEAP_MB}`.trim();
}
