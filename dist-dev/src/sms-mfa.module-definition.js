"use strict";
var _a;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ASYNC_OPTIONS_TYPE = exports.OPTIONS_TYPE = exports.SMS_MFA_MODULE_OPTIONS = exports.SmsMfaConfigurableModule = void 0;
const common_1 = require("@nestjs/common");
_a = new common_1.ConfigurableModuleBuilder({ moduleName: 'SmsMfa' })
    .setClassMethodName('forRoot')
    .setExtras({ controllers: true, jobs: true, eventEmitter: true }, (definition) => definition)
    .build(), exports.SmsMfaConfigurableModule = _a.ConfigurableModuleClass, exports.SMS_MFA_MODULE_OPTIONS = _a.MODULE_OPTIONS_TOKEN, exports.OPTIONS_TYPE = _a.OPTIONS_TYPE, exports.ASYNC_OPTIONS_TYPE = _a.ASYNC_OPTIONS_TYPE;
//# sourceMappingURL=sms-mfa.module-definition.js.map