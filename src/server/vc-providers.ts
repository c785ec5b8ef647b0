// The videoconference providers of this server: one line each. It lives outside src/server/vc/ because that
// module knows providers only through the VcProvider interface and never names one.
import type { ProviderFactory } from './vc';
import { testRoomsProvider } from './vc/providers/test';
import { zoomProvider } from './vc/zoom/rooms/provider';

export const VC_PROVIDERS: ProviderFactory[] = [testRoomsProvider, zoomProvider];
