// Where outbox messages go: a JSON file per message (the default), the console, or an SMS/email gateway that
// takes a JSON POST. Each transport either delivers or throws; the worker records failures and retries.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HamletConfig } from '../config.ts';

export interface OutgoingMessage {
  id: number;
  kind: string;
  channel: string;
  language: string;
  recipient: string;
  subject: string | null;
  body: string;
  attachmentIcs: string | null;
  patientId: number | null;
  appointmentId: number | null;
  createdAt: string;
}

export interface MessageTransport {
  readonly name: string;
  deliver(message: OutgoingMessage): Promise<void>;
}

export function fileTransport(directory: string): MessageTransport {
  return {
    name: 'file',
    async deliver(message) {
      await mkdir(directory, { recursive: true });
      // The id makes the name unique and a redelivery overwrite the same file rather than duplicate it.
      await writeFile(join(directory, `${String(message.id).padStart(8, '0')}-${message.kind}.json`), JSON.stringify(message, null, 2));
    },
  };
}

export function consoleTransport(write: (line: string) => void): MessageTransport {
  return { name: 'console', deliver: async (message) => write(JSON.stringify({ outbox: message })) };
}

export type PostJson = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ ok: boolean; status: number }>;

export function httpTransport(url: string, post: PostJson = fetch, timeoutMs = 5_000): MessageTransport {
  return {
    name: 'http',
    async deliver(message) {
      const response = await post(url, {
        method: 'POST',
        // The gateway can drop a retried delivery it has already accepted.
        headers: { 'content-type': 'application/json', 'idempotency-key': `hamlet-outbox-${message.id}` },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`message gateway answered HTTP ${response.status}`);
    },
  };
}

export function transportFromConfig(config: Pick<HamletConfig, 'messageTransport' | 'messageHttpUrl' | 'outboxDir'>, write: (line: string) => void): MessageTransport {
  switch (config.messageTransport) {
    case 'file':
      return fileTransport(config.outboxDir);
    case 'console':
      return consoleTransport(write);
    case 'http':
      if (!config.messageHttpUrl) throw new Error('the http message transport needs HAMLET_MESSAGE_HTTP_URL');
      return httpTransport(config.messageHttpUrl);
  }
}
