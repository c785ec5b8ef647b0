// The videoconference module's UI inside the events pages (imported once by app/extensions.ts): the event
// page's "Videoconference" section, the rooms beside each contribution and session block, and the
// management area's Services → Videoconference page.
import { useShownTimezone } from '../events/components/timezone-switch';
import {
  type EventSectionProps,
  type ManagePageProps,
  registerEventSection,
  registerManageMenuEntry,
  registerTimetableEntrySlot,
  type TimetableEntrySlotProps,
} from '../events/extension-slots';
import { VcEntryRooms, VcEventSection } from './components/event-rooms';
import { VcManagePage } from './components/manage-page';
import './vc.css';

function EventSection({ event, payload }: EventSectionProps) {
  const shown = useShownTimezone(event.timezone);
  return <VcEventSection payload={payload} timezone={shown.timezone} />;
}

function EntryRooms({ event, kind, id, payload, placement }: TimetableEntrySlotProps) {
  const shown = useShownTimezone(event.timezone);
  return (
    <VcEntryRooms
      payload={payload.data}
      kind={kind}
      id={id}
      placement={placement}
      timezone={shown.timezone}
    />
  );
}

registerEventSection({ id: 'vc', order: 10, component: EventSection });
registerTimetableEntrySlot({ id: 'vc', component: EntryRooms });
registerManageMenuEntry({
  id: 'vc',
  group: 'Services',
  label: 'Videoconference',
  path: 'videoconference',
  component: ({ event }: ManagePageProps) => <VcManagePage event={event} />,
});
