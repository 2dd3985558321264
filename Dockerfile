# The TypeScript services (api, indexer, web) built from one image; compose picks the command.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY verify/package.json verify/
COPY rules/package.json rules/
COPY prisma/package.json prisma/
COPY indexer/package.json indexer/
COPY api/package.json api/
COPY web/package.json web/
COPY bench/package.json bench/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
