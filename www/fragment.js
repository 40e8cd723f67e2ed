// A policy in the URL fragment: #policy=<base64url of deflate-raw of UTF-8>.
// Compression uses the browser's own CompressionStream; nothing is fetched.

const PREFIX = '#policy=';
/** The most text a link may unpack to: the app's own limit (8 MiB). */
export const MAX_BYTES = 8 << 20;
/** Links longer than this (about 32 KB) are cut by some chat apps and mailers. */
export const LONG_LINK = 32 * 1024;

/** Why a fragment could not be read: `too_large`, `invalid` or `not_utf8`. */
export class FragmentError extends Error {
  constructor(kind) {
    super(kind);
    this.kind = kind;
  }
}

async function pipe(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  let binary;
  try {
    binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    throw new FragmentError('invalid');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The fragment that carries `text`. */
export async function encodeFragment(text) {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(packed);
}

/**
 * Inflates `bytes`, a chunk at a time, and stops as soon as the output passes
 * `limit`: a small link that unpacks to gigabytes must not take the tab down.
 */
async function inflateAtMost(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        reader.cancel().catch(() => {});
        throw new FragmentError('too_large');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FragmentError) throw error;
    // Truncated or corrupt data.
    throw new FragmentError('invalid');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The policy text in `hash`, or null when it carries none. Throws a
 * FragmentError when the fragment is not base64url of deflate-raw data, unpacks
 * to more than MAX_BYTES, or is not UTF-8.
 */
export async function decodeFragment(hash, limit = MAX_BYTES) {
  if (!hash || !hash.startsWith(PREFIX)) return null;
  const bytes = await inflateAtMost(fromBase64Url(hash.slice(PREFIX.length)), limit);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FragmentError('not_utf8');
  }
}
