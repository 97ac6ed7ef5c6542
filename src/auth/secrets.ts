import { createHash, randomBytes } from 'node:crypto';

/** A fresh 32-byte random secret, URL-safe. Only its SHA-256 is ever stored. */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

export const sha256 = (secret: string): string => createHash('sha256').update(secret).digest('hex');
