# Rectify as a container: Next.js's standalone output (server.js with only the modules it traces),
# plus the database preparation (migrate, seed the taxonomies; the demo only with RECTIFY_SEED=demo)
# bundled into one file. See docs/DEPLOYMENT.md for what was verified where.
#
#   docker build -t rectify .
#   docker compose up            # with Postgres, compose.yaml

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_OUTPUT=standalone NEXT_TELEMETRY_DISABLED=1
RUN sh scripts/build-standalone.sh

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 RECTIFY_DATA_DIR=/data/pglite
COPY --from=build --chown=node:node /app/.next/standalone ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "node prepare-db.cjs && exec node server.js"]
