// The web side of each videoconference provider: one line per provider, one folder each.
import { zoomWeb } from '../zoom/rooms';
import { testRoomsWeb } from './test';
import type { WebVcProvider } from './types';

const PROVIDERS: WebVcProvider[] = [testRoomsWeb, zoomWeb];

const byName = new Map(PROVIDERS.map((p) => [p.name, p]));

/** The provider's web parts; a provider without any renders only the common fields. */
export function webProvider(name: string): WebVcProvider {
  return byName.get(name) ?? { name };
}

export const webProviders = (): WebVcProvider[] => PROVIDERS;
export type { ActionConfirmation, ProviderFieldsContext, ProviderFieldsProps, WebVcProvider } from './types';
