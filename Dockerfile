# The Maillon server and its built client, for docker-compose.yml (Neo4j beside it).
# Node 20 on Debian bookworm: glibc 2.36 suits the prebuilt Kùzu and argon2 binaries.

# Build stage: every dependency (TypeScript, Vite), then the server's JavaScript and the client.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so that a source change does not reinstall them.
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Runtime stage: production dependencies only (no compiler, no tsx) and the built output.
FROM node:20-bookworm-slim
WORKDIR /app
# The server holds investigation data and secrets: it runs as the unprivileged `node` user.
RUN chown node:node /app
USER node
COPY --chown=node:node package.json package-lock.json ./
COPY --chown=node:node server/package.json server/
COPY --chown=node:node client/package.json client/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --chown=node:node --from=build /app/server/dist server/dist
COPY --chown=node:node --from=build /app/client/dist client/dist
COPY --chown=node:node scripts/start.mjs scripts/build.mjs scripts/run-cli.mjs scripts/
COPY --chown=node:node cypher cypher
# The data directory exists before the volume mounts on it, so the volume starts owned by `node`.
RUN mkdir -p /app/data

ENV NODE_ENV=production \
    PORT=4000 \
    MAILLON_DATA_DIR=/app/data
EXPOSE 4000
VOLUME ["/app/data"]

# Runs server/dist/main.js (no sources in this image, so nothing is rebuilt).
CMD ["npm", "start"]
