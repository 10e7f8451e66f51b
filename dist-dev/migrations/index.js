"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIGRATIONS = void 0;
const _1732550400000_CreateSmsCore_1 = require("./1732550400000-CreateSmsCore");
const _1732636800000_CreateProviderState_1 = require("./1732636800000-CreateProviderState");
const _1732723200000_CreateAbuseDefence_1 = require("./1732723200000-CreateAbuseDefence");
const _1732809600000_CreateTotpFactors_1 = require("./1732809600000-CreateTotpFactors");
const _1732896000000_CreateAlertStates_1 = require("./1732896000000-CreateAlertStates");
const _1732982400000_LeanerSendSlot_1 = require("./1732982400000-LeanerSendSlot");
const _1733068800000_CreateAssuranceAndRecoveryCodes_1 = require("./1733068800000-CreateAssuranceAndRecoveryCodes");
const _1733155200000_FraudEvidenceOutlivesFactors_1 = require("./1733155200000-FraudEvidenceOutlivesFactors");
const _1733241600000_CreateSpendCaps_1 = require("./1733241600000-CreateSpendCaps");
const _1733328000000_SendSlotFromSqlFile_1 = require("./1733328000000-SendSlotFromSqlFile");
const _1733414400000_DeliveryChannels_1 = require("./1733414400000-DeliveryChannels");
exports.MIGRATIONS = [
    _1732550400000_CreateSmsCore_1.CreateSmsCore1732550400000,
    _1732636800000_CreateProviderState_1.CreateProviderState1732636800000,
    _1732723200000_CreateAbuseDefence_1.CreateAbuseDefence1732723200000,
    _1732809600000_CreateTotpFactors_1.CreateTotpFactors1732809600000,
    _1732896000000_CreateAlertStates_1.CreateAlertStates1732896000000,
    _1732982400000_LeanerSendSlot_1.LeanerSendSlot1732982400000,
    _1733068800000_CreateAssuranceAndRecoveryCodes_1.CreateAssuranceAndRecoveryCodes1733068800000,
    _1733155200000_FraudEvidenceOutlivesFactors_1.FraudEvidenceOutlivesFactors1733155200000,
    _1733241600000_CreateSpendCaps_1.CreateSpendCaps1733241600000,
    _1733328000000_SendSlotFromSqlFile_1.SendSlotFromSqlFile1733328000000,
    _1733414400000_DeliveryChannels_1.DeliveryChannels1733414400000,
];
//# sourceMappingURL=index.js.map