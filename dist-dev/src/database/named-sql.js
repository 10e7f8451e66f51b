"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.named = named;
const cache = new Map();
function named(text, values) {
    let compiled = cache.get(text);
    if (!compiled) {
        const names = [];
        const sql = text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|(\$\w*\$)[\s\S]*?\1|--[^\n]*|(?<![:\w]):([a-zA-Z_][a-zA-Z0-9_]*)/g, (match, _dollar, name) => {
            if (!name)
                return match;
            let at = names.indexOf(name);
            if (at < 0)
                at = names.push(name) - 1;
            return `$${at + 1}`;
        });
        compiled = { text: sql, names };
        cache.set(text, compiled);
    }
    const params = compiled.names.map((name) => {
        if (!Object.hasOwn(values, name))
            throw new Error(`no value for :${name}`);
        return values[name];
    });
    return { text: compiled.text, params };
}
//# sourceMappingURL=named-sql.js.map