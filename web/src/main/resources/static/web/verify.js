// "Verify this decision" in the browser: a log bundle (mn.registry/log-bundle@v2, ADR 0015; v1 still read) is checked
// against the log key the registry publishes: the record's leaf hash, its RFC 9162 inclusion proof up to the
// checkpoint's root, the checkpoint's C2SP signed-note signature (Ed25519), and the disclosed fields against the
// registry's sealed commitment (each disclosure's SHA-256 among its digests, the record made of exactly the disclosed
// fields, the commitment's Ed25519 seal by the key of the seal certificate). A v1 bundle's signed command (JWS) is
// checked as before. Certificate chains and the time-stamp are checked by verifier.jar.
import { base64url, canonicalize, ed25519Spki, fromBase64 } from './signing.js';

const form = document.getElementById('verify-form');
const results = document.getElementById('verify-results');
const verdict = document.getElementById('verify-verdict');
const msg = key => results.dataset[key] || key;
const encoder = new TextEncoder();

const sha256 = async bytes => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};
const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const leafHash = data => sha256(concat(new Uint8Array([0]), data));
const nodeHash = (l, r) => sha256(concat(new Uint8Array([1]), l, r));
const ed25519 = raw => crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);

/** RFC 9162 §2.1.3.2. */
export async function verifyInclusion(index, size, leaf, proof, root) {
  if (index < 0 || index >= size) return false;
  let fn = BigInt(index), sn = BigInt(size) - 1n, r = leaf;
  for (const p of proof) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n; sn >>= 1n;
  }
  return sn === 0n && equal(r, root);
}

/** A C2SP verifier key "name+hash+base64(0x01 || key)", its hash checked. */
async function noteKey(text) {
  const line = text.trim();
  const a = line.indexOf('+'), b = line.indexOf('+', a + 1);
  if (a < 1 || b < 0) throw new Error('key');
  const name = line.slice(0, a), hash = line.slice(a + 1, b), b64 = line.slice(b + 1);
  const typed = fromBase64(b64);
  if (typed.length !== 33 || typed[0] !== 1) throw new Error('key');
  const h = await sha256(concat(encoder.encode(name), new Uint8Array([10, 1]), typed.slice(1)));
  const hex = [...h.slice(0, 4)].map(x => x.toString(16).padStart(2, '0')).join('');
  if (hex !== hash) throw new Error('key');
  return { name, hash: h.slice(0, 4), key: typed.slice(1) };
}

/** The checkpoint text if the note carries a valid signature by this key. */
async function verifyNote(note, key) {
  const split = note.lastIndexOf('\n\n');
  const text = note.slice(0, split + 1);
  for (const line of note.slice(split + 2).split('\n')) {
    if (!line.startsWith('\u2014 ')) continue;
    const [name, b64] = line.slice(2).split(' ');
    const blob = fromBase64(b64);
    if (name === key.name && equal(blob.slice(0, 4), key.hash)) {
      const ok = await crypto.subtle.verify({ name: 'Ed25519' }, await ed25519(key.key), blob.slice(4), encoder.encode(text));
      return ok ? text : null;
    }
  }
  return null;
}

function parseProof(text) {
  const lines = text.split('\n');
  let at = 0;
  if (lines[at++] !== 'c2sp.org/tlog-proof@v1') throw new Error('proof');
  if (lines[at].startsWith('extra ')) at++;
  const index = Number(lines[at++].slice(6));
  const hashes = [];
  while (lines[at] !== '') hashes.push(fromBase64(lines[at++]));
  return { index, hashes, checkpoint: lines.slice(at + 1).join('\n') };
}

async function verifyCommand(bundle) {
  if (!bundle.jws) return null;
  const jws = JSON.parse(bundle.jws);
  const header = JSON.parse(new TextDecoder().decode(fromBase64(jws.protected)));
  const payload = JSON.parse(new TextDecoder().decode(fromBase64(jws.payload)));
  const der = fromBase64(header.x5c[0]);
  const key = await crypto.subtle.importKey('spki', ed25519Spki(der), { name: 'Ed25519' }, false, ['verify']);
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(jws.signature), encoder.encode(jws.protected + '.' + jws.payload));
  return ok && header.alg === 'EdDSA' && payload.commandId === bundle.record.commandId;
}

const jsonOrText = text => {
  if (text === null || text === undefined) return null;
  try { return JSON.parse(text); } catch (e) { return text; }
};

