# The Maillon server and its built client, for docker-compose.yml (Neo4j beside it).
# Node 20 on Debian bookworm: glibc 2.36 suits the prebuilt Kùzu and argon2 binaries.
FROM node:20-bookworm-slim

WORKDIR /app

# Dependencies first, so that a source change does not reinstall them.
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build

ENV NODE_ENV=production \
    PORT=4000 \
    MAILLON_DATA_DIR=/app/data
EXPOSE 4000
VOLUME ["/app/data"]

CMD ["npm", "start"]
