# The app for one replica: Node 20 slim, production dependencies only (esbuild bundles the app into dist/),
# a non-root user, and a health check on GET /healthz. Several replicas share one PostgreSQL
# (DATABASE_URL) and start from the index snapshot built here, keyed by the knowledge's content hash.
FROM node:20-slim AS deps
WORKDIR /app
# better-sqlite3 is native: its prebuilt binary is used when there is one, else it builds with these.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 make g++ >/dev/null && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 DATA_DIR=/app/data
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json manifest.yml ./
COPY src ./src
COPY intents ./intents
COPY scripts ./scripts
COPY seeds ./seeds
# The app as plain JavaScript (dist/main.js, dist/cli.js): a start compiles no TypeScript.
RUN npm run build
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
# Build the index snapshot once at image build, so every replica starts from it (see docs/deploying.md, "Running several replicas").
RUN node --max-old-space-size=4096 dist/cli.js build-index
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM stops taking events, finishes replies in flight, releases the digest lease and exits.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
