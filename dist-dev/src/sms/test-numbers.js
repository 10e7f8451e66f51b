"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.testNumberCode = testNumberCode;
function testNumberCode(config, e164, now) {
    const code = config.testNumbers[e164];
    if (!code)
        return undefined;
    if (config.testNumbersValidUntil && now.getTime() >= Date.parse(config.testNumbersValidUntil))
        return undefined;
    return code;
}
//# sourceMappingURL=test-numbers.js.map