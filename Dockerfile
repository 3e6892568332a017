# One image for every Tiergate process; the command picks the app:
#   api (default): node dist/apps/api/src/main.js
#   worker:        node dist/apps/worker/src/main.js
#   simulator:     node dist/apps/upstream-sim/src/main.js
#   migrations:    node dist/libs/database/src/cli/run-migrations.js
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Exactly the lock file's versions (never rewrites it).
RUN npm ci --no-audit --no-fund
COPY tsconfig.json .swcrc nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# HOST: a container must listen on every interface to be reachable through its published port.
# DATA_DIR: generated images and speech (ARTIFACT_STORE=local), the usage spool, and in embedded
# mode the database and generated secrets; a volume the unprivileged `node` user owns.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
