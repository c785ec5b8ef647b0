// The presenter: what a given viewer may see of a room through one link. It alone asks the provider for
// connection details, and it drops what the viewer's role excludes even if a provider returned it.
import type { DetailItem, VcDetails, VcProviderRef } from '../../contracts/vc';
import type { ConnectionDetails, RoomViewer, VcProvider } from './provider';

export const NO_DETAILS: VcDetails = {
  joinPath: null,
  loginRequired: false,
  joinHint: null,
  items: [],
  sections: [],
  badges: [],
};

export function providerRef(provider: VcProvider | undefined, name: string): VcProviderRef {
  if (!provider) return { name, displayName: name, logoUrl: '' };
  return { name: provider.name, displayName: provider.displayName, logoUrl: provider.logoUrl };
}

export const joinPathOf = (eventId: number, roomId: number) => `/event/${eventId}/vc/${roomId}/join`;

const cleanItem = (item: DetailItem): DetailItem => ({
  label: item.label,
  value: item.value,
  kind: item.kind,
  ...(item.copyable !== undefined ? { copyable: item.copyable } : {}),
});

/**
 * What the viewer sees: Join goes through our join route (which asks the provider again), so the page never
 * needs the join URL itself; it is in `items` only when the provider chose to show it to this viewer.
 */
export function presentDetails(
  details: ConnectionDetails,
  viewer: RoomViewer,
  ids: { eventId: number; roomId: number },
): VcDetails {
  return {
    joinPath:
      details.joinUrl !== undefined || details.loginRequired ? joinPathOf(ids.eventId, ids.roomId) : null,
    loginRequired: details.loginRequired === true,
    joinHint: details.joinHint ?? null,
    items: details.items.map(cleanItem),
    sections: details.sections
      .filter((s) => s.audience === 'everyone' || viewer.isEventManager)
      .map((s) => ({ title: s.title, items: s.items.map(cleanItem) })),
    badges: [...details.badges],
  };
}
