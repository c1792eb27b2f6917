// `openssl` on a node, as CentOS 7's OpenSSL 1.0.2k: genrsa, req (-new, -x509, -newkey), x509
// (-req signing with a CA, -text/-subject/-dates/-fingerprint...), rsa, rand, dgst, base64,
// version. Keys and certificates are real: RSA keys come from Node's crypto (fast, off the main
// thread), X.509 structures from node-forge, so `kubectl create secret tls`, the ingress
// controller's TLS and the real openssl all accept them. Messages follow openssl 1.0.2's.
// Upstream: openssl 1.0.2 apps/req.c, apps/x509.c, apps/genrsa.c, crypto/x509/t_x509.c.
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import type { Command, CommandContext } from '../shell/command-context';

const VERSION = 'OpenSSL 1.0.2k-fips  26 Jan 2017';

class OpensslError extends Error {}

/** The value of `-name VALUE` options and the set of flags, in openssl's single-dash style. */
function parseArgs(args: string[], withValue: Set<string>): { opts: Map<string, string>; flags: Set<string>; rest: string[]; bad?: string } {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a.length > 1) {
      const name = a.replace(/^--?/, '');
      if (withValue.has(name)) {
        const v = args[++i];
        if (v === undefined) return { opts, flags, rest, bad: a };
        opts.set(name, v);
      } else flags.add(name);
    } else rest.push(a);
  }
  return { opts, flags, rest };
}

function readFile(ctx: CommandContext, name: string, what = 'file'): string {
  const p = ctx.resolvePath(name);
  if (!ctx.fs.isFile(p)) throw new OpensslError(`Error opening ${what} ${name}\n140735283779424:error:02001002:system library:fopen:No such file or directory:bss_file.c:402:fopen('${name}','r')\n140735283779424:error:20074002:BIO routines:FILE_CTRL:system lib:bss_file.c:404:\nunable to load ${what}`);
  return ctx.fs.readFile(p);
}

function writeOut(ctx: CommandContext, name: string | undefined, text: string, mode?: number): Promise<void> | void {
  if (name === undefined) return ctx.stdout.write(text);
  try {
    ctx.fs.writeFile(ctx.resolvePath(name), text, mode === undefined ? {} : { mode });
  } catch (err) {
    throw new OpensslError(`${name}: ${(err as Error).message}`);
  }
}

// ---- keys ----

function generateRsa(bits: number): Promise<KeyObject> {
  return new Promise((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: bits, publicExponent: 65537 }, (err, _pub, priv) => (err ? reject(err) : resolve(priv))),
  );
}

/** The dots and pluses openssl prints while searching for primes (cosmetic; the key is Node's). */
function primeProgress(): string {
  const line = () => '.'.repeat(3 + randomBytes(1)[0] % 40) + '+++';
  return `${line()}\n${line()}\n`;
}

async function readPassphrase(ctx: CommandContext, prompt: string): Promise<string> {
  await ctx.stderr.write(prompt);
  // Like openssl's UI, the pass phrase is not echoed.
  ctx.terminal.setRawMode(true);
  let text = '';
  try {
    for (;;) {
      const chunk = await ctx.stdin.read();
      if (chunk === null) break;
      const end = chunk.search(/[\r\n]/);
      if (chunk.includes('\x03')) throw new OpensslError('');
      text += end >= 0 ? chunk.slice(0, end) : chunk;
      if (end >= 0) break;
    }
  } finally {
    ctx.terminal.setRawMode(false);
    await ctx.stderr.write('\n');
  }
  return text;
}

async function loadPrivateKey(ctx: CommandContext, name: string, passin?: string): Promise<KeyObject> {
  const pem = readFile(ctx, name, 'Private Key');
  const encrypted = /ENCRYPTED/.test(pem);
  let passphrase = passin?.replace(/^pass:/, '');
  if (encrypted && passphrase === undefined) passphrase = await readPassphrase(ctx, `Enter pass phrase for ${name}:`);
  try {
    return createPrivateKey(encrypted ? { key: pem, passphrase: passphrase ?? '' } : pem);
  } catch {
    throw new OpensslError(`unable to load Private Key\n140735283779424:error:0906D06C:PEM routines:PEM_read_bio:no start line:pem_lib.c:707:Expecting: ANY PRIVATE KEY`);
  }
}

function forgePrivateKey(key: KeyObject): forge.pki.rsa.PrivateKey {
  return forge.pki.privateKeyFromPem(key.export({ type: 'pkcs1', format: 'pem' }) as string);
}

function forgePublicKey(key: KeyObject): forge.pki.rsa.PublicKey {
  return forge.pki.publicKeyFromPem(createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string);
}

function keyPem(key: KeyObject, type: 'pkcs1' | 'pkcs8', passphrase?: string): string {
  if (passphrase !== undefined) return key.export({ type, format: 'pem', cipher: 'des-ede3-cbc', passphrase }) as string;
  return key.export({ type, format: 'pem' }) as string;
}

