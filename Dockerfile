# Multi-stage build of the demo host (the module plus its REST API).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
COPY apps ./apps
# The image runs the demo host, which needs the module's peers (Nest) and the demo's own packages,
# all devDependencies of the library: no prune.
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# Bounded heap spaces keep the resident size small (about 175 MB under load in npm run bench).
ENV NODE_OPTIONS="--max-old-space-size=160 --max-semi-space-size=4"
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The PL/pgSQL the migrations load (the sql folders under src).
COPY --from=build /app/src/rate-limit/sql ./src/rate-limit/sql
COPY --from=build /app/src/sms/pricing/sql ./src/sms/pricing/sql
COPY --from=build /app/src/sms/sql ./src/sms/sql
COPY --from=build /app/src/challenges/sql ./src/challenges/sql
COPY package.json ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/apps/demo/main.js"]
