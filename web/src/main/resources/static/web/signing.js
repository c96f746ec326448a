// Signing in the browser: the registry's command envelope in RFC 8785 canonical JSON, signed as a flattened JWS
// (EdDSA, Ed25519, x5c) with WebCrypto. The private key is imported as non-extractable and kept in this browser's
// IndexedDB until sign-out; it never leaves the browser. See docs/signing.md for the format.

const encoder = new TextEncoder();

/** RFC 8785 (JCS) for the JSON values a command holds: members sorted by UTF-16 code units, no whitespace. */
export function canonicalize(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('JSON has no ' + value);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return '[' + value.map(canonicalize).join(',') + ']';
  const keys = Object.keys(value).filter(k => value[k] !== undefined).sort();
  return '{' + keys.map(k => JSON.stringify(k) + ':' + canonicalize(value[k])).join(',') + '}';
}

export function base64url(bytes) {
  return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text) {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='));
  return Uint8Array.from(s, c => c.charCodeAt(0));
}

/** The DER bytes of each PEM block with this label ("PRIVATE KEY", "CERTIFICATE"), in order. */
export function pemBlocks(text, label) {
  const re = new RegExp('-----BEGIN ' + label + '-----([\\s\\S]*?)-----END ' + label + '-----', 'g');
  return [...text.matchAll(re)].map(m => fromBase64(m[1].replace(/\s+/g, '')));
}

const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/** The Ed25519 SubjectPublicKeyInfo inside a certificate's DER (a fixed 44-byte structure, RFC 8410). */
export function ed25519Spki(certificateDer) {
  outer: for (let i = 0; i + 44 <= certificateDer.length; i++) {
    for (let j = 0; j < ED25519_SPKI_PREFIX.length; j++) {
      if (certificateDer[i + j] !== ED25519_SPKI_PREFIX[j]) continue outer;
    }
    return certificateDer.slice(i, i + 44);
  }
  throw new Error('the certificate has no Ed25519 key');
}

/** A signer from a PKCS#8 PEM private key and a PEM certificate chain (signer first). */
export async function importSigner(keyPem, certPem) {
  const keys = pemBlocks(keyPem, 'PRIVATE KEY');
  const chain = pemBlocks(certPem, 'CERTIFICATE');
  if (keys.length !== 1) throw new Error('key-file');
  if (chain.length < 1) throw new Error('cert-file');
  return importSignerDer(keys[0], chain);
}

/**
 * A signer from a PKCS#8 private key and certificates (DER): the certificate whose key the private key matches (checked
 * by signing and verifying a probe) goes first in x5c, the others after it; the key is kept non-extractable.
 */
export async function importSignerDer(pkcs8, certificates) {
  const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
  const probe = crypto.getRandomValues(new Uint8Array(32));
  const signature = await crypto.subtle.sign({ name: 'Ed25519' }, key, probe);
  for (let i = 0; i < certificates.length; i++) {
    let publicKey;
    try {
      publicKey = await crypto.subtle.importKey('spki', ed25519Spki(certificates[i]), { name: 'Ed25519' }, false, ['verify']);
    } catch (e) {
      continue;
    }
    if (await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature, probe)) {
      const chain = [certificates[i], ...certificates.filter((_, j) => j !== i)];
      return { key, x5c: chain.map(base64) };
    }
  }
  throw new Error('key-mismatch');
}

/** A fresh envelope: a random command id and the signing time in UTC to the second. */
export function envelope(type, command) {
  return { commandId: crypto.randomUUID(), type, signedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), command };
}

/** The exact bytes that will be signed as payload: the envelope's canonical JSON. */
export function payloadText(env) {
  return canonicalize(env);
}

/** The flattened JWS JSON of an envelope. */
export async function sign(signer, env) {
  const header = canonicalize({ alg: 'EdDSA', typ: 'registry-command+jws', x5c: signer.x5c });
  const protectedB64 = base64url(encoder.encode(header));
  const payloadB64 = base64url(encoder.encode(payloadText(env)));
  const signature = await crypto.subtle.sign({ name: 'Ed25519' }, signer.key, encoder.encode(protectedB64 + '.' + payloadB64));
  return JSON.stringify({ protected: protectedB64, payload: payloadB64, signature: base64url(signature) });
}

// The signer of this browser, kept between pages in IndexedDB (CryptoKey objects are stored as they are, still
// non-extractable).
const DB = 'mn-registry', STORE = 'signer';

function db() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function tx(mode, fn) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const t = d.transaction(STORE, mode);
    const request = fn(t.objectStore(STORE));
    t.oncomplete = () => resolve(request.result);
    t.onerror = () => reject(t.error);
  });
}

export const keep = signer => tx('readwrite', s => s.put(signer, 'current'));
export const kept = () => tx('readonly', s => s.get('current'));
export const forget = () => tx('readwrite', s => s.delete('current'));