/** ADR 0015: null for an event sealed before selective disclosure (only its leaf is checkable), else whether all holds. */
async function verifyDisclosures(bundle) {
  const c = bundle.commitment;
  if (!c) return (bundle.disclosures || []).length === 0 ? null : false;
  const digests = new Set(c.sd);
  const payload = {};
  for (const d of bundle.disclosures) {
    if (!digests.delete(base64url(await sha256(encoder.encode(d))))) return false;
    const [, name, value] = JSON.parse(new TextDecoder().decode(fromBase64(d)));
    if (Object.prototype.hasOwnProperty.call(payload, name)) return false;
    payload[name] = value;
  }
  const r = bundle.record, meta = jsonOrText(c.metaData) || {};
  const same = (a, b) => (a ?? null) === (b ?? null);
  if (canonicalize(payload) !== canonicalize(r.payload) || !same(r.eventId, c.eventId) || !same(r.aggregateType, c.aggregateType)
      || !same(r.aggregateId, c.aggregateId) || !same(r.seq, c.seq) || !same(r.type, c.payloadType) || !same(r.timestamp, c.timestamp)
      || !same(r.sealHash, c.sealHash) || !same(r.sealKeyId, c.keyId) || !same(r.commandId, meta.commandId)
      || !same(r.actingOfficial, meta.signedBy) || !same(r.jwsSha256, meta.jwsSha256)
      || canonicalize(r.actingRoles ?? null) !== canonicalize(Array.isArray(meta.actingRoles) ? meta.actingRoles : null) // ADR 0061 item 14
      || !same(r.actingZone, typeof meta.actingZone === 'string' ? meta.actingZone : null)) return false; // ADR 0061 item 15
  const sealed = {
    eventId: c.eventId ?? null, aggregateType: c.aggregateType ?? null, aggregateId: c.aggregateId ?? null, seq: c.seq,
    timestamp: c.timestamp ?? null, payloadType: c.payloadType ?? null, payloadRevision: c.payloadRevision ?? null,
    payload: { _sd: c.sd, _sd_alg: 'sha-256' }, metaData: jsonOrText(c.metaData), prevHash: c.prevHash ?? null, sealHash: c.sealHash ?? null
  };
  const key = await crypto.subtle.importKey('spki', ed25519Spki(fromBase64(bundle.sealCertificates[0])), { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(c.seal), encoder.encode(canonicalize(sealed)));
}

function show(key, ok) {
  const li = document.createElement('li');
  li.className = ok ? 'verify-good' : 'verify-bad';
  li.dataset.check = key;
  li.textContent = (ok ? '\u2714 ' : '\u2718 ') + msg(key);
  results.append(li);
}

export async function verify(bundle, logKeyText) {
  results.replaceChildren();
  const checks = [];
  const key = await noteKey(logKeyText);
  checks.push(['key', bundle.logKey.trim() === logKeyText.trim()]);
  const proof = parseProof(bundle.proof);
  const checkpoint = await verifyNote(proof.checkpoint, key);
  checks.push(['checkpoint', checkpoint !== null]);
  const [, size, root] = (checkpoint || '\n0\n').split('\n');
  const leaf = await leafHash(encoder.encode(canonicalize(bundle.record)));
  checks.push(['leaf', proof.index === bundle.logIndex && bundle.record.position !== undefined]);
  checks.push(['inclusion', checkpoint !== null && await verifyInclusion(proof.index, Number(size), leaf, proof.hashes, fromBase64(root))]);
  if (bundle.format === 'mn.registry/log-bundle@v2') {
    const disclosed = await verifyDisclosures(bundle);
    checks.push([disclosed === null ? 'sealedBefore' : 'disclosed', disclosed !== false]);
  } else {
    const command = await verifyCommand(bundle);
    checks.push([command === null ? 'noCommand' : 'command', command !== false]);
  }
  checks.forEach(([k, ok]) => show(k, ok));
  const all = checks.every(([, ok]) => ok);
  verdict.textContent = all ? msg('ok') : msg('fail');
  verdict.className = all ? 'verify-good' : 'verify-bad';
  verdict.dataset.outcome = all ? 'verified' : 'failed';
  return all;
}

/** Why a text is not a proof bundle, in words (issue 16: a non-bundle showed a JavaScript error text), or null if it is one. */
export function notABundle(text) {
  let bundle;
  try {
    bundle = JSON.parse(text);
  } catch (e) {
    return text.trim() === '' ? 'empty' : 'notJson';
  }
  if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle)) return 'notBundle';
  const has = name => typeof bundle[name] === 'string' && bundle[name].length > 0;
  if (!bundle.record || typeof bundle.record !== 'object' || !has('proof') || !has('logKey') || typeof bundle.logIndex !== 'number') return 'notBundle';
  return null;
}

function refuse(key) {
  results.replaceChildren();
  verdict.textContent = msg(key);
  verdict.className = 'verify-bad';
  verdict.dataset.outcome = 'failed';
  verdict.dataset.reason = key;
}

async function run(text) {
  const why = notABundle(text);
  if (why) {
    refuse(why);
    return;
  }
  const bundle = JSON.parse(text);
  const logKey = await (await fetch('/api/public/log/key')).text();
  try {
    await verify(bundle, logKey);
  } catch (e) {
    // a bundle in shape whose parts cannot be read (cut short or altered): said in words, the script's error only in the console
    console.info('bundle not readable', e);
    refuse('broken');
  }
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const file = form.elements.file.files[0];
  await run(file ? await file.text() : form.elements.bundle.value);
});

if (form.dataset.index) {
  fetch('/api/public/bundle/' + encodeURIComponent(form.dataset.index)).then(r => r.text()).then(text => {
    form.elements.bundle.value = text;
    return run(text);
  });
}
