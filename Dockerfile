# One image for every Tiergate process; the command picks the app:
#   api (default): node dist/apps/api/src/main.js
#   worker:        node dist/apps/worker/src/main.js
#   simulator:     node dist/apps/upstream-sim/src/main.js
#   migrations:    node dist/libs/database/src/cli/run-migrations.js
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.json .swcrc nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
