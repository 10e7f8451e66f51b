"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OwnProviderHostModule = exports.AcmeModule = exports.AcmeSmsProvider = exports.ACME_OPTIONS = void 0;
exports.classifyAcme = classifyAcme;
const common_1 = require("@nestjs/common");
const src_1 = require("../src");
exports.ACME_OPTIONS = Symbol('ACME_OPTIONS');
let AcmeSmsProvider = class AcmeSmsProvider {
    options;
    name = 'ACME';
    enabled = true;
    constructor(options) {
        this.options = options;
    }
    async send(message, signal) {
        let res;
        try {
            res = await fetch(new URL('/v1/messages', this.options.baseUrl), {
                method: 'POST',
                signal,
                headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.apiKey}` },
                body: JSON.stringify({ to: message.to, text: message.body, ttl: Math.floor(message.validitySeconds), reference: message.reference }),
            });
        }
        catch {
            throw new src_1.ProviderError(signal.aborted ? 'timeout' : 'network');
        }
        const body = (await res.json().catch(() => ({})));
        if (res.status === 201)
            return { providerMessageId: body.id, status: 'queued' };
        throw classifyAcme(res.status, body.error?.code);
    }
};
exports.AcmeSmsProvider = AcmeSmsProvider;
exports.AcmeSmsProvider = AcmeSmsProvider = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(exports.ACME_OPTIONS)),
    __metadata("design:paramtypes", [Object])
], AcmeSmsProvider);
function classifyAcme(status, code = String(status)) {
    if (code === 'invalid_number')
        return new src_1.ProviderError('invalid_number', code);
    if (code === 'opted_out')
        return new src_1.ProviderError('opted_out', code);
    if (code === 'destination_blocked')
        return new src_1.ProviderError('region', code);
    if (status === 401 || status === 403)
        return new src_1.ProviderError('account', code);
    if (status === 429)
        return new src_1.ProviderError('throttled', code);
    if (status >= 500)
        return new src_1.ProviderError('server', code);
    return new src_1.ProviderError('request', code);
}
let AcmeModule = class AcmeModule {
};
exports.AcmeModule = AcmeModule;
exports.AcmeModule = AcmeModule = __decorate([
    (0, common_1.Module)({
        providers: [
            {
                provide: exports.ACME_OPTIONS,
                useFactory: () => ({ baseUrl: process.env.ACME_BASE_URL ?? '', apiKey: process.env.ACME_API_KEY ?? '' }),
            },
        ],
        exports: [exports.ACME_OPTIONS],
    })
], AcmeModule);
let OwnProviderHostModule = class OwnProviderHostModule {
};
exports.OwnProviderHostModule = OwnProviderHostModule;
exports.OwnProviderHostModule = OwnProviderHostModule = __decorate([
    (0, common_1.Module)({
        imports: [
            src_1.SmsMfaModule.forRootAsync({
                providers: [AcmeSmsProvider],
                imports: [AcmeModule],
                controllers: false,
                useFactory: () => ({
                    config: {
                        databaseUrl: process.env.MFA_DATABASE_URL,
                        mockSmsEnabled: false,
                        providers: { ACME: { priority: 1, maxPerMinute: 120 }, TWILIO: { priority: 2 } },
                    },
                }),
            }),
        ],
    })
], OwnProviderHostModule);
//# sourceMappingURL=acme-sms.provider.js.map