/**
 * Writes an export to a file without ever leaving half of one: the text goes to a temporary
 * file beside the target, is flushed to disk, and only then takes the target's name. Without
 * `force` an existing file is never replaced, not even one that appears while the export runs
 * (the final step is a hard link, which fails rather than overwrite). `beforeCommit` runs
 * after everything is written and before the name is taken (the CLI records the audit there):
 * if it throws, the temporary file is removed and the target is untouched.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class ExportFileExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists; nothing was written. Name another file, or add --force to replace it.`);
  }
}

export interface WrittenFile {
  readonly bytes: number;
  readonly sha256: string;
}

export interface WriteOptions {
  readonly force: boolean;
  readonly beforeCommit?: (written: WrittenFile) => Promise<void>;
}

export async function writeExportFile(
  file: string,
  chunks: AsyncIterable<string>,
  options: WriteOptions,
): Promise<WrittenFile> {
  if (!options.force && fs.existsSync(file)) throw new ExportFileExistsError(file);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.partial`);
  const handle = await fs.promises.open(temporary, 'wx');
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    try {
      for await (const chunk of chunks) {
        const buffer = Buffer.from(chunk, 'utf8');
        hash.update(buffer);
        bytes += buffer.length;
        await handle.write(buffer);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    const written = { bytes, sha256: hash.digest('hex') };
    await options.beforeCommit?.(written);
    if (options.force) await fs.promises.rename(temporary, file);
    else {
      try {
        await fs.promises.link(temporary, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ExportFileExistsError(file);
        throw error;
      }
      await fs.promises.unlink(temporary);
    }
    return written;
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}
