// Generated names and uids. Upstream: apiserver pkg/storage/names/generate.go,
// apimachinery pkg/util/rand/rand.go (the consonant-and-digit alphabet avoids words).
import { randomBytes, randomUUID } from 'node:crypto';

export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATED_NAME_LENGTH = 63;
const RANDOM_LENGTH = 5;

export function randomSuffix(n = RANDOM_LENGTH): string {
  const bytes = randomBytes(n);
  let s = '';
  for (let i = 0; i < n; i++) s += SAFE_ALPHABET[bytes[i] % SAFE_ALPHABET.length];
  return s;
}

export function generateName(base: string): string {
  const maxBase = MAX_GENERATED_NAME_LENGTH - RANDOM_LENGTH;
  return (base.length > maxBase ? base.slice(0, maxBase) : base) + randomSuffix();
}

export function newUid(): string {
  return randomUUID();
}

/** rand.SafeEncodeString: maps each character to the safe alphabet (pod-template-hash). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}