// ---- names ----

type Attr = { shortName?: string; name?: string; type?: string; value: string };

const FIELD_NAMES: Record<string, string> = { C: 'C', ST: 'ST', L: 'L', O: 'O', OU: 'OU', CN: 'CN', emailAddress: 'E', E: 'E', serialNumber: 'serialNumber', DC: 'DC', UID: 'UID' };

/** `-subj "/CN=nginxsvc/O=nginxsvc"` → attributes, in order. */
export function parseSubject(subj: string): Attr[] {
  if (!subj.startsWith('/')) throw new OpensslError("Subject does not start with '/'.");
  const attrs: Attr[] = [];
  const parts = subj.slice(1).split(/(?<!\\)\//).filter((p) => p !== '');
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new OpensslError(`Hit end of string before finding the equals.`);
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1).replace(/\\\//g, '/');
    if (value === '') continue; // openssl skips empty fields
    const short = FIELD_NAMES[key];
    if (!short) throw new OpensslError(`Subject Attribute ${key} has no known NID, skipped`);
    attrs.push(short === 'E' ? { name: 'emailAddress', value } : short === 'DC' ? { type: '0.9.2342.19200300.100.1.25', value } : short === 'UID' ? { type: '0.9.2342.19200300.100.1.1', value } : { shortName: short, value });
  }
  return attrs;
}

const PRINT_NAMES: Record<string, string> = { emailAddress: 'emailAddress', '0.9.2342.19200300.100.1.25': 'DC', '0.9.2342.19200300.100.1.1': 'UID' };

function attrLabel(a: forge.pki.CertificateField): string {
  return a.shortName ?? PRINT_NAMES[a.name ?? ''] ?? PRINT_NAMES[a.type ?? ''] ?? a.name ?? a.type ?? '?';
}

/** `CN=nginxsvc, O=nginxsvc`, as X509_NAME_print (the -text form) shows it. */
function nameText(attrs: forge.pki.CertificateField[]): string {
  return attrs.map((a) => `${attrLabel(a)}=${a.value}`).join(', ');
}

/** `/CN=nginxsvc/O=nginxsvc`, as X509_NAME_oneline (-subject, the signing messages) shows it. */
function nameOneline(attrs: forge.pki.CertificateField[]): string {
  return attrs.map((a) => `/${attrLabel(a)}=${a.value}`).join('');
}

// ---- text dumps ----

function hexColons(bytes: Buffer | string, upper = false): string {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'binary') : bytes;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0'));
  return (upper ? hex.map((h) => h.toUpperCase()) : hex).join(':');
}

function wrapHex(bytes: Buffer, perLine: number, indent: number): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += perLine) {
    const chunk = [...bytes.subarray(i, i + perLine)].map((x) => x.toString(16).padStart(2, '0')).join(':');
    out.push(' '.repeat(indent) + chunk + (i + perLine < bytes.length ? ':' : ''));
  }
  return out.join('\n');
}

function publicKeyText(key: forge.pki.rsa.PublicKey, indent: number): string {
  const pad = ' '.repeat(indent);
  let modHex = key.n.toString(16);
  if (modHex.length % 2) modHex = '0' + modHex;
  let mod = Buffer.from(modHex, 'hex');
  if (mod[0] & 0x80) mod = Buffer.concat([Buffer.from([0]), mod]);
  const e = key.e.intValue();
  return [
    `${pad}Public Key Algorithm: rsaEncryption`,
    `${pad}    Public-Key: (${key.n.bitLength()} bit)`,
    `${pad}    Modulus:`,
    wrapHex(mod, 15, indent + 8),
    `${pad}    Exponent: ${e} (0x${e.toString(16)})`,
  ].join('\n');
}

const SIG_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
};

