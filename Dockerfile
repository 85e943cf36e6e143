# App Center's backend image, built the way Backstage's deployment docs describe ("host build"): the
# TypeScript and the frontend are built on the host (or the CI runner), the image only installs the
# bundle's production dependencies. On the host, from the repository root:
#
#   make deps                                   # toolchain (Node 24, Yarn 4) and dependencies
#   yarn tsc                                    # type check
#   yarn workspace backend build                # builds the app too; writes packages/backend/dist/*.tar.gz
#   docker image build . -f Dockerfile --tag app-center:latest
#
# Run it with the variables app-config.production.yaml reads (POSTGRES_*, ARGOCD_*, GIT_*,
# APP_CENTER_BASE_URL): see README.md, "Production", and deploy/ for Kubernetes.
FROM node:24-bookworm-slim

# The working clones need no git binary (the backend speaks git's smart HTTP itself); python3, g++ and make
# are there in case a native module has no prebuilt binary for the image's platform.
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && \
    apt-get install -y --no-install-recommends python3 g++ make && \
    rm -rf /var/lib/apt/lists/*

# Yarn 4 as the repository pins it (packageManager in package.json).
RUN corepack enable

USER node
WORKDIR /app
ENV NODE_ENV=production
# Native modules build against this Node's headers.
ENV npm_config_nodedir=/usr/local

# The skeleton (package.json files and yarn.lock) first, so the dependency layer is cached until they change.
COPY --chown=node:node .yarnrc.yml ./
COPY --chown=node:node packages/backend/dist/skeleton.tar.gz ./
RUN tar xzf skeleton.tar.gz && rm skeleton.tar.gz

RUN --mount=type=cache,target=/home/node/.yarn/berry/cache,sharing=locked,uid=1000,gid=1000 \
    yarn workspaces focus --all --production && rm -rf "$(yarn cache clean)"

COPY --chown=node:node packages/backend/dist/bundle.tar.gz app-config.production.yaml ./
RUN tar xzf bundle.tar.gz && rm bundle.tar.gz

EXPOSE 7007
# Liveness and readiness: /.backstage/health/v1/liveness and /.backstage/health/v1/readiness.
CMD ["node", "packages/backend", "--config", "app-config.production.yaml"]
