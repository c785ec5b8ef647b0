// Fault injection for the "Test rooms" provider: tests make its next calls fail, report a room gone, or
// change a room "at the service", so that every failure path of the module can be driven.
import { ProviderError } from '../../../errors';
import { RoomGoneError } from '../../provider';

export type TestRoomsOp = 'create' | 'update' | 'delete' | 'refresh' | 'action';

interface Fault {
  message: string;
  field: string | undefined;
  times: number;
}

export interface TestRoomsCall {
  op: TestRoomsOp;
  roomId?: number;
  code?: string;
}

/** What a room looks like at the (pretend) service when tests changed it behind the module's back. */
export interface ServiceChange {
  name?: string;
  description?: string;
}

export class TestRoomsControls {
  private faults = new Map<TestRoomsOp, Fault>();
  /** Codes of rooms the service no longer has (deleted through us, or by tests). */
  private gone = new Set<string>();
  private goneOnNextRefresh = false;
  private pending = new Map<TestRoomsOp, Array<() => Promise<void>>>();
  private linkRefusal: string | undefined;
  readonly changes = new Map<string, ServiceChange>();
  readonly calls: TestRoomsCall[] = [];

  /** The next `times` calls of `op` fail with a ProviderError (on `field` when given). */
  failNext(op: TestRoomsOp, opts: { message?: string; field?: string; times?: number } = {}): void {
    this.faults.set(op, {
      message: opts.message ?? `Test rooms refused the ${op} (injected failure).`,
      field: opts.field,
      times: opts.times ?? 1,
    });
  }

  /** The next refresh answers "gone", whatever the room. */
  reportGoneOnNextRefresh(): void {
    this.goneOnNextRefresh = true;
  }

  /** The service forgets this room: refresh says gone, update throws RoomGoneError. */
  forget(code: string): void {
    this.gone.add(code);
  }

  /**
   * Runs `fn` when the next `op` succeeded at the service, before it returns: e.g. a competing write that
   * makes the module's own database write fail afterwards.
   */
  onNext(op: TestRoomsOp, fn: () => Promise<void>): void {
    this.pending.set(op, [...(this.pending.get(op) ?? []), fn]);
  }

  /** The next beforeLink refuses, with this reason. */
  refuseNextLink(reason: string): void {
    this.linkRefusal = reason;
  }

  reset(): void {
    this.linkRefusal = undefined;
    this.faults.clear();
    this.gone.clear();
    this.changes.clear();
    this.goneOnNextRefresh = false;
    this.pending.clear();
    this.calls.length = 0;
  }

  // ---- used by the provider ----

  record(call: TestRoomsCall): void {
    this.calls.push(call);
    const fault = this.faults.get(call.op);
    if (!fault) return;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.delete(call.op);
    throw new ProviderError('test', fault.message, {
      providerCode: 'injected',
      ...(fault.field ? { field: fault.field } : {}),
    });
  }

  isGone(code: string): boolean {
    return this.gone.has(code);
  }

  takeGoneOnRefresh(): boolean {
    const gone = this.goneOnNextRefresh;
    this.goneOnNextRefresh = false;
    return gone;
  }

  assertExists(code: string): void {
    if (this.gone.has(code)) throw new RoomGoneError('test', 'This test room no longer exists.');
  }

  takeLinkRefusal(): string | undefined {
    const reason = this.linkRefusal;
    this.linkRefusal = undefined;
    return reason;
  }

  async succeeded(op: TestRoomsOp): Promise<void> {
    const fn = this.pending.get(op)?.shift();
    if (fn) await fn();
  }
}
