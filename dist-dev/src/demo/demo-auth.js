"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DemoAuthModule = exports.JwtUserResolver = exports.DemoAuth = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const jwt = __importStar(require("jsonwebtoken"));
const http_request_1 = require("../common/http-request");
const mfa_config_1 = require("../config/mfa-config");
let DemoAuth = class DemoAuth {
    config;
    generatedSecret;
    key;
    constructor(config) {
        this.config = config;
        if (!config.authJwtSecret && config.production) {
            throw new mfa_config_1.ConfigError(['AUTH_JWT_SECRET must be set when NODE_ENV=production']);
        }
        this.generatedSecret = !config.authJwtSecret;
        this.key = (0, node_crypto_1.createSecretKey)(Buffer.from(config.authJwtSecret ?? (0, node_crypto_1.randomBytes)(32).toString('base64url')));
    }
    issueToken(sub, roles = [], expiresInSeconds = 12 * 3600, sid = (0, node_crypto_1.randomUUID)()) {
        const { authJwtIssuer: issuer, authJwtAudience: audience, authJwtMaxLifetimeMinutes } = this.config;
        return jwt.sign({ sub, roles, sid }, this.key, {
            algorithm: 'HS256',
            expiresIn: Math.min(expiresInSeconds, authJwtMaxLifetimeMinutes * 60),
            ...(issuer && { issuer }),
            ...(audience && { audience }),
        });
    }
    verify(token) {
        try {
            const { authJwtIssuer: issuer, authJwtAudience: audience, authJwtMaxLifetimeMinutes } = this.config;
            const claims = jwt.verify(token, this.key, {
                algorithms: ['HS256'],
                ...(issuer && { issuer }),
                ...(audience && { audience }),
            });
            if (typeof claims.sub !== 'string' || !claims.sub || claims.sub.length > 200)
                return null;
            if (typeof claims.exp !== 'number' || claims.exp * 1000 - Date.now() > authJwtMaxLifetimeMinutes * 60_000)
                return null;
            const roles = Array.isArray(claims.roles) ? claims.roles.filter((r) => typeof r === 'string') : [];
            return { id: claims.sub, roles, sessionId: sessionOf(claims, token) };
        }
        catch {
            return null;
        }
    }
};
exports.DemoAuth = DemoAuth;
exports.DemoAuth = DemoAuth = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(mfa_config_1.MFA_CONFIG)),
    __metadata("design:paramtypes", [Object])
], DemoAuth);
function sessionOf(claims, token) {
    for (const claim of [claims.sid, claims.jti]) {
        if (typeof claim === 'string' && claim.length > 0 && claim.length <= 200)
            return claim;
    }
    return (0, node_crypto_1.createHash)('sha256').update(token).digest('base64url');
}
let JwtUserResolver = class JwtUserResolver {
    auth;
    constructor(auth) {
        this.auth = auth;
    }
    resolve(request) {
        const match = (0, http_request_1.header)(request, 'authorization')?.match(/^Bearer\s+([A-Za-z0-9_.-]{10,4096})$/);
        return match ? this.auth.verify(match[1]) : null;
    }
};
exports.JwtUserResolver = JwtUserResolver;
exports.JwtUserResolver = JwtUserResolver = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [DemoAuth])
], JwtUserResolver);
let DemoAuthModule = class DemoAuthModule {
};
exports.DemoAuthModule = DemoAuthModule;
exports.DemoAuthModule = DemoAuthModule = __decorate([
    (0, common_1.Module)({ providers: [DemoAuth, JwtUserResolver], exports: [DemoAuth, JwtUserResolver] })
], DemoAuthModule);
//# sourceMappingURL=demo-auth.js.map