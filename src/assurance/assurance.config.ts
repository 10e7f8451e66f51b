import { bool, int } from '../config/env-rules';
import type { CoreSettings } from '../config/core.settings';
import { defineSettings } from '../config/settings';

/** How long a second factor counts, and who must have shown one. */
export interface AssuranceSettings {
  /** How long a session stays at aal2 after its last second-factor verification. */
  assuranceMaxAgeMinutes: number;
  /** How recent a verification in the same session must be for factor management (step-up). */
  stepUpMaxAgeMinutes: number;
  /** Admin routes need the operator's session at aal2 (verified within 30 minutes). */
  adminRequiresMfa: boolean;
}

export const ASSURANCE_SETTINGS = defineSettings<AssuranceSettings, CoreSettings>({
  title: 'Assurance',
  fields: {
    assuranceMaxAgeMinutes: {
      env: 'MFA_ASSURANCE_MAX_AGE_MINUTES',
      rule: int(1, 43_200),
      default: 720,
      doc: 'a session stays at aal2 this long after its last second-factor verification',
    },
    stepUpMaxAgeMinutes: {
      env: 'MFA_STEP_UP_MAX_AGE_MINUTES',
      rule: int(1, 1440),
      default: 10,
      doc: 'factor changes need a verification in the same session this recent',
    },
    adminRequiresMfa: {
      env: 'MFA_ADMIN_REQUIRES_MFA',
      rule: bool(),
      default: true,
      doc: "the `/admin/*` routes need the operator's own session at aal2, verified within 30 minutes (403 `MFA_REQUIRED` otherwise)",
    },
  },
  check(c, problems, warnings) {
    if ((c.stepUpMaxAgeMinutes ?? 0) > (c.assuranceMaxAgeMinutes ?? 0))
      problems.push('MFA_STEP_UP_MAX_AGE_MINUTES must not exceed MFA_ASSURANCE_MAX_AGE_MINUTES');
    if (c.production && c.adminRequiresMfa === false) {
      warnings.push({
        variable: 'MFA_ADMIN_REQUIRES_MFA',
        message: 'is false: a stolen operator password alone opens the admin routes (country rules, lockouts)',
      });
    }
  },
});

/** The settings the assurance feature reads: its slice of the configuration (provided with configSlice). */
export const ASSURANCE_CONFIG = Symbol('ASSURANCE_CONFIG');
export const ASSURANCE_CONFIG_KEYS = Object.keys(ASSURANCE_SETTINGS.fields) as (keyof AssuranceSettings)[];
export type AssuranceConfig = AssuranceSettings;
