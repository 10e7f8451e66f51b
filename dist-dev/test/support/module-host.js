"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.HeaderUserResolver = void 0;
exports.startModuleHost = startModuleHost;
const common_1 = require("@nestjs/common");
const testing_1 = require("@nestjs/testing");
const http_request_1 = require("../../src/common/http-request");
const src_1 = require("../../src");
const configure_app_1 = require("../../src/demo/configure-app");
const app_1 = require("./app");
const capturing_logger_1 = require("./capturing-logger");
const clock_1 = require("./clock");
let HeaderUserResolver = class HeaderUserResolver {
    resolve(request) {
        const id = (0, http_request_1.header)(request, 'x-user');
        return id ? { id, sessionId: (0, http_request_1.header)(request, 'x-session') || undefined, roles: ((0, http_request_1.header)(request, 'x-roles') ?? '').split(',').filter(Boolean) } : null;
    }
};
exports.HeaderUserResolver = HeaderUserResolver;
exports.HeaderUserResolver = HeaderUserResolver = __decorate([
    (0, common_1.Injectable)()
], HeaderUserResolver);
async function startModuleHost(options, extraImports = []) {
    let MinimalHostModule = class MinimalHostModule {
    };
    MinimalHostModule = __decorate([
        (0, common_1.Module)({ imports: [src_1.SmsMfaModule.forRootAsync({ userResolver: HeaderUserResolver, ...options }), ...extraImports] })
    ], MinimalHostModule);
    const clock = new clock_1.FakeClock();
    const moduleRef = await testing_1.Test.createTestingModule({ imports: [MinimalHostModule] })
        .overrideProvider(src_1.Clock)
        .useValue(clock)
        .setLogger(new capturing_logger_1.CapturingLogger())
        .compile();
    const adapter = (0, configure_app_1.httpAdapterFor)((0, src_1.loadMfaConfig)({ HTTP_ADAPTER: process.env.HTTP_ADAPTER }).httpAdapter, { trustProxy: false });
    const app = moduleRef.createNestApplication(adapter, { logger: new capturing_logger_1.CapturingLogger() });
    await (0, app_1.initApp)(app);
    return { app, clock };
}
//# sourceMappingURL=module-host.js.map