function openSslDate(d: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

function serialText(hex: string): string {
  // Serials that fit in a C long print in decimal and hex, longer ones as hex bytes.
  // OpenSSL keeps the magnitude without DER's sign byte; up to 8 bytes print as an unsigned long.
  let bytes = Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex');
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  if (bytes.length <= 8) {
    const v = BigInt('0x' + (bytes.toString('hex') || '0'));
    return `Serial Number: ${v} (0x${v.toString(16)})`;
  }
  return `Serial Number:\n            ${hexColons(bytes)}`;
}

function extensionsText(cert: forge.pki.Certificate): string[] {
  const out: string[] = [];
  for (const ext of cert.extensions as Record<string, unknown>[]) {
    const crit = ext.critical ? ' critical' : '';
    switch (ext.name) {
      case 'subjectKeyIdentifier':
        out.push(`            X509v3 Subject Key Identifier: `, `                ${hexColons(Buffer.from(String(ext.subjectKeyIdentifier), 'hex'), true)}`);
        break;
      case 'authorityKeyIdentifier': {
        const id = akiKeyId(ext);
        out.push(`            X509v3 Authority Key Identifier: `, `                keyid:${id}`, '');
        break;
      }
      case 'basicConstraints':
        out.push(`            X509v3 Basic Constraints:${crit} `, `                CA:${ext.cA ? 'TRUE' : 'FALSE'}`);
        break;
      case 'keyUsage': {
        const names: [string, string][] = [['digitalSignature', 'Digital Signature'], ['nonRepudiation', 'Non Repudiation'], ['keyEncipherment', 'Key Encipherment'], ['dataEncipherment', 'Data Encipherment'], ['keyAgreement', 'Key Agreement'], ['keyCertSign', 'Certificate Sign'], ['cRLSign', 'CRL Sign']];
        out.push(`            X509v3 Key Usage:${crit} `, `                ${names.filter(([k]) => ext[k]).map(([, v]) => v).join(', ')}`);
        break;
      }
      case 'extKeyUsage': {
        const names: [string, string][] = [['serverAuth', 'TLS Web Server Authentication'], ['clientAuth', 'TLS Web Client Authentication'], ['codeSigning', 'Code Signing'], ['emailProtection', 'E-mail Protection']];
        out.push(`            X509v3 Extended Key Usage:${crit} `, `                ${names.filter(([k]) => ext[k]).map(([, v]) => v).join(', ')}`);
        break;
      }
      case 'subjectAltName': {
        const alt = (ext.altNames as { type: number; value?: string; ip?: string }[]).map((n) => (n.type === 2 ? `DNS:${n.value}` : n.type === 7 ? `IP Address:${n.ip}` : n.type === 1 ? `email:${n.value}` : `URI:${n.value}`));
        out.push(`            X509v3 Subject Alternative Name:${crit} `, `                ${alt.join(', ')}`);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function akiKeyId(ext: Record<string, unknown>): string {
  // forge keeps the extension's DER value: SEQUENCE { [0] keyIdentifier }.
  try {
    const asn = forge.asn1.fromDer(String(ext.value));
    const first = (asn.value as forge.asn1.Asn1[])[0];
    return hexColons(Buffer.from(String(first.value), 'binary'), true);
  } catch {
    return '';
  }
}

function signatureBytes(sig: string): Buffer {
  return Buffer.from(sig, 'binary');
}

export function certificateText(cert: forge.pki.Certificate): string {
  const sigName = SIG_NAMES[cert.siginfo.algorithmOid] ?? cert.siginfo.algorithmOid;
  const lines = [
    'Certificate:',
    '    Data:',
    `        Version: ${cert.version + 1} (0x${cert.version.toString(16)})`,
    `        ${serialText(cert.serialNumber)}`,
    `    Signature Algorithm: ${sigName}`,
    `        Issuer: ${nameText(cert.issuer.attributes)}`,
    '        Validity',
    `            Not Before: ${openSslDate(cert.validity.notBefore)}`,
    `            Not After : ${openSslDate(cert.validity.notAfter)}`,
    `        Subject: ${nameText(cert.subject.attributes)}`,
    '        Subject Public Key Info:',
    publicKeyText(cert.publicKey as forge.pki.rsa.PublicKey, 12),
  ];
  const ext = extensionsText(cert);
  if (ext.length) lines.push('        X509v3 extensions:', ...ext);
  lines.push(`    Signature Algorithm: ${sigName}`, wrapHex(signatureBytes(cert.signature), 18, 9));
  return lines.join('\n') + '\n';
}

function csrText(csr: forge.pki.CertificateSigningRequest): string {
  const sigName = SIG_NAMES[csr.siginfo.algorithmOid ?? ''] ?? csr.siginfo.algorithmOid ?? '';
  return (
    [
      'Certificate Request:',
      '    Data:',
      '        Version: 0 (0x0)',
      `        Subject: ${nameText(csr.subject.attributes)}`,
      '        Subject Public Key Info:',
      publicKeyText(csr.publicKey as forge.pki.rsa.PublicKey, 12),
      '        Attributes:',
      '            a0:00',
      `    Signature Algorithm: ${sigName}`,
      wrapHex(signatureBytes(csr.signature), 18, 9),
    ].join('\n') + '\n'
  );
}

// ---- digests ----

const DIGESTS = new Set(['sha256', 'sha1', 'sha384', 'sha512', 'md5', 'sha224']);

function digestOf(flags: Set<string>, fallback = 'sha256'): string {
  for (const f of flags) if (DIGESTS.has(f)) return f;
  return fallback;
}

function forgeMd(name: string): forge.md.MessageDigest {
  const mds: Record<string, () => forge.md.MessageDigest> = {
    sha256: () => forge.md.sha256.create(),
    sha1: () => forge.md.sha1.create(),
    sha384: () => forge.md.sha384.create(),
    sha512: () => forge.md.sha512.create(),
    md5: () => forge.md.md5.create(),
  };
  return (mds[name] ?? mds.sha256)();
}

function randomSerial(): string {
  // 64 random bits; a set top bit needs a leading zero byte to stay positive (as openssl does).
  const b = randomBytes(8);
  return (b[0] & 0x80 ? '00' : '') + b.toString('hex');
}

/** Extensions from an `-extfile` section: `subjectAltName = DNS:a,IP:1.2.3.4`, basicConstraints, key usages. */
function parseExtFile(text: string, section?: string): Record<string, unknown>[] {
  const exts: Record<string, unknown>[] = [];
  let current: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const sec = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (sec) {
      current = sec[1];
      continue;
    }
    if (section !== undefined && current !== section) continue;
    const m = /^(\w+)\s*=\s*(.+)$/.exec(line);
    if (!m) continue;
    const [, key, value] = m;
    const critical = /^critical\s*,/.test(value);
    const v = value.replace(/^critical\s*,\s*/, '');
    if (key === 'subjectAltName') {
      const altNames = v.split(',').map((s) => s.trim()).map((s) => {
        const [t, ...rest] = s.split(':');
        const val = rest.join(':');
        return t === 'IP' ? { type: 7, ip: val } : t === 'email' ? { type: 1, value: val } : t === 'URI' ? { type: 6, value: val } : { type: 2, value: val };
      });
      exts.push({ name: 'subjectAltName', altNames, critical });
    } else if (key === 'basicConstraints') exts.push({ name: 'basicConstraints', cA: /CA:\s*TRUE/i.test(v), critical });
    else if (key === 'keyUsage') {
      const e: Record<string, unknown> = { name: 'keyUsage', critical };
      for (const u of v.split(',').map((s) => s.trim())) e[u] = true;
      exts.push(e);
    } else if (key === 'extendedKeyUsage') {
      const e: Record<string, unknown> = { name: 'extKeyUsage', critical };
      for (const u of v.split(',').map((s) => s.trim())) e[u] = true;
      exts.push(e);
    } else if (key === 'subjectKeyIdentifier') exts.push({ name: 'subjectKeyIdentifier' });
  }
  return exts;
}

// ---- subcommands ----

async function genrsa(ctx: CommandContext, args: string[]): Promise<number> {
  const p = parseArgs(args, new Set(['out', 'passout', 'rand']));
  if (p.bad) throw new OpensslError(`usage: genrsa [args] [numbits]`);
  const bits = p.rest.length ? Number(p.rest[0]) : 2048;
  if (!Number.isInteger(bits) || bits < 512 || bits > 16384) throw new OpensslError(`usage: genrsa [args] [numbits]\n -des            encrypt the generated key with DES in cbc mode\n -des3           encrypt the generated key with DES in ede cbc mode (168 bit key)\n -aes128, -aes192, -aes256\n                 encrypt PEM output with cbc aes\n -out file       output the key to 'file\n -passout arg    output file pass phrase source\n -f4             use F4 (0x10001) for the E value\n -3              use 3 for the E value`);
  const encrypt = ['des', 'des3', 'aes128', 'aes192', 'aes256'].some((c) => p.flags.has(c));
  await ctx.stderr.write(`Generating RSA private key, ${bits} bit long modulus\n`);
  const key = await generateRsa(bits);
  await ctx.stderr.write(primeProgress() + 'e is 65537 (0x10001)\n');
  let pass: string | undefined;
  if (encrypt) {
    pass = p.opts.get('passout')?.replace(/^pass:/, '') ?? (await readPassphrase(ctx, `Enter pass phrase for ${p.opts.get('out') ?? 'stdout'}:`));
    if (!p.opts.has('passout')) {
      const again = await readPassphrase(ctx, `Verifying - Enter pass phrase for ${p.opts.get('out') ?? 'stdout'}:`);
      if (again !== pass) throw new OpensslError('Verify failure\nUser interface error\nunable to write key');
    }
  }
  await writeOut(ctx, p.opts.get('out'), keyPem(key, 'pkcs1', pass), 0o644);
  return 0;
}

const DN_PROMPTS: [string, string, string, string][] = [
  ['C', 'Country Name (2 letter code)', 'XX', 'countryName'],
  ['ST', 'State or Province Name (full name)', '', 'stateOrProvinceName'],
  ['L', 'Locality Name (eg, city)', 'Default City', 'localityName'],
  ['O', 'Organization Name (eg, company)', 'Default Company Ltd', 'organizationName'],
  ['OU', 'Organizational Unit Name (eg, section)', '', 'organizationalUnitName'],
  ['CN', "Common Name (eg, your name or your server's hostname)", '', 'commonName'],
  ['E', 'Email Address', '', 'emailAddress'],
];

async function promptSubject(ctx: CommandContext, csr: boolean): Promise<Attr[]> {
  await ctx.stderr.write(
    "You are about to be asked to enter information that will be incorporated\ninto your certificate request.\nWhat you are about to enter is what is called a Distinguished Name or a DN.\nThere are quite a few fields but you can leave some blank\nFor some fields there will be a default value,\nIf you enter '.', the field will be left blank.\n-----\n",
  );
  const attrs: Attr[] = [];
  for (const [short, label, def] of DN_PROMPTS) {
    await ctx.stderr.write(`${label} [${def}]:`);
    const line = await ctx.stdin.readLine();
    if (line === null) throw new OpensslError('problems making Certificate Request');
    const value = line === '' ? def : line === '.' ? '' : line;
    if (!value) continue;
    attrs.push(short === 'E' ? { name: 'emailAddress', value } : { shortName: short, value });
  }
  if (csr) {
    await ctx.stderr.write("\nPlease enter the following 'extra' attributes\nto be sent with your certificate request\nA challenge password []:");
    await ctx.stdin.readLine();
    await ctx.stderr.write('An optional company name []:');
    await ctx.stdin.readLine();
  }
  return attrs;
}

async function req(ctx: CommandContext, args: string[]): Promise<number> {
  const p = parseArgs(args, new Set(['key', 'newkey', 'keyout', 'out', 'in', 'days', 'subj', 'config', 'extensions', 'reqexts', 'addext', 'passin', 'passout', 'set_serial', 'keyform', 'outform', 'inform']));
  if (p.bad) throw new OpensslError(`req: option ${p.bad} requires an argument`);
  const out = p.opts.get('out');
  if (p.opts.has('in') && !p.flags.has('x509')) {
    // Inspecting a request: openssl req -in x.csr -noout -text
    const csr = forge.pki.certificationRequestFromPem(readFile(ctx, p.opts.get('in')!));
    if (p.flags.has('verify')) await ctx.stderr.write(csr.verify() ? 'verify OK\n' : 'verify failure\n');
    if (p.flags.has('text')) await ctx.stdout.write(csrText(csr));
    if (p.flags.has('subject')) await ctx.stdout.write(`subject=${nameOneline(csr.subject.attributes)}\n`);
    if (!p.flags.has('noout')) await writeOut(ctx, out, forge.pki.certificationRequestToPem(csr).replace(/\r\n/g, '\n'));
    return 0;
  }
  if (!p.flags.has('new') && !p.flags.has('x509') && !p.opts.has('newkey')) throw new OpensslError('unable to load X509 request');
  let key: KeyObject;
  if (p.opts.has('key')) key = await loadPrivateKey(ctx, p.opts.get('key')!, p.opts.get('passin'));
  else {
    const spec = p.opts.get('newkey') ?? 'rsa:2048';
    const m = /^rsa:(\d+)$/.exec(spec) ?? (spec === 'rsa' ? ['', '2048'] : null);
    if (!m) throw new OpensslError(`Unknown algorithm ${spec.split(':')[0]}\nunable to generate key`);
    const bits = Number(m[1]);
    await ctx.stderr.write(`Generating a ${bits} bit RSA private key\n`);
    key = await generateRsa(bits);
    const keyout = p.opts.get('keyout') ?? 'privkey.pem';
    await ctx.stderr.write(primeProgress() + `writing new private key to '${keyout}'\n`);
    let pass: string | undefined;
    if (!p.flags.has('nodes')) {
      pass = p.opts.get('passout')?.replace(/^pass:/, '') ?? (await readPassphrase(ctx, 'Enter PEM pass phrase:'));
      if (!p.opts.has('passout')) {
        const again = await readPassphrase(ctx, 'Verifying - Enter PEM pass phrase:');
        if (again !== pass) throw new OpensslError('Verify failure\nUser interface error');
      }
      if (pass.length < 4) throw new OpensslError('phrase is too short, needs to be at least 4 chars');
    }
    await ctx.stderr.write('-----\n');
    await writeOut(ctx, keyout, keyPem(key, 'pkcs8', pass), 0o644);
  }
  let subject: Attr[];
  try {
    subject = p.opts.has('subj') ? parseSubject(p.opts.get('subj')!) : await promptSubject(ctx, !p.flags.has('x509'));
  } catch (err) {
    if (err instanceof OpensslError && p.opts.has('subj')) throw new OpensslError(`${err.message}\nproblems making Certificate Request`);
    throw err;
  }
  const priv = forgePrivateKey(key);
  const pub = forgePublicKey(key);
  const md = forgeMd(digestOf(p.flags));
  const addExts = p.opts.has('addext') ? parseExtFile(p.opts.get('addext')!) : [];
  if (p.flags.has('x509')) {
    const cert = forge.pki.createCertificate();
    cert.publicKey = pub;
    cert.serialNumber = p.opts.has('set_serial') ? BigInt(p.opts.get('set_serial')!).toString(16) : randomSerial();
    const now = ctx.clock.now();
    const days = Number(p.opts.get('days') ?? '30');
    cert.validity.notBefore = new Date(now);
    cert.validity.notAfter = new Date(now + days * 86_400_000);
    cert.setSubject(subject);
    cert.setIssuer(subject);
    // openssl.cnf's v3_ca section, which `req -x509` applies.
    cert.setExtensions([{ name: 'subjectKeyIdentifier' }, { name: 'authorityKeyIdentifier', keyIdentifier: true }, { name: 'basicConstraints', cA: true }, ...addExts]);
    cert.sign(priv, md);
    const pem = forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n');
    if (p.flags.has('text')) await writeOut(ctx, out, certificateText(cert) + (p.flags.has('noout') ? '' : pem));
    else if (!p.flags.has('noout')) await writeOut(ctx, out, pem);
    return 0;
  }
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = pub;
  csr.setSubject(subject);
  if (addExts.length) csr.setAttributes([{ name: 'extensionRequest', extensions: addExts }]);
  csr.sign(priv, md);
  const pem = forge.pki.certificationRequestToPem(csr).replace(/\r\n/g, '\n');
  if (p.flags.has('text')) await writeOut(ctx, out, csrText(csr) + (p.flags.has('noout') ? '' : pem));
  else if (!p.flags.has('noout')) await writeOut(ctx, out, pem);
  return 0;
}

function serialFileName(caFile: string): string {
  const base = caFile.replace(/\.[^./]*$/, '');
  return base + '.srl';
}

async function x509(ctx: CommandContext, args: string[]): Promise<number> {
  const p = parseArgs(args, new Set(['in', 'out', 'CA', 'CAkey', 'CAserial', 'days', 'set_serial', 'signkey', 'extfile', 'extensions', 'passin', 'inform', 'outform', 'nameopt', 'certopt']));
  if (p.bad) throw new OpensslError(`x509: option ${p.bad} requires an argument`);
  const out = p.opts.get('out');
  const input = p.opts.has('in') ? readFile(ctx, p.opts.get('in')!, p.flags.has('req') ? 'certificate request' : 'certificate') : await ctx.stdin.readAll();
  let cert: forge.pki.Certificate;
  if (p.flags.has('req')) {
    let csr: forge.pki.CertificateSigningRequest;
    try {
      csr = forge.pki.certificationRequestFromPem(input);
    } catch {
      throw new OpensslError('unable to load certificate request\n140735283779424:error:0906D06C:PEM routines:PEM_read_bio:no start line:pem_lib.c:707:Expecting: CERTIFICATE REQUEST');
    }
    if (!csr.verify()) throw new OpensslError('Signature did not match the certificate request');
    await ctx.stderr.write(`Signature ok\nsubject=${nameOneline(csr.subject.attributes)}\n`);
    cert = forge.pki.createCertificate();
    cert.publicKey = csr.publicKey!;
    cert.setSubject(csr.subject.attributes);
    const now = ctx.clock.now();
    const days = Number(p.opts.get('days') ?? '30');
    cert.validity.notBefore = new Date(now);
    cert.validity.notAfter = new Date(now + days * 86_400_000);
    const exts = p.opts.has('extfile') ? parseExtFile(readFile(ctx, p.opts.get('extfile')!, 'extensions file'), p.opts.get('extensions')) : [];
    let signer: KeyObject;
    if (p.opts.has('CA')) {
      const caName = p.opts.get('CA')!;
      const ca = forge.pki.certificateFromPem(readFile(ctx, caName, 'certificate'));
      await ctx.stderr.write('Getting CA Private Key\n');
      signer = await loadPrivateKey(ctx, p.opts.get('CAkey') ?? caName, p.opts.get('passin'));
      cert.setIssuer(ca.subject.attributes);
      // The serial comes from CA.srl, created with -CAcreateserial and incremented on each use.
      if (p.opts.has('set_serial')) cert.serialNumber = BigInt(p.opts.get('set_serial')!).toString(16);
      else {
        const srl = p.opts.get('CAserial') ?? serialFileName(caName);
        const srlPath = ctx.resolvePath(srl);
        let serial: bigint;
        if (ctx.fs.isFile(srlPath)) serial = BigInt('0x' + ctx.fs.readFile(srlPath).trim()) + 1n;
        else if (p.flags.has('CAcreateserial')) serial = BigInt('0x' + randomSerial()) + 1n;
        else throw new OpensslError(`${srl}: No such file or directory\nerror while loading serial number`);
        let hex = serial.toString(16).toUpperCase();
        if (hex.length % 2) hex = '0' + hex;
        ctx.fs.writeFile(srlPath, hex + '\n');
        cert.serialNumber = (parseInt(hex.slice(0, 2), 16) & 0x80 ? '00' : '') + hex.toLowerCase();
      }
      if (exts.length) {
        const caSki = ca.generateSubjectKeyIdentifier().getBytes();
        cert.setExtensions([...exts, { name: 'authorityKeyIdentifier', keyIdentifier: caSki }]);
      }
    } else if (p.opts.has('signkey')) {
      await ctx.stderr.write('Getting Private key\n');
      signer = await loadPrivateKey(ctx, p.opts.get('signkey')!, p.opts.get('passin'));
      cert.setIssuer(csr.subject.attributes);
      cert.serialNumber = p.opts.has('set_serial') ? BigInt(p.opts.get('set_serial')!).toString(16) : randomSerial();
      if (exts.length) cert.setExtensions(exts);
    } else throw new OpensslError('We need a private key to sign with');
    // Without extensions openssl 1.0.2 issues a version 1 certificate.
    cert.version = exts.length ? 2 : 0;
    cert.sign(forgePrivateKey(signer), forgeMd(digestOf(p.flags)));
  } else {
    try {
      cert = forge.pki.certificateFromPem(input);
    } catch {
      throw new OpensslError('unable to load certificate\n140735283779424:error:0906D06C:PEM routines:PEM_read_bio:no start line:pem_lib.c:707:Expecting: TRUSTED CERTIFICATE');
    }
  }
  // Printing options, in the order given, as openssl does.
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  let text = '';
  for (const a of args) {
    const f = a.replace(/^-+/, '');
    if (f === 'subject') text += `subject= ${nameOneline(cert.subject.attributes)}\n`;
    else if (f === 'issuer') text += `issuer= ${nameOneline(cert.issuer.attributes)}\n`;
    else if (f === 'dates') text += `notBefore=${openSslDate(cert.validity.notBefore)}\nnotAfter=${openSslDate(cert.validity.notAfter)}\n`;
    else if (f === 'startdate') text += `notBefore=${openSslDate(cert.validity.notBefore)}\n`;
    else if (f === 'enddate') text += `notAfter=${openSslDate(cert.validity.notAfter)}\n`;
    else if (f === 'serial') text += `serial=${cert.serialNumber.replace(/^00(?=[89a-f])/, '').toUpperCase()}\n`;
    else if (f === 'fingerprint') {
      const alg = digestOf(p.flags, 'sha1');
      text += `${alg.toUpperCase()} Fingerprint=${hexColons(createHash(alg).update(der).digest(), true)}\n`;
    } else if (f === 'pubkey') text += forge.pki.publicKeyToPem(cert.publicKey).replace(/\r\n/g, '\n');
    else if (f === 'modulus') text += `Modulus=${(cert.publicKey as forge.pki.rsa.PublicKey).n.toString(16).toUpperCase()}\n`;
    else if (f === 'text') text += certificateText(cert);
  }
  const pem = forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n');
  await writeOut(ctx, out, text + (p.flags.has('noout') ? '' : pem));
  return 0;
}

async function rsa(ctx: CommandContext, args: string[]): Promise<number> {
  const p = parseArgs(args, new Set(['in', 'out', 'passin', 'passout', 'inform', 'outform']));
  const key = p.opts.has('in') ? await loadPrivateKey(ctx, p.opts.get('in')!, p.opts.get('passin')) : createPrivateKey(await ctx.stdin.readAll());
  if (p.flags.has('check')) await ctx.stdout.write('RSA key ok\n');
  if (p.flags.has('text')) {
    const pub = forgePublicKey(key);
    await ctx.stdout.write(`Private-Key: (${pub.n.bitLength()} bit)\n` + publicKeyText(pub, 0).split('\n').slice(2).map((l) => l.replace(/^ {4}/, '')).join('\n').replace('Modulus:', 'modulus:').replace('Exponent:', 'publicExponent:') + '\n');
  }
  if (p.flags.has('modulus')) await ctx.stdout.write(`Modulus=${forgePublicKey(key).n.toString(16).toUpperCase()}\n`);
  if (p.flags.has('noout')) return 0;
  await ctx.stderr.write('writing RSA key\n');
  const pem = p.flags.has('pubout') ? (createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string) : keyPem(key, 'pkcs1');
  await writeOut(ctx, p.opts.get('out'), pem);
  return 0;
}

async function rand(ctx: CommandContext, args: string[]): Promise<number> {
  const p = parseArgs(args, new Set(['out', 'rand', 'engine']));
  const n = Number(p.rest[0]);
  if (!p.rest.length || !Number.isInteger(n) || n < 0) throw new OpensslError('Usage: rand [options] num\nwhere options are\n-out file             - write to file\n-engine e             - use engine e, possibly a hardware device.\n-rand file:file:... - seed PRNG from files\n-base64               - base64 encode output\n-hex                  - hex encode output');
  const bytes = randomBytes(n);
  let text: string | Buffer;
  if (p.flags.has('base64')) text = (bytes.toString('base64').match(/.{1,64}/g) ?? ['']).join('\n') + '\n';
  else if (p.flags.has('hex')) text = bytes.toString('hex') + '\n';
  else text = bytes;
  const out = p.opts.get('out');
  if (out !== undefined) ctx.fs.writeFile(ctx.resolvePath(out), text);
  else await ctx.stdout.write(text);
  return 0;
}

async function dgst(ctx: CommandContext, args: string[], alg?: string): Promise<number> {
  const p = parseArgs(args, new Set(['out', 'sign', 'verify', 'signature']));
  const name = alg ?? digestOf(p.flags, 'md5');
  const label = { sha256: 'SHA256', sha1: 'SHA1', sha384: 'SHA384', sha512: 'SHA512', md5: 'MD5', sha224: 'SHA224' }[name] ?? name.toUpperCase();
  if (!p.rest.length) {
    const h = createHash(name).update(await ctx.stdin.readAllBytes()).digest('hex');
    await ctx.stdout.write(`(stdin)= ${h}\n`);
    return 0;
  }
  for (const f of p.rest) {
    const h = createHash(name).update(ctx.fs.readFileBuffer(ctx.resolvePath(f))).digest('hex');
    await ctx.stdout.write(`${label}(${f})= ${h}\n`);
  }
  return 0;
}

async function base64(ctx: CommandContext, args: string[]): Promise<number> {
  const p = parseArgs(args, new Set(['in', 'out']));
  const data = p.opts.has('in') ? ctx.fs.readFileBuffer(ctx.resolvePath(p.opts.get('in')!)) : await ctx.stdin.readAllBytes();
  let text: string | Buffer;
  if (p.flags.has('d')) text = Buffer.from(data.toString('latin1').replace(/\s+/g, ''), 'base64');
  else {
    const b = data.toString('base64');
    text = p.flags.has('A') ? b + '\n' : (b.match(/.{1,64}/g) ?? []).join('\n') + (b ? '\n' : '');
  }
  const out = p.opts.get('out');
  if (out !== undefined) ctx.fs.writeFile(ctx.resolvePath(out), text);
  else await ctx.stdout.write(text);
  return 0;
}

const STANDARD_COMMANDS = `Standard commands
asn1parse         ca                ciphers           cms               
crl               crl2pkcs7         dgst              dh                
dhparam           dsa               dsaparam          ec                
ecparam           enc               engine            errstr            
gendh             gendsa            genpkey           genrsa            
nseq              ocsp              passwd            pkcs12            
pkcs7             pkcs8             pkey              pkeyparam         
pkeyutl           prime             rand              req               
rsa               rsautl            s_client          s_server          
s_time            sess_id           smime             speed             
spkac             ts                verify            version           
x509              

Message Digest commands (see the \`dgst' command for more details)
md2               md4               md5               rmd160            
sha               sha1              

Cipher commands (see the \`enc' command for more details)
aes-128-cbc       aes-128-ecb       aes-192-cbc       aes-192-ecb       
aes-256-cbc       aes-256-ecb       base64            bf                
`;

export const opensslCommand: Command = async (ctx, argv) => {
  const [sub, ...args] = argv.slice(1);
  try {
    switch (sub) {
      case undefined:
        await ctx.stderr.write('OpenSSL> ');
        return 0;
      case 'version':
        await ctx.stdout.write(args.includes('-a') ? `${VERSION}\nbuilt on: reproducible build, date unspecified\nplatform: linux-x86_64\nOPENSSLDIR: "/etc/pki/tls"\nengines:  rdrand dynamic \n` : `${VERSION}\n`);
        return 0;
      case 'genrsa':
        return await genrsa(ctx, args);
      case 'req':
        return await req(ctx, args);
      case 'x509':
        return await x509(ctx, args);
      case 'rsa':
        return await rsa(ctx, args);
      case 'rand':
        return await rand(ctx, args);
      case 'dgst':
        return await dgst(ctx, args);
      case 'md5':
      case 'sha1':
      case 'sha256':
      case 'sha512':
        return await dgst(ctx, args, sub);
      case 'base64':
        return await base64(ctx, args);
      case 'enc':
        if (args.includes('-base64') || args.includes('-a')) return await base64(ctx, args.filter((a) => a !== '-base64' && a !== '-a'));
        throw new OpensslError('enc: only -base64 is available in this lab');
      case 's_client':
      case 's_server':
      case 's_time':
        throw new OpensslError(`${sub}: connections through the lab's virtual network are not available in this version`);
      default:
        await ctx.stderr.write(`openssl:Error: '${sub}' is an invalid command.\n\n${STANDARD_COMMANDS}`);
        return 1;
    }
  } catch (err) {
    if (err instanceof OpensslError) {
      if (err.message) await ctx.stderr.write(err.message + '\n');
      return 1;
    }
    throw err;
  }
};
