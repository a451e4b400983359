// Node built-ins that only a send needs, loaded on first use. esbuild hoists every import of a
// built-in to the top of a bundle, so an ordinary import would load them while the stdio server
// starts: node:crypto and node:http cost it about 13 ms of a ~250 ms cold start, before any client
// has asked for anything. require() caches, so calling these per send costs a lookup.
import type * as Crypto from 'node:crypto';
import type * as Http from 'node:http';
import type * as Https from 'node:https';

/* eslint-disable @typescript-eslint/no-require-imports -- deliberately lazy, see above */
export const nodeCrypto = (): typeof Crypto => require('node:crypto') as typeof Crypto;
export const nodeHttp = (): typeof Http => require('node:http') as typeof Http;
export const nodeHttps = (): typeof Https => require('node:https') as typeof Https;
/* eslint-enable @typescript-eslint/no-require-imports */
