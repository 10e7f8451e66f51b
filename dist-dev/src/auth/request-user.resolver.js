"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RequestUserResolver = void 0;
const common_1 = require("@nestjs/common");
let RequestUserResolver = class RequestUserResolver {
    resolve(request) {
        const user = request.user;
        const id = user?.id ?? user?.sub;
        if (typeof id !== 'string' && typeof id !== 'number')
            return null;
        const roles = Array.isArray(user?.roles) ? user.roles.filter((r) => typeof r === 'string') : [];
        const session = user?.sessionId ?? user?.sid;
        return { id: String(id), roles, sessionId: typeof session === 'string' && session ? session : undefined };
    }
};
exports.RequestUserResolver = RequestUserResolver;
exports.RequestUserResolver = RequestUserResolver = __decorate([
    (0, common_1.Injectable)()
], RequestUserResolver);
//# sourceMappingURL=request-user.resolver.js.map