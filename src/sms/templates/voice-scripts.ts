import type { VoiceScript } from '../providers/sms-provider';

/**
 * What a call says before the digits, and before saying them again, in the
 * languages the built-in voices of the providers speak. A user whose locale
 * is not here hears English: a code said in a language one does not read is
 * still a code, and English is what every provider can say.
 */
export const VOICE_PHRASES: Readonly<Record<string, { intro: string; repeat: string }>> = {
  en: { intro: 'Your {app} verification code is', repeat: 'Once again, your code is' },
  es: { intro: 'Su código de verificación de {app} es', repeat: 'Repito, su código es' },
  fr: { intro: 'Votre code de vérification {app} est', repeat: 'Je répète, votre code est' },
  ar: { intro: 'رمز التحقق الخاص بك من {app} هو', repeat: 'أكرر، رمزك هو' },
  ru: { intro: 'Ваш код подтверждения {app}:', repeat: 'Повторяю, ваш код:' },
  tr: { intro: '{app} doğrulama kodunuz', repeat: 'Tekrar ediyorum, kodunuz' },
  uk: { intro: 'Ваш код підтвердження {app}:', repeat: 'Повторюю, ваш код:' },
};

export const VOICE_FALLBACK_LOCALE = 'en';

/** The script of a call in one of VOICE_PHRASES' locales: the digits one by one, said twice. */
export function voiceScript(locale: string, app: string, code: string): VoiceScript {
  const phrases = VOICE_PHRASES[locale];
  return {
    locale,
    intro: phrases.intro.replace('{app}', app),
    repeat: phrases.repeat.replace('{app}', app),
    digits: [...code],
  };
}

/** The script as plain text (the mock outbox shows it; Twilio and AWS get their own markup). */
export function spokenText(script: VoiceScript): string {
  const digits = script.digits.join(', ');
  return `${script.intro} ${digits}. ${script.repeat} ${digits}.`;
}
