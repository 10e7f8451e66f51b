"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VOICE_FALLBACK_LOCALE = exports.VOICE_PHRASES = void 0;
exports.voiceScript = voiceScript;
exports.spokenText = spokenText;
exports.VOICE_PHRASES = {
    en: { intro: 'Your {app} verification code is', repeat: 'Once again, your code is', warning: 'Never share this code with anyone.' },
    es: { intro: 'Su código de verificación de {app} es', repeat: 'Repito, su código es', warning: 'No comparta este código con nadie.' },
    fr: { intro: 'Votre code de vérification {app} est', repeat: 'Je répète, votre code est', warning: 'Ne partagez ce code avec personne.' },
    ar: { intro: 'رمز التحقق الخاص بك من {app} هو', repeat: 'أكرر، رمزك هو', warning: 'لا تشارك هذا الرمز مع أي شخص.' },
    ru: { intro: 'Ваш код подтверждения {app}:', repeat: 'Повторяю, ваш код:', warning: 'Никому не сообщайте этот код.' },
    tr: { intro: '{app} doğrulama kodunuz', repeat: 'Tekrar ediyorum, kodunuz', warning: 'Bu kodu kimseyle paylaşmayın.' },
    uk: { intro: 'Ваш код підтвердження {app}:', repeat: 'Повторюю, ваш код:', warning: 'Нікому не повідомляйте цей код.' },
};
exports.VOICE_FALLBACK_LOCALE = 'en';
function voiceScript(locale, app, code) {
    const phrases = exports.VOICE_PHRASES[locale];
    return {
        locale,
        intro: phrases.intro.replace('{app}', app),
        repeat: phrases.repeat.replace('{app}', app),
        digits: [...code],
        warning: phrases.warning,
    };
}
function spokenText(script) {
    const digits = script.digits.join(', ');
    return `${script.intro} ${digits}. ${script.repeat} ${digits}. ${script.warning}`;
}
//# sourceMappingURL=voice-scripts.js.map