# syntax=docker/dockerfile:1
# Build stage: every dependency, the web bundle, then drop the dev-only packages.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build --if-present && npm prune --omit=dev

# Runtime stage: the app and its production dependencies, run as an unprivileged user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app /app
# A Chinese font for the 督办单 PDF (server/api/owed-pdf.ts): Noto Sans CJK.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 4000
# The web app was built in the build stage; start the server directly.
CMD ["node", "--import", "tsx", "server/main.ts"]
