import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { ErrorInfo, Reply, RequestMap, RequestType } from './messages';
import { createRequestChannel, REQUEST_PORT } from './request-channel';

/** Thrown by sendRequest when the background answers an error; carries the plain sentence to show. */
export class RequestError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'RequestError';
  }
}

/** A failure from sendRequest (or anything else thrown on the way) as the sentence to show. */
export function errorInfoOf(error: unknown): ErrorInfo {
  if (error instanceof RequestError) return error.info;
  return { kind: 'unknown', message: i18n.t('panel.request.failed') };
}

/** This page's port to the background (the channel connects at its first request). */
const requests = createRequestChannel(() => browser.runtime.connect({ name: REQUEST_PORT }));

/** Sends one typed request to the background and resolves with its data, or throws a RequestError. */
export async function sendRequest<T extends RequestType>(type: T, req: RequestMap[T]['req']): Promise<RequestMap[T]['res']> {
  let reply: Reply<T> | undefined;
  try {
    reply = (await requests.send({ type, ...req })) as Reply<T> | undefined;
  } catch {
    throw new RequestError({ kind: 'unknown', message: i18n.t('panel.request.stopped') });
  }
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new RequestError({ kind: 'unknown', message: i18n.t('panel.request.noAnswer') });
  }
  if (!reply.ok) throw new RequestError(reply.error);
  return reply.data;
}
