import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * The per-installation access tokens. The control token lets its holder drive
 * the air; the read-only token only watches (outputs on other machines, the
 * producer). Both live in the data folder, readable by this user alone, so the
 * URLs given to colleagues stay the same from one run to the next.
 */
export interface AccessTokens {
  control: string;
  readOnly: string;
}

export type Access = 'control' | 'read-only' | 'none';

export const TOKEN_FILE = 'access-tokens.json';
const MAX_TOKEN_FILE_BYTES = 4096;

/** 24 random bytes: 32 URL-safe characters, no padding, safe in a query string. */
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'a token is 32 to 128 URL-safe characters');
const fileSchema = z.strictObject({
  format: z.literal('strapline-access'),
  version: z.literal(1),
  control: tokenSchema,
  readOnly: tokenSchema,
});

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export interface LoadedTokens {
  tokens: AccessTokens;
  file: string;
  /** Set when the file had to be made (first run) or remade (damaged): say so once. */
  notice: string | null;
}

/**
 * Reads the tokens, or makes them on first run. A damaged file is replaced
 * rather than stopping the start: on the night the air matters more than the
 * old URLs, and the new ones are printed.
 */
export async function loadOrCreateTokens(dataDir: string): Promise<LoadedTokens> {
  const file = path.join(dataDir, TOKEN_FILE);
  let notice: string;
  try {
    const info = await stat(file);
    if (info.size > MAX_TOKEN_FILE_BYTES) throw new Error(`${info.size} bytes is over ${MAX_TOKEN_FILE_BYTES}`);
    const parsed = fileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
    // Someone may have copied it with looser permissions; tighten them again.
    if ((info.mode & 0o077) !== 0 && process.platform !== 'win32') await chmod(file, 0o600);
    if (parsed.data.control === parsed.data.readOnly) throw new Error('the control and read-only tokens are the same');
    return { tokens: { control: parsed.data.control, readOnly: parsed.data.readOnly }, file, notice: null };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    notice = code === 'ENOENT' ? `made new access tokens in ${file}` : `${file} was unreadable (${(e as Error).message}): made new access tokens`;
  }
  const tokens = { control: newToken(), readOnly: newToken() };
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ format: 'strapline-access', version: 1, ...tokens }, null, 2) + '\n', { mode: 0o600 });
  await rename(temp, file);
  return { tokens, file, notice };
}

/** Hashing first gives equal-length inputs, so the comparison takes the same time whatever was sent. */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** What a presented token allows. Both are always compared, so timing does not say which one nearly matched. */
export function accessOf(tokens: AccessTokens, presented: string | undefined): Access {
  if (presented === undefined || presented === '') return 'none';
  const control = sameSecret(presented, tokens.control);
  const readOnly = sameSecret(presented, tokens.readOnly);
  return control ? 'control' : readOnly ? 'read-only' : 'none';
}
