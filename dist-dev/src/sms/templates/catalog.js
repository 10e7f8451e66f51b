"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_LOCALE = exports.BUILT_IN_TEMPLATES = void 0;
exports.BUILT_IN_TEMPLATES = {
    en: '{app}: your code is {code}. It expires in {minutes} min. Never share it.',
    es: '{app}: su codigo es {code}. Vence en {minutes} min. No lo comparta.',
    fr: '{app} : votre code est {code}. Valable {minutes} min. Ne le partagez pas.',
    ar: '{app}: رمزك {code}. صالح {minutes} دقيقة. لا تشاركه مع أحد.',
    fa: '{app}: کد شما {code}. اعتبار {minutes} دقیقه. به کسی ندهید.',
    ps: '{app}: کوډ {code}. {minutes} دقیقې اعتبار لري. چاته یې مه ورکوئ.',
    uk: '{app}: ваш код {code}. Дійсний {minutes} хв. Нікому не кажіть.',
    ru: '{app}: код {code}. Действует {minutes} мин. Никому не сообщайте.',
    tr: '{app}: kodunuz {code}. {minutes} dk geçerli. Kimseyle paylaşmayın.',
    so: '{app}: koodhkaagu waa {code}. Wuxuu dhacayaa {minutes} daqiiqo. Cidna ha la wadaagin.',
    ti: '{app}: ኮድኩም {code} እዩ። ን{minutes} ደቒቕ ይሰርሕ። ንማንም ኣይተካፍሉ።',
    sw: '{app}: nambari yako ni {code}. Inaisha baada ya dakika {minutes}. Usimpe mtu yeyote.',
};
exports.DEFAULT_LOCALE = 'en';
//# sourceMappingURL=catalog.js.map