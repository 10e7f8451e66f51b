import { CreateSmsCore1732550400000 } from './1732550400000-CreateSmsCore';
import { CreateProviderState1732636800000 } from './1732636800000-CreateProviderState';
import { CreateAbuseDefence1732723200000 } from './1732723200000-CreateAbuseDefence';
import { CreateTotpFactors1732809600000 } from './1732809600000-CreateTotpFactors';
import { CreateAlertStates1732896000000 } from './1732896000000-CreateAlertStates';
import { LeanerSendSlot1732982400000 } from './1732982400000-LeanerSendSlot';
import { CreateAssuranceAndRecoveryCodes1733068800000 } from './1733068800000-CreateAssuranceAndRecoveryCodes';
import { FraudEvidenceOutlivesFactors1733155200000 } from './1733155200000-FraudEvidenceOutlivesFactors';
import { CreateSpendCaps1733241600000 } from './1733241600000-CreateSpendCaps';
import { SendSlotFromSqlFile1733328000000 } from './1733328000000-SendSlotFromSqlFile';
import { DeliveryChannels1733414400000 } from './1733414400000-DeliveryChannels';
import { BatchedVerify1733587200000 } from './1733587200000-BatchedVerify';
import { FoldedLoginSend1733673600000 } from './1733673600000-FoldedLoginSend';
import { BatchedIssue1733500800000 } from './1733500800000-BatchedIssue';

/** Every migration, in order. Listed explicitly so that source and compiled builds load the same set. */
export const MIGRATIONS = [
  CreateSmsCore1732550400000,
  CreateProviderState1732636800000,
  CreateAbuseDefence1732723200000,
  CreateTotpFactors1732809600000,
  CreateAlertStates1732896000000,
  LeanerSendSlot1732982400000,
  CreateAssuranceAndRecoveryCodes1733068800000,
  FraudEvidenceOutlivesFactors1733155200000,
  CreateSpendCaps1733241600000,
  SendSlotFromSqlFile1733328000000,
  DeliveryChannels1733414400000,
  BatchedIssue1733500800000,
  BatchedVerify1733587200000,
  FoldedLoginSend1733673600000,
];
