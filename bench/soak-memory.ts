// Where the soak server's memory goes: process.memoryUsage() read through the Node inspector (loopback only),
// so a growing RSS can be told apart: JS heap, or outside it (PGlite's WebAssembly memory is not in the heap,
// nor in arrayBuffers).
export interface MemoryBreakdown { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number }

export interface InspectorProbe {
  sample(): Promise<MemoryBreakdown | null>;
  close(): void;
}

export async function connectInspector(port: number): Promise<InspectorProbe> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 1;
  const waiting = new Map<number, (value: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: { result?: { value?: unknown } } };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result?.result?.value);
  };
  const command = (method: string, params: Record<string, unknown> = {}) => new Promise<unknown>((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    socket.send(JSON.stringify({ id, method, params }));
    setTimeout(() => resolve(null), 10_000);
  });
  const evaluate = (expression: string) => command('Runtime.evaluate', { expression, returnByValue: true });
  const mib = (bytes: number) => bytes / 1_048_576;
  return {
    async sample() {
      // A full collection first, so the heap figure is live data rather than garbage V8 has not yet collected.
      await command('HeapProfiler.collectGarbage');
      const raw = await evaluate('JSON.stringify(process.memoryUsage())');
      if (typeof raw !== 'string') return null;
      const m = JSON.parse(raw) as MemoryBreakdown;
      return { rss: mib(m.rss), heapUsed: mib(m.heapUsed), heapTotal: mib(m.heapTotal), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers) };
    },
    close: () => socket.close(),
  };
}
