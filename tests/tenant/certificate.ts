import { generate } from 'selfsigned';
import { HOSTS } from './hosts';

export interface TlsMaterial {
  key: string;
  cert: string;
}

/** A throwaway self-signed certificate valid for the simulated Microsoft hosts and the loopback address. */
export async function createCertificate(): Promise<TlsMaterial> {
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: HOSTS.login }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 7 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...Object.values(HOSTS).map((value) => ({ type: 2 as const, value })),
          { type: 2 as const, value: 'localhost' },
          { type: 7 as const, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
