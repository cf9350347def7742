# The Maillon server and its built client, for docker-compose.yml (Neo4j beside it).
# Node 20 on Debian bookworm: glibc 2.36 suits the prebuilt Kùzu and argon2 binaries.
FROM node:20-bookworm-slim

WORKDIR /app
# The server holds investigation data and secrets: it runs as the unprivileged `node` user.
RUN chown node:node /app
USER node

# Dependencies first, so that a source change does not reinstall them.
COPY --chown=node:node package.json package-lock.json ./
COPY --chown=node:node server/package.json server/
COPY --chown=node:node client/package.json client/
RUN npm ci --no-audit --no-fund

COPY --chown=node:node . .
# The data directory exists before the volume mounts on it, so the volume starts owned by `node`.
RUN npm run build && mkdir -p /app/data

ENV NODE_ENV=production \
    PORT=4000 \
    MAILLON_DATA_DIR=/app/data
EXPOSE 4000
VOLUME ["/app/data"]

CMD ["npm", "start"]
