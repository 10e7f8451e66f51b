"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MfaPublicRoute = exports.MFA_PUBLIC_ROUTE = void 0;
exports.isMfaPublicRoute = isMfaPublicRoute;
const common_1 = require("@nestjs/common");
exports.MFA_PUBLIC_ROUTE = 'sms-mfa:public-route';
const MfaPublicRoute = () => (0, common_1.SetMetadata)(exports.MFA_PUBLIC_ROUTE, true);
exports.MfaPublicRoute = MfaPublicRoute;
function isMfaPublicRoute(reflector, context) {
    return reflector.getAllAndOverride(exports.MFA_PUBLIC_ROUTE, [context.getHandler(), context.getClass()]) === true;
}
//# sourceMappingURL=public-route.js.map