import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPage } from '../../contracts/events';
import { TimetableView } from './components/timetable-view';
import {
  EventSectionSlots,
  registerEventSection,
  registerManageMenuEntry,
  registerTimetableEntrySlot,
  type TimetableEntrySlotProps,
} from './extension-slots';

const page: EventPage = {
  event: {
    id: 7,
    title: 'Slots',
    start: '2030-05-01T07:00:00.000Z',
    end: '2030-05-01T16:00:00.000Z',
    timezone: 'Europe/Zurich',
    location: '',
    roomName: '',
    protectionMode: 'public',
    can: { manage: false },
    description: '',
    startDay: '2030-05-01',
    endDay: '2030-05-01',
    version: 1,
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
  },
  sessions: [{ id: 1, title: 'Talks', colour: '#5b7db1', version: 1 }],
  blocks: [
    {
      id: 2,
      sessionId: 1,
      title: '',
      start: '2030-05-01T07:00:00.000Z',
      end: '2030-05-01T08:00:00.000Z',
      day: '2030-05-01',
      durationMinutes: 60,
      version: 1,
    },
  ],
  contributions: [
    {
      id: 3,
      title: 'Opening',
      description: '',
      start: '2030-05-01T07:00:00.000Z',
      end: '2030-05-01T07:20:00.000Z',
      day: '2030-05-01',
      durationMinutes: 20,
      blockId: 2,
      sessionId: 1,
      speakers: [],
      version: 1,
    },
  ],
  extensions: {},
};

const removers: (() => void)[] = [];
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
});

const sections = () => renderToStaticMarkup(<EventSectionSlots event={page.event} payload={page} />);

describe('extension slots', () => {
  it('renders registered event-page sections in order, each with the whole payload', () => {
    removers.push(
      registerEventSection({
        id: 'late',
        order: 20,
        component: ({ payload }) => <p>late {payload.blocks.length}</p>,
      }),
      registerEventSection({ id: 'early', order: 10, component: ({ event }) => <p>early {event.title}</p> }),
    );
    expect(sections()).toBe('<p>early Slots</p><p>late 1</p>');
  });

  it('replaces a section registered again under the same id, and removes it on request', () => {
    const first = registerEventSection({ id: 'vc', component: () => <p>one</p> });
    const second = registerEventSection({ id: 'vc', component: () => <p>two</p> });
    expect(sections()).toBe('<p>two</p>');
    first(); // a stale remover leaves the replacement in place
    expect(sections()).toBe('<p>two</p>');
    second();
    expect(sections()).toBe('');
  });

  it('gives every block and contribution of the timetable its inline slot', () => {
    const seen: TimetableEntrySlotProps[] = [];
    removers.push(
      registerTimetableEntrySlot({
        id: 'probe',
        component: (props) => {
          seen.push(props);
          return <span>{`${props.kind}:${props.id}`}</span>;
        },
      }),
    );
    const html = renderToStaticMarkup(
      <MantineProvider>
        <StaticRouter location="/event/7">
          <TimetableView page={page} timezone="Europe/Zurich" />
        </StaticRouter>
      </MantineProvider>,
    );
    expect(html).toContain('block:2');
    expect(html).toContain('contribution:3');
    expect(seen.map((p) => [p.kind, p.id, p.placement, p.payload.kind, p.event.id])).toEqual([
      ['block', 2, 'timetable', 'event', 7],
      ['contribution', 3, 'timetable', 'event', 7],
    ]);
  });

  it('refuses a management page whose path is not a URL segment', () => {
    expect(() =>
      registerManageMenuEntry({ id: 'x', group: 'Services', label: 'X', path: 'a/b', component: () => null }),
    ).toThrow(/not a URL segment/);
  });
});
