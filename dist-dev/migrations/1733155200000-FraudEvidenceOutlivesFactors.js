"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FraudEvidenceOutlivesFactors1733155200000 = void 0;
class FraudEvidenceOutlivesFactors1733155200000 {
    name = 'FraudEvidenceOutlivesFactors1733155200000';
    async up(q) {
        await q.query(`
      DO $$
      DECLARE fk text;
      BEGIN
        SELECT conname INTO fk FROM pg_constraint
         WHERE conrelid = 'mfa_challenges'::regclass AND confrelid = 'mfa_sms_factors'::regclass;
        IF fk IS NOT NULL THEN EXECUTE format('ALTER TABLE mfa_challenges DROP CONSTRAINT %I', fk); END IF;
      END $$`);
        await q.query(`
      CREATE INDEX mfa_challenges_live_factor ON mfa_challenges (factor_id)
       WHERE consumed_at IS NULL AND invalidated_at IS NULL`);
    }
    async down(q) {
        await q.query(`DROP INDEX mfa_challenges_live_factor`);
        await q.query(`DELETE FROM mfa_challenges c WHERE NOT EXISTS (SELECT 1 FROM mfa_sms_factors f WHERE f.id = c.factor_id)`);
        await q.query(`
      ALTER TABLE mfa_challenges ADD FOREIGN KEY (factor_id) REFERENCES mfa_sms_factors (id) ON DELETE CASCADE`);
    }
}
exports.FraudEvidenceOutlivesFactors1733155200000 = FraudEvidenceOutlivesFactors1733155200000;
//# sourceMappingURL=1733155200000-FraudEvidenceOutlivesFactors.js.map