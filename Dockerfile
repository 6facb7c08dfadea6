# Sparboard, one image for a single node (SQLite in DATA_DIR) and for scale-out nodes (REDIS_URL +
# DATABASE_URL). docs/deployment.md: how to run it, and how it was verified.
#
#   docker build -t sparboard .
#   docker run -p 3000:3000 -v sparboard-data:/data -e PUBLIC_URL=https://board.example.org sparboard
#
# BASE_IMAGE: any Debian-based image with Node 20+, npm and Node's headers in its prefix (the
# official node images have them). Where no registry is reachable, deploy/build-local-images.sh
# makes one from Debian's packages and passes it here.
ARG BASE_IMAGE=node:20-bookworm-slim
# Debian's fonts for CJK and emoji in exports (docs/export.md); empty for a smaller image.
ARG EXPORT_FONTS="fonts-noto-cjk fonts-noto-color-emoji fonts-symbola"

FROM ${BASE_IMAGE} AS build
# better-sqlite3's addon is built from source when no prebuilt binary can be fetched.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The manifests first: the install layer is reused until a dependency changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY packages/board-model/package.json packages/board-model/
COPY packages/board-scene/package.json packages/board-scene/
COPY packages/protocol/package.json packages/protocol/
COPY server/package.json server/
COPY server/scripts server/scripts
COPY client/package.json client/
COPY tests/package.json tests/
# The secret `ca` (optional): extra CA certificates in PEM for a TLS-inspecting proxy between the
# build and the npm registry, e.g. `--secret id=ca,src=/etc/ssl/certs/ca-certificates.crt`.
RUN --mount=type=secret,id=ca \
    if [ -s /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi \
 && npm install -g "pnpm@$(node -p "require('./package.json').packageManager.split('@')[1]")" \
 && pnpm install --frozen-lockfile --filter '!@sparboard/tests'
COPY tsconfig.base.json ./
COPY packages packages
COPY server server
COPY client client
RUN pnpm --filter @sparboard/server... --filter @sparboard/client... run build
# The server with its production dependencies only, workspace packages copied in (pnpm deploy);
# the deployed copy of better-sqlite3 gets its addon the way an install does.
RUN --mount=type=secret,id=ca \
    if [ -s /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi \
 && pnpm --filter @sparboard/server deploy --prod /out/server \
 && rm -rf /out/server/src /out/server/tsconfig*.json \
 && (cd /out/server && node scripts/build-sqlite.mjs) \
 && mkdir -p /out/client && cp -r client/dist /out/client/dist

FROM ${BASE_IMAGE}
ARG EXPORT_FONTS
RUN if [ -n "$EXPORT_FONTS" ]; then \
      apt-get update \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $EXPORT_FONTS \
      && rm -rf /var/lib/apt/lists/*; \
    fi \
 && groupadd --system --gid 10001 sparboard \
 && useradd --system --uid 10001 --gid sparboard --home-dir /app --shell /usr/sbin/nologin sparboard \
 && mkdir -p /data && chown sparboard:sparboard /data
WORKDIR /app
# server/dist/main.js serves the client from ../../client/dist.
COPY --from=build /out /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
# The SQLite file (single node); unused in scale-out mode.
VOLUME /data
USER sparboard
EXPOSE 3000
# 200 while the node serves boards (503 when it lost Redis or PostgreSQL in scale-out mode).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM closes boards with 1001 (clients reconnect) and flushes; see docs/deployment.md.
STOPSIGNAL SIGTERM
CMD ["node", "server/dist/main.js"]
