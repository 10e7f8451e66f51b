"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createValidationPipe = createValidationPipe;
const common_1 = require("@nestjs/common");
const mfa_error_1 = require("./mfa-error");
function createValidationPipe() {
    return new common_1.ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
        transform: true,
        validationError: { target: false, value: false },
        exceptionFactory: (errors) => new mfa_error_1.MfaError('VALIDATION_FAILED', errors
            .flatMap((e) => Object.values(e.constraints ?? { invalid: `${e.property} is invalid` }))
            .join('; ') || 'The request body is malformed.'),
    });
}
//# sourceMappingURL=validation.js.map