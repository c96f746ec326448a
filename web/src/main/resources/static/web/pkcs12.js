// A PKCS#12 file (RFC 7292) opened in the browser: the first private key (a PKCS#8 shrouded key bag) and the
// certificates, decrypted with WebCrypto. Supports what Java 17+ and OpenSSL 3 write by default: PBES2 (RFC 8018)
// with PBKDF2 (HMAC-SHA-1/224/256/384/512) and AES-128/192/256-CBC. Legacy PKCS#12 PBE (3DES, RC2) is refused.

const OID = {
  data: '1.2.840.113549.1.7.1', encryptedData: '1.2.840.113549.1.7.6',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2', certBag: '1.2.840.113549.1.12.10.1.3',
  x509: '1.2.840.113549.1.9.22.1', pbes2: '1.2.840.113549.1.5.13', pbkdf2: '1.2.840.113549.1.5.12'
};
const PRF = { '1.2.840.113549.2.7': 'SHA-1', '1.2.840.113549.2.9': 'SHA-256', '1.2.840.113549.2.10': 'SHA-384', '1.2.840.113549.2.11': 'SHA-512' };
const AES = { '2.16.840.1.101.3.4.1.2': 128, '2.16.840.1.101.3.4.1.22': 192, '2.16.840.1.101.3.4.1.42': 256 };

/** One DER element: tag, its content bytes, and its children when constructed. */
function der(bytes, at = 0) {
  const tag = bytes[at];
  let length = bytes[at + 1], offset = at + 2;
  if (length === 0x80) throw new Error('p12-ber');
  if (length & 0x80) {
    const n = length & 0x7f;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[offset + i];
    offset += n;
  }
  const content = bytes.subarray(offset, offset + length);
  const node = { tag, content, end: offset + length };
  if (tag & 0x20) {
    node.children = [];
    for (let p = 0; p < content.length;) {
      const child = der(content, p);
      node.children.push(child);
      p = child.end;
    }
  }
  return node;
}

function oid(node) {
  const b = node.content, parts = [Math.floor(b[0] / 40), b[0] % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) { parts.push(v); v = 0; }
  }
  return parts.join('.');
}

const integer = node => node.content.reduce((n, b) => n * 256 + b, 0);

/** The content of an OCTET STRING, joining the pieces of a constructed one. */
function octets(node) {
  if (!node.children) return node.content;
  const parts = node.children.map(octets), out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

async function pbes2Decrypt(algorithm, data, password) {
  if (oid(algorithm.children[0]) !== OID.pbes2) throw new Error('p12-legacy');
  const [kdf, scheme] = algorithm.children[1].children;
  if (oid(kdf.children[0]) !== OID.pbkdf2) throw new Error('p12-legacy');
  const params = kdf.children[1].children;
  const salt = params[0].content, iterations = integer(params[1]);
  const prfNode = params.find((p, i) => i >= 2 && p.tag === 0x30);
  const hash = prfNode ? PRF[oid(prfNode.children[0])] : 'SHA-1';
  const bits = AES[oid(scheme.children[0])];
  if (!hash || !bits) throw new Error('p12-legacy');
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash }, base, { name: 'AES-CBC', length: bits }, false, ['decrypt']);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: scheme.children[1].content }, key, data));
  } catch (e) {
    throw new Error('p12-password');
  }
}

/** {keyPkcs8, certificates: [DER...]} from the bytes of a .p12 file and its password. */
export async function openPkcs12(bytes, password) {
  const pfx = der(new Uint8Array(bytes));
  const authSafe = pfx.children[1];
  if (oid(authSafe.children[0]) !== OID.data) throw new Error('p12-format');
  const contents = der(octets(authSafe.children[1].children[0]));
  let keyPkcs8 = null;
  const certificates = [];
  for (const info of contents.children) {
    const type = oid(info.children[0]);
    let safeContents;
    if (type === OID.data) {
      safeContents = octets(info.children[1].children[0]);
    } else if (type === OID.encryptedData) {
      const encryptedContentInfo = info.children[1].children[0].children[1];
      const [, algorithm, encrypted] = encryptedContentInfo.children;
      safeContents = await pbes2Decrypt(algorithm, octets(encrypted), password);
    } else {
      continue;
    }
    for (const bag of der(safeContents).children) {
      const bagId = oid(bag.children[0]), value = bag.children[1].children[0];
      if (bagId === OID.shroudedKeyBag && !keyPkcs8) {
        keyPkcs8 = await pbes2Decrypt(value.children[0], value.children[1].content, password);
      } else if (bagId === OID.certBag && oid(value.children[0]) === OID.x509) {
        certificates.push(octets(value.children[1].children[0]));
      }
    }
  }
  if (!keyPkcs8 || certificates.length === 0) throw new Error('p12-format');
  return { keyPkcs8, certificates };
}
