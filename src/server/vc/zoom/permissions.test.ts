import { describe, expect, it } from 'vitest';
import { ZOOM_SETTINGS_DEFAULTS } from '../../../contracts/vc-zoom';
import { isZoomRoomManager, mayCreateZoomRooms } from './permissions';

const ada = { id: 1, isAdmin: false };
const admin = { id: 2, isAdmin: true };

describe('who may create and manage Zoom rooms', () => {
  it('lets everyone logged in create rooms by default', () => {
    expect(mayCreateZoomRooms(ada, ZOOM_SETTINGS_DEFAULTS)).toBe(true);
  });

  it('lets only listed users, room managers and administrators create rooms when restricted', () => {
    const restricted = { ...ZOOM_SETTINGS_DEFAULTS, creatorsRestricted: true };
    expect(mayCreateZoomRooms(ada, restricted)).toBe(false);
    expect(mayCreateZoomRooms(ada, { ...restricted, creatorIds: [1] })).toBe(true);
    expect(mayCreateZoomRooms(ada, { ...restricted, managerIds: [1] })).toBe(true);
    expect(mayCreateZoomRooms(admin, restricted)).toBe(true);
  });

  it('makes administrators and listed room managers managers of every Zoom room', () => {
    expect(isZoomRoomManager(ada, ZOOM_SETTINGS_DEFAULTS)).toBe(false);
    expect(isZoomRoomManager(ada, { managerIds: [1] })).toBe(true);
    expect(isZoomRoomManager(admin, ZOOM_SETTINGS_DEFAULTS)).toBe(true);
  });
});
