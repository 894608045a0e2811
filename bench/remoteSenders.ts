// The driving process's side of bench/senderProcess.mjs: facilitator sockets that live in a
// second process. Each call is answered over IPC in the order asked, per socket.
import { fork, type ChildProcess } from 'node:child_process';

interface Reply {
  id: string;
  ok: boolean;
  ack?: unknown;
  t0?: number;
  error?: string;
}

export class RemoteSenders {
  private readonly child: ChildProcess = fork('bench/senderProcess.mjs', [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  /** Callers waiting for a reply, per socket id, oldest first. */
  private readonly waiting = new Map<string, ((r: Reply) => void)[]>();
  private next = 0;

  constructor() {
    this.child.on('message', (r: Reply) => this.waiting.get(r.id)?.shift()?.(r));
  }

  /** Connects a socket there and emits its join; answers its id and the join's ack. */
  async open(url: string, cookie: string | null, auth: Record<string, unknown>, join: [string, unknown]): Promise<{ id: string; ack: any }> {
    const id = `s${this.next++}`;
    const r = await this.call({ op: 'open', id, url, cookie, auth, join });
    return { id, ack: r.ack };
  }

  /** Emits there and answers the server's ack. */
  async ask(id: string, event: string, payload: unknown): Promise<any> {
    return (await this.call({ op: 'ask', id, event, payload })).ack;
  }

  /** Emits there (the ack is not waited for); answers when it was sent, in ms on process.hrtime's clock. */
  async send(id: string, event: string, payload: unknown): Promise<number> {
    return (await this.call({ op: 'send', id, event, payload })).t0!;
  }

  close(): void {
    this.child.kill();
  }

  private call(m: { op: string; id: string } & Record<string, unknown>): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(m.id) ?? [];
      list.push((r) => (r.ok ? resolve(r) : reject(new Error(r.error))));
      this.waiting.set(m.id, list);
      this.child.send(m);
    });
  }
}

/** Now on process.hrtime's clock, in ms: the same in every process of this machine. */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
