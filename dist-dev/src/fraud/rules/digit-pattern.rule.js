"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.digitPatternRule = void 0;
exports.digitRuns = digitRuns;
const MIN_RUN = 6;
function digitRuns(digits) {
    let repeated = 1;
    let sequential = 1;
    let rep = 1;
    let up = 1;
    let down = 1;
    for (let i = 1; i < digits.length; i++) {
        const d = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
        rep = d === 0 ? rep + 1 : 1;
        up = d === 1 ? up + 1 : 1;
        down = d === -1 ? down + 1 : 1;
        repeated = Math.max(repeated, rep);
        sequential = Math.max(sequential, up, down);
    }
    return { repeated, sequential };
}
exports.digitPatternRule = {
    name: 'digit_pattern',
    usesStatistics: false,
    scope: 'send',
    evaluate(ctx) {
        const { repeated, sequential } = digitRuns(ctx.nationalNumber);
        if (repeated >= MIN_RUN)
            return { rule: this.name, detail: `${repeated} identical digits in a row` };
        if (sequential >= MIN_RUN)
            return { rule: this.name, detail: `${sequential} consecutive digits in a row` };
        return undefined;
    },
};
//# sourceMappingURL=digit-pattern.rule.js.map