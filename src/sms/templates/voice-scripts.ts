import type { VoiceScript } from '../providers/sms-provider';

/**
 * What a call says before the digits, and before saying them again, in the
 * languages the built-in voices of the providers speak. A user whose locale
 * is not here hears English: a code said in a language one does not read is
 * still a code, and English is what every provider can say.
 */
export const VOICE_PHRASES: Readonly<Record<string, { intro: string; repeat: string; warning: string }>> = {
  en: { intro: 'Your {app} verification code is', repeat: 'Once again, your code is', warning: 'Never share this code with anyone.' },
  es: { intro: 'Su código de verificación de {app} es', repeat: 'Repito, su código es', warning: 'No comparta este código con nadie.' },
  fr: { intro: 'Votre code de vérification {app} est', repeat: 'Je répète, votre code est', warning: 'Ne partagez ce code avec personne.' },
  ar: { intro: 'رمز التحقق الخاص بك من {app} هو', repeat: 'أكرر، رمزك هو', warning: 'لا تشارك هذا الرمز مع أي شخص.' },
  ru: { intro: 'Ваш код подтверждения {app}:', repeat: 'Повторяю, ваш код:', warning: 'Никому не сообщайте этот код.' },
  tr: { intro: '{app} doğrulama kodunuz', repeat: 'Tekrar ediyorum, kodunuz', warning: 'Bu kodu kimseyle paylaşmayın.' },
  uk: { intro: 'Ваш код підтвердження {app}:', repeat: 'Повторюю, ваш код:', warning: 'Нікому не повідомляйте цей код.' },
};

export const VOICE_FALLBACK_LOCALE = 'en';

/** The script of a call in one of VOICE_PHRASES' locales: the digits one by one, said twice, then the warning. */
export function voiceScript(locale: string, app: string, code: string): VoiceScript {
  const phrases = VOICE_PHRASES[locale];
  return {
    locale,
    intro: phrases.intro.replace('{app}', app),
    repeat: phrases.repeat.replace('{app}', app),
    digits: [...code],
    warning: phrases.warning,
  };
}

/** The script as plain text (the mock outbox shows it; Twilio and AWS get their own markup). */
export function spokenText(script: VoiceScript): string {
  const digits = script.digits.join(', ');
  return `${script.intro} ${digits}. ${script.repeat} ${digits}. ${script.warning}`;
}
