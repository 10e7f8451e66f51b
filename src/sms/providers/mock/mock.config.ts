import type { CoreSettings } from '../../../config/core.settings';
import { bool } from '../../../config/env-rules';
import { defineSettings } from '../../../config/settings';
import type { FraudInputs } from '../../../fraud/fraud.config';
import type { AwsEumSettings } from '../aws-eum/aws-eum.config';
import type { AwsSnsSettings } from '../aws-sns/aws-sns.config';
import type { TwilioSettings } from '../twilio/twilio.config';

export interface MockSettings {
  mockSmsEnabled: boolean;
}

type RealProviders = TwilioSettings & AwsSnsSettings & AwsEumSettings;
const noRealProvider = (c: Partial<RealProviders>) => !c.twilioEnabled && !c.awsSnsEnabled && !c.awsEumEnabled;

export const MOCK_SETTINGS = defineSettings<MockSettings, CoreSettings & RealProviders>({
  title: 'Mock provider',
  fields: {
    // On by default only to try the module: development, and no real provider (never a failover target behind one).
    mockSmsEnabled: {
      env: 'MOCK_SMS_ENABLED',
      rule: bool(),
      default: (c) => c.nodeEnv === 'development' && noRealProvider(c),
      defaultDoc: 'true in development with no real provider',
      doc: 'the mock provider (priority 100; every channel; messages in the log, masked). Off by default once a real provider or a host adapter is configured; refused in production',
    },
  },
  // Fraud's test_range rule stands aside while the module is only being tried out.
  read: (_env, _overrides, _problems, c): FraudInputs => ({
    trialMode: c.nodeEnv === 'development' && !!c.mockSmsEnabled && noRealProvider(c),
  }),
  check(c, problems) {
    if (c.production && c.mockSmsEnabled) problems.push('MOCK_SMS_ENABLED must be false when NODE_ENV=production');
  },
});
