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
Object.defineProperty(exports, "__esModule", { value: true });
exports.ErrorResponse = exports.SmsEnrollResponse = exports.SmsChallengeResponse = exports.RecoveryCodeDto = exports.CodeDto = exports.SmsChallengeDto = exports.EnrollSmsDto = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
function ChannelField() {
    return (0, common_1.applyDecorators)((0, swagger_1.ApiPropertyOptional)({
        enum: ['sms', 'voice', 'whatsapp'],
        default: 'sms',
        description: 'How the code goes: the channels SMS_CHANNELS enables (else 400 CHANNEL_NOT_AVAILABLE). Voice may reach a fixed line.',
    }), (0, class_validator_1.IsOptional)(), (0, class_validator_1.IsString)(), (0, class_validator_1.MaxLength)(16));
}
class EnrollSmsDto {
    phoneNumber;
    channel;
}
exports.EnrollSmsDto = EnrollSmsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '+14155552671', description: 'International format (E.164; spaces and dashes are removed).' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(32),
    __metadata("design:type", String)
], EnrollSmsDto.prototype, "phoneNumber", void 0);
__decorate([
    ChannelField(),
    __metadata("design:type", String)
], EnrollSmsDto.prototype, "channel", void 0);
class SmsChallengeDto {
    phoneNumber;
    channel;
}
exports.SmsChallengeDto = SmsChallengeDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '+14155552671', description: "Defaults to the user's verified number." }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(32),
    __metadata("design:type", String)
], SmsChallengeDto.prototype, "phoneNumber", void 0);
__decorate([
    ChannelField(),
    __metadata("design:type", String)
], SmsChallengeDto.prototype, "channel", void 0);
class CodeDto {
    code;
}
exports.CodeDto = CodeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '123456', description: 'The digits received.' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(/^\d{4,10}$/, { message: 'code must be a string of 4 to 10 digits' }),
    __metadata("design:type", String)
], CodeDto.prototype, "code", void 0);
class RecoveryCodeDto {
    code;
}
exports.RecoveryCodeDto = RecoveryCodeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'k3x9m-2tqvb', description: 'One recovery code; case, spaces and dashes are ignored.' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(40),
    __metadata("design:type", String)
], RecoveryCodeDto.prototype, "code", void 0);
class SmsChallengeResponse {
    challengeId;
    channel;
    maskedPhone;
    expiresAt;
    resendAvailableAt;
}
exports.SmsChallengeResponse = SmsChallengeResponse;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SmsChallengeResponse.prototype, "challengeId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['sms', 'voice', 'whatsapp'], description: 'How the code went: the channel asked for, or voice after a fallback.' }),
    __metadata("design:type", String)
], SmsChallengeResponse.prototype, "channel", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '+1 ••• ••• 2671' }),
    __metadata("design:type", String)
], SmsChallengeResponse.prototype, "maskedPhone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Date)
], SmsChallengeResponse.prototype, "expiresAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Date)
], SmsChallengeResponse.prototype, "resendAvailableAt", void 0);
class SmsEnrollResponse extends SmsChallengeResponse {
    factorId;
}
exports.SmsEnrollResponse = SmsEnrollResponse;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], SmsEnrollResponse.prototype, "factorId", void 0);
class ErrorResponse {
    statusCode;
    code;
    message;
    attemptsRemaining;
    retryAfterSeconds;
    limit;
    methods;
}
exports.ErrorResponse = ErrorResponse;
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", Number)
], ErrorResponse.prototype, "statusCode", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'CODE_INVALID' }),
    __metadata("design:type", String)
], ErrorResponse.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(),
    __metadata("design:type", String)
], ErrorResponse.prototype, "message", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    __metadata("design:type", Number)
], ErrorResponse.prototype, "attemptsRemaining", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    __metadata("design:type", Number)
], ErrorResponse.prototype, "retryAfterSeconds", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(),
    __metadata("design:type", String)
], ErrorResponse.prototype, "limit", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'STEP_UP_REQUIRED / MFA_REQUIRED: methods the user can verify with', example: ['totp', 'sms'] }),
    __metadata("design:type", Array)
], ErrorResponse.prototype, "methods", void 0);
//# sourceMappingURL=dto.js.map