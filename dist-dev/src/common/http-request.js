"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.header = header;
function header(request, name) {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
//# sourceMappingURL=http-request.js.map