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
exports.ShutdownDrain = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const ops_config_1 = require("./ops.config");
const RETRY_AFTER_SECONDS = 5;
let ShutdownDrain = class ShutdownDrain {
    config;
    adapterHost;
    logger = new common_1.Logger('Shutdown');
    draining = false;
    inFlight = 0;
    idle;
    others = [];
    startDraining;
    drainStarted = new Promise((resolve) => (this.startDraining = resolve));
    constructor(config, adapterHost) {
        this.config = config;
        this.adapterHost = adapterHost;
    }
    get isDraining() {
        return this.draining;
    }
    attach(server) {
        this.others.push(server);
    }
    middleware = (req, res, next) => {
        if (this.draining) {
            res.writeHead(503, {
                'content-type': 'application/json',
                connection: 'close',
                'retry-after': String(RETRY_AFTER_SECONDS),
            });
            res.end(JSON.stringify({
                statusCode: 503,
                code: 'SERVICE_UNAVAILABLE',
                message: 'This instance is shutting down: retry.',
                retryAfterSeconds: RETRY_AFTER_SECONDS,
            }));
            return;
        }
        this.inFlight += 1;
        let done = false;
        const finish = () => {
            if (done)
                return;
            done = true;
            this.inFlight -= 1;
            if (this.draining)
                res.shouldKeepAlive = false;
            if (this.inFlight === 0)
                this.idle?.();
        };
        res.once('finish', finish);
        res.once('close', finish);
        next();
    };
    async beforeApplicationShutdown() {
        this.draining = true;
        this.startDraining();
        const servers = [this.adapterHost.httpAdapter?.getHttpServer(), ...this.others].filter((s) => !!s && typeof s.closeIdleConnections === 'function');
        for (const server of servers)
            server.closeIdleConnections();
        const started = Date.now();
        if (this.inFlight > 0) {
            let timer;
            await Promise.race([
                new Promise((resolve) => (this.idle = resolve)),
                new Promise((resolve) => (timer = setTimeout(resolve, this.config.shutdownDrainMs))),
            ]);
            clearTimeout(timer);
        }
        if (this.inFlight > 0)
            this.logger.warn(`${this.inFlight} requests still running after ${this.config.shutdownDrainMs} ms: closed`);
        else
            this.logger.log(`drained in ${Date.now() - started} ms`);
        for (const server of servers)
            server.closeAllConnections();
        for (const other of this.others)
            other.close();
    }
};
exports.ShutdownDrain = ShutdownDrain;
exports.ShutdownDrain = ShutdownDrain = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(ops_config_1.OPS_CONFIG)),
    __metadata("design:paramtypes", [Object, core_1.HttpAdapterHost])
], ShutdownDrain);
//# sourceMappingURL=shutdown-drain.service.js.map