// A throwaway self-signed certificate for 127.0.0.1 and localhost, for the presets whose URLs are https:// only
// (Keycloak). n8n trusts it through NODE_EXTRA_CA_CERTS, this process through the default CA list.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';

export interface TestCertificate {
	key: string;
	cert: string;
	certFile: string;
}

export function createLoopbackCertificate(dir: string): TestCertificate {
	fs.mkdirSync(dir, { recursive: true });
	const keyFile = path.join(dir, 'loopback.key');
	const certFile = path.join(dir, 'loopback.crt');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-keyout',
			keyFile,
			'-out',
			certFile,
			'-days',
			'2',
			'-subj',
			'/CN=127.0.0.1',
			'-addext',
			'subjectAltName=IP:127.0.0.1,DNS:localhost',
		],
		{ stdio: 'ignore' },
	);
	return {
		key: fs.readFileSync(keyFile, 'utf8'),
		cert: fs.readFileSync(certFile, 'utf8'),
		certFile,
	};
}

/** Lets this process's fetch() trust the certificate too. */
export function trustInThisProcess(cert: string): void {
	tls.setDefaultCACertificates([...tls.getCACertificates('default'), cert]);
}
