import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SETTINGS } from '../apps/demo/demo.config';
import { settingsMarkdown } from '../src/config/settings';
import { MFA_SETTINGS } from '../src/sms-mfa.settings';

export const CONFIG_PAGE = join(__dirname, '..', '..', 'docs', 'configuration.md');
const START = '<!-- generated from the settings declarations: npm run docs:config -->';
const END = '<!-- end of generated settings -->';

/** What docs/configuration.md holds between its markers: the module's groups, then the demo app's. */
export function generatedSettings(): string {
  return `${START}\n\n${settingsMarkdown(MFA_SETTINGS)}\n\n## The demo app only\n\nRead by the demo app (\`npm start\`), never by the module.\n\n${settingsMarkdown([DEMO_SETTINGS])}\n\n${END}`;
}

/** The page's generated part as it stands in the file. */
export function documentedSettings(page: string): string {
  return page.slice(page.indexOf(START), page.indexOf(END) + END.length);
}

if (require.main === module) {
  const page = readFileSync(CONFIG_PAGE, 'utf8');
  writeFileSync(CONFIG_PAGE, page.replace(documentedSettings(page), () => generatedSettings()));
}
