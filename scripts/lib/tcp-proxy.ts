import net from "node:net";

export interface TcpProxy {
  port: number;
  /** Like a database that stopped: open connections are reset and new ones refused. */
  cut(): Promise<void>;
  /**
   * Like a network that stalls (drops packets): nothing is forwarded or answered and nothing is
   * refused; what was sent waits, as TCP retransmits it, until restore().
   */
  blackhole(): Promise<void>;
  /** Like a database (or network) that came back: connections are accepted and forwarded again. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP forwarder on 127.0.0.1 in front of host:port, which a test can cut and restore: an outage
 * of a server that other tests keep using, seen by one client only (e2e/outage.spec.ts).
 */
export async function startTcpProxy(target: { host: string; port: number }, port = 0): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
    return socket;
  };
  // Connections that arrived during a stall, forwarded once it ends.
  let waiting: net.Socket[] = [];
  const forward = (client: net.Socket) => {
    const upstream = track(net.connect(target));
    const endBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", endBoth);
    upstream.on("error", endBoth);
    client.pipe(upstream).pipe(client);
  };
  let stalled = false;
  const server = net.createServer((client) => {
    track(client).on("error", () => client.destroy());
    if (stalled) {
      client.pause();
      waiting.push(client);
    } else forward(client);
  });
  const listen = () => new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", () => resolve()));
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));
  await listen();
  port = (server.address() as net.AddressInfo).port;
  let listening = true;

  const cut = async () => {
    stalled = false;
    if (!listening) return;
    listening = false;
    const closed = stopListening();
    for (const socket of open) socket.resetAndDestroy();
    waiting = [];
    await closed;
  };
  return {
    port,
    cut,
    blackhole: async () => {
      stalled = true;
      for (const socket of open) socket.pause();
    },
    restore: async () => {
      if (stalled) {
        stalled = false;
        for (const socket of open) socket.resume();
        for (const client of waiting.splice(0)) if (!client.destroyed) forward(client);
      }
      if (listening) return;
      await listen();
      listening = true;
    },
    close: cut,
  };
}
