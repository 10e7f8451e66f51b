"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendSlotRequest = sendSlotRequest;
exports.isCooldown = isCooldown;
const UNLIMITED = 2_000_000_000;
function sendSlotRequest(config, s) {
    const cooldown = config.cooldownMinutes * 60;
    const request = {
        subjects: [`user:${s.userId}`],
        names: ['user'],
        hourly: [config.hourlyLimit],
        daily: [config.dailyLimit],
        cooldownSeconds: [cooldown],
        progressive: [config.progressiveCooldown],
        cooldownCapSeconds: Math.max(cooldown, config.cooldownMaxMinutes * 60),
    };
    const add = (subject, name, hourly, daily, cooldownSeconds) => {
        request.subjects.push(subject);
        request.names.push(name);
        request.hourly.push(hourly);
        request.daily.push(daily);
        request.cooldownSeconds.push(cooldownSeconds);
        request.progressive.push(false);
    };
    if (s.purpose === 'login') {
        add(`phone:${s.phoneE164}`, 'phone', config.hourlyLimit, config.dailyLimit, cooldown);
    }
    else {
        const requester = s.clientIp ? `ip:${s.clientIp}` : `user:${s.userId}`;
        add(`enroll:${s.phoneE164}:${requester}`, 'enroll_phone', config.enrollNumberHourlyLimit, config.enrollNumberDailyLimit, cooldown);
        add(`enroll:${s.phoneE164}`, 'enroll_phone_total', config.enrollNumberTotalHourlyLimit, config.enrollNumberTotalDailyLimit, 0);
    }
    if (s.clientIp) {
        add(`ip:${s.clientIp}`, 'ip', config.ipHourlyLimit, UNLIMITED, 0);
    }
    return request;
}
function isCooldown(refusal) {
    return refusal.limit.endsWith('_cooldown');
}
//# sourceMappingURL=send-limits.js.map