// The providers of this app, by name. Built once per app from the providers listed in
// src/server/vc-providers.ts (the one place that names them); loud on duplicate names.
import type { SessionUser } from '../auth/sessions';
import { NotFound } from '../errors';
import type { ProviderContext, VcProvider } from './provider';

/** The enabled providers of one request, by name, with the settings their displayInfo needs. */
export type EnabledProviders = Map<string, { displaySettings: unknown }>;

export class ProviderRegistry {
  private readonly byName = new Map<string, VcProvider>();

  constructor(providers: VcProvider[]) {
    for (const provider of providers) {
      if (this.byName.has(provider.name)) throw new Error(`videoconference provider ${provider.name} twice`);
      this.byName.set(provider.name, provider);
    }
  }

  get(name: string): VcProvider | undefined {
    return this.byName.get(name);
  }

  all(): VcProvider[] {
    return [...this.byName.values()];
  }

  /** The enabled providers (one check per registered provider, not per room) and their display settings. */
  async enabled(ctx: ProviderContext): Promise<EnabledProviders> {
    const enabled: EnabledProviders = new Map();
    for (const provider of this.byName.values())
      if (await provider.isEnabled({ ctx }))
        enabled.set(provider.name, { displaySettings: await provider.displaySettings({ ctx }) });
    return enabled;
  }

  /** The enabled provider of that name, or 404 (disabled and unknown look the same). */
  async requireEnabled(name: string, ctx: ProviderContext): Promise<VcProvider> {
    const provider = this.byName.get(name);
    if (!provider || !(await provider.isEnabled({ ctx }))) throw new NotFound('This videoconference service');
    return provider;
  }

  /** Enabled providers this user may use (create rooms with, attach rooms of). */
  async usableBy(user: SessionUser, ctx: ProviderContext): Promise<VcProvider[]> {
    const usable: VcProvider[] = [];
    for (const provider of this.byName.values()) {
      if ((await provider.isEnabled({ ctx })) && (await provider.canCreate({ user, ctx })))
        usable.push(provider);
    }
    return usable;
  }
}
