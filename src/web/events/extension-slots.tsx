/*
 * Extension slots: where other features (the videoconference module first) put their UI into the events
 * pages without the events feature importing them, as the server's clone steps and hooks do.
 *
 * A feature registers its components once, at module load, from a file that src/web/app/extensions.ts
 * imports (e.g. src/web/vc/register.ts):
 *
 *   registerEventSection({ id: 'vc', order: 10, component: VcEventSection });
 *   registerTimetableEntrySlot({ id: 'vc', component: VcEntryRooms });
 *   registerManageMenuEntry({ id: 'vc', group: 'Services', label: 'Videoconference', path: 'videoconference', component });
 *
 * Every slot component receives the whole display payload the page rendered from, so data a module adds
 * to it later (e.g. an `extensions.vc` field) reaches the component without another request. A slot
 * component renders nothing (null) when it has nothing to show for this event or entry.
 */
import { type ComponentType, useSyncExternalStore } from 'react';
import type { BlockPage, ContributionPage, Event, EventPage, EventSummary } from '../../contracts/events';

/** The response a page was rendered from: the event page, a contribution's page or a block's page. */
export type DisplayPayload =
  | { kind: 'event'; data: EventPage }
  | { kind: 'contribution'; data: ContributionPage }
  | { kind: 'block'; data: BlockPage };

/** Props of a section of the event page (between the description and the timetable). */
export interface EventSectionProps {
  event: Event;
  payload: EventPage;
}

/** Props of the inline slot under a contribution or session block. */
export interface TimetableEntrySlotProps {
  event: EventSummary;
  kind: 'contribution' | 'block';
  /** The contribution's or the session block's id. */
  id: number;
  payload: DisplayPayload;
  /** 'timetable': a line in the event's timetable (keep it compact); 'page': the entry's own page. */
  placement: 'timetable' | 'page';
}

/** Props of a page of the management area. */
export interface ManagePageProps {
  event: Event;
  payload: EventPage;
}

export interface EventSectionRegistration {
  id: string;
  /** Lower first; sections with the same order keep their registration order. */
  order?: number;
  component: ComponentType<EventSectionProps>;
}

export interface TimetableEntrySlotRegistration {
  id: string;
  order?: number;
  component: ComponentType<TimetableEntrySlotProps>;
}

export interface ManageMenuRegistration {
  id: string;
  /** The menu heading it goes under: an existing one ('Services', 'Advanced') or a new one. */
  group: string;
  label: string;
  /** The URL segment after /event/:id/manage/ (lower-case letters, digits and dashes). */
  path: string;
  order?: number;
  component: ComponentType<ManagePageProps>;
}

/** A list of registrations by id that React components can subscribe to. */
class Registry<T extends { id: string; order?: number }> {
  private items: T[] = [];
  private readonly listeners = new Set<() => void>();

  register(item: T): () => void {
    this.items = [...this.items.filter((i) => i.id !== item.id), item].sort(
      (a, b) => (a.order ?? 0) - (b.order ?? 0),
    );
    this.emit();
    return () => {
      if (!this.items.includes(item)) return;
      this.items = this.items.filter((i) => i !== item);
      this.emit();
    };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): T[] => this.items;

  private emit() {
    for (const listener of this.listeners) listener();
  }
}

const eventSections = new Registry<EventSectionRegistration>();
const entrySlots = new Registry<TimetableEntrySlotRegistration>();
const manageMenu = new Registry<ManageMenuRegistration>();

/** Registers (or replaces, by id) a section of the event page; returns the function that removes it. */
export const registerEventSection = (r: EventSectionRegistration) => eventSections.register(r);

/** Registers (or replaces, by id) an inline slot of contributions and blocks; returns its remover. */
export const registerTimetableEntrySlot = (r: TimetableEntrySlotRegistration) => entrySlots.register(r);

/** Registers (or replaces, by id) a page of the management area with its menu entry; returns its remover. */
export function registerManageMenuEntry(r: ManageMenuRegistration): () => void {
  if (!/^[a-z0-9-]+$/.test(r.path)) throw new Error(`manage menu path "${r.path}" is not a URL segment`);
  return manageMenu.register(r);
}

function useRegistry<T extends { id: string; order?: number }>(registry: Registry<T>): T[] {
  return useSyncExternalStore(registry.subscribe, registry.snapshot, registry.snapshot);
}

/** The registered management pages, for the menu and the router. */
export const useManageMenuEntries = () => useRegistry(manageMenu);

/** Renders every registered section of the event page, in order. */
export function EventSectionSlots(props: EventSectionProps) {
  const sections = useRegistry(eventSections);
  return (
    <>
      {sections.map(({ id, component: Section }) => (
        <Section key={id} {...props} />
      ))}
    </>
  );
}

/** Renders every registered inline slot of a contribution or session block, in order. */
export function TimetableEntrySlots(props: TimetableEntrySlotProps) {
  const slots = useRegistry(entrySlots);
  return (
    <>
      {slots.map(({ id, component: Slot }) => (
        <Slot key={id} {...props} />
      ))}
    </>
  );
}
