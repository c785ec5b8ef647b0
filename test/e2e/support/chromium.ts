import fs from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_MISSING_MESSAGE = `Chromium not found at ${CHROMIUM_PATH}: e2e tests skipped; install it with apt-get install -y chromium`;

export const chromiumAvailable = (): boolean => fs.existsSync(CHROMIUM_PATH);
