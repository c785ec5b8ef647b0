/*
 * Services → Videoconference (/event/:id/manage/videoconference): the videoconference module's page,
 * mounted here under the name and props the management area's router expects.
 */
import { VcManagePage } from '../../vc/components/manage-page';
import type { ManagePageProps } from '../extension-slots';

export function VideoconferenceManagePage({ event }: ManagePageProps) {
  return <VcManagePage event={event} />;
}
