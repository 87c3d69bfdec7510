import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publicKeyBytes, signEd25519, verifyEd25519 } from './ed25519.js';
import { rawPublicKey } from './provenance.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const raw = publicKeyBytes(rawPublicKey(publicKey)) as Buffer;
const message = Buffer.from('{"id":"incident--1","type":"incident"}', 'utf8');

describe('Ed25519 through libsodium', () => {
  it('signs exactly as Node’s crypto does (Ed25519 is deterministic), so peers need not agree on a library', () => {
    const ours = signEd25519(message, privateKey);
    expect(ours.equals(sign(null, message, privateKey))).toBe(true);
    expect(verify(null, message, publicKey, ours)).toBe(true);
  });

  it('verifies a signature Node’s crypto made, and nothing else', () => {
    const signature = sign(null, message, privateKey);
    expect(verifyEd25519(message, signature, raw)).toBe(true);
    const tampered = Buffer.from(message);
    tampered[5] = 0x41;
    expect(verifyEd25519(tampered, signature, raw)).toBe(false);
    const other = publicKeyBytes(rawPublicKey(generateKeyPairSync('ed25519').publicKey)) as Buffer;
    expect(verifyEd25519(message, signature, other)).toBe(false);
  });

  it('refuses, without throwing, a signature or key of the wrong length', () => {
    const signature = signEd25519(message, privateKey);
    expect(verifyEd25519(message, signature.subarray(0, 63), raw)).toBe(false);
    expect(verifyEd25519(message, Buffer.alloc(0), raw)).toBe(false);
    expect(verifyEd25519(message, signature, raw.subarray(0, 31))).toBe(false);
    expect(publicKeyBytes('c2hvcnQ')).toBeUndefined();
  });

  it('refuses a key that is not Ed25519', () => {
    const { privateKey: x25519 } = generateKeyPairSync('x25519');
    expect(() => signEd25519(message, x25519)).toThrow(TypeError);
  });
});
