// One HTTP exchange with the API, reporting precisely whether the request can have reached the
// server. node:http rather than fetch because that is the question a send's outcome hangs on: here
// we see the socket connect (TLS handshake done), so a failure, timeout or cancellation before it is
// certainly "not sent", and one after it is "may have arrived". fetch hides the socket and only lets
// us guess from error codes.
import type * as http from 'node:http';
import type * as https from 'node:https';
import type { Socket } from 'node:net';
import { nodeHttp, nodeHttps } from '../core/nodeBuiltins';

export interface HttpExchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export type TransportFailureKind =
  | 'refused' // nothing listens: never reached the server
  | 'dns' // the host name did not resolve: never reached the server
  | 'network' // any other failure before the connection was up (unreachable, TLS)
  | 'timeout'
  | 'cancelled'
  | 'reset'; // the connection failed after the request may have been sent

/** A failed exchange. `mayHaveArrived` is false only when no byte of the request left this machine. */
export class TransportFailure extends Error {
  constructor(readonly kind: TransportFailureKind, readonly mayHaveArrived: boolean, readonly errorCode?: string) {
    super(`${kind}${errorCode ? ` (${errorCode})` : ''}`);
    this.name = 'TransportFailure';
  }
}

export interface ExchangeRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

// A fresh connection per call (no keep-alive): a reused idle socket that the server is closing at
// that moment fails with a reset that would make a never-delivered send look "may have arrived".
// Sends are rare, so the handshake per call is cheap insurance.
// Created on first use, with node:http and node:https themselves (see nodeBuiltins): the stdio
// server starts without them, and the sandbox and the emulator never need TLS.
const agents: { http?: http.Agent; https?: https.Agent } = {};
function transportFor(tls: boolean): { lib: typeof http | typeof https; agent: http.Agent } {
  if (!tls) {
    const lib = nodeHttp();
    return { lib, agent: (agents.http ??= new lib.Agent({ keepAlive: false })) };
  }
  const lib = nodeHttps();
  return { lib, agent: (agents.https ??= new lib.Agent({ keepAlive: false })) };
}
const MAX_ANSWER_BYTES = 1024 * 1024;
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);

export function exchange(request: ExchangeRequest): Promise<HttpExchange> {
  return new Promise<HttpExchange>((resolve, reject) => {
    if (request.signal?.aborted) return reject(new TransportFailure('cancelled', false));
    const tls = request.url.protocol === 'https:';
    const { lib, agent } = transportFor(tls);
    let connected = false;
    let settled = false;
    let req: http.ClientRequest | undefined;

    const finish = (outcome: HttpExchange | TransportFailure): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      if (outcome instanceof TransportFailure) {
        req?.destroy();
        reject(outcome);
      } else resolve(outcome);
    };
    // A caller that gives up (an MCP client's Stop, a closed HTTP request, a shutdown) cancels a request
    // only while it cannot have reached the server. Once a send's connection is up, its answer is awaited
    // (the timeout still bounds it): cutting it off would turn a send that went out, group id and all,
    // into an unknown one. Reads (GET) are cancelled at any point: they change nothing.
    const onAbort = (): void => {
      if (connected && request.method !== 'GET') return;
      finish(new TransportFailure('cancelled', connected));
    };

    try {
      req = lib.request(request.url, {
        method: request.method,
        headers: request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        agent,
      }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) finish(new TransportFailure('reset', true, 'ANSWER_TOO_LARGE'));
          else chunks.push(chunk);
        });
        res.on('end', () => finish({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error: NodeJS.ErrnoException) => finish(new TransportFailure('reset', true, error.code)));
        res.on('close', () => { if (!res.complete) finish(new TransportFailure('reset', true, 'ECONNRESET')); });
      });
    } catch (error) {
      // Thrown before anything is sent, e.g. a header value with characters HTTP cannot carry.
      return reject(new TransportFailure('network', false, (error as NodeJS.ErrnoException).code ?? 'ERR_INVALID_REQUEST'));
    }
    const current = req;
    current.on('socket', (socket: Socket) => {
      if (current.reusedSocket || (!socket.connecting && !tls)) connected = true;
      else socket.once(tls ? 'secureConnect' : 'connect', () => { connected = true; });
    });
    current.on('error', (error: NodeJS.ErrnoException) => finish(classify(error, connected)));
    const timer = setTimeout(() => finish(new TransportFailure('timeout', connected)), request.timeoutMs);
    request.signal?.addEventListener('abort', onAbort, { once: true });
    current.end(request.body);
  });
}

function classify(error: NodeJS.ErrnoException, connected: boolean): TransportFailure {
  if (connected) return new TransportFailure('reset', true, error.code);
  if (error.code === 'ECONNREFUSED') return new TransportFailure('refused', false, error.code);
  if (error.code && DNS_CODES.has(error.code)) return new TransportFailure('dns', false, error.code);
  return new TransportFailure('network', false, error.code);
}
