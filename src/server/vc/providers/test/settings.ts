// Whether the Test rooms provider is on: an administrator's setting (settings row module 'vc', key
// 'test-rooms'); off by default, so a production server never offers it unasked.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from '../../../settings/schema';
import type { ProviderContext } from '../../provider';

const SettingValue = z.object({ enabled: z.boolean() });
const settingWhere = and(eq(settings.module, 'vc'), eq(settings.key, 'test-rooms'));

export async function isTestRoomsEnabled(db: ProviderContext['db']): Promise<boolean> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(settingWhere);
  const parsed = SettingValue.safeParse(row?.value);
  return parsed.success && parsed.data.enabled;
}

export async function setTestRoomsEnabled(db: ProviderContext['db'], enabled: boolean, at: Date) {
  await db
    .insert(settings)
    .values({ module: 'vc', key: 'test-rooms', value: { enabled }, updatedAt: at })
    .onConflictDoUpdate({
      target: [settings.module, settings.key],
      set: { value: { enabled }, updatedAt: at },
    });
}
