# Production image: compiled server, built SPA, production dependencies only.
# Node 26 'Lithium' is the Active LTS line (since 2026-10-28, supported to 2029-04); 20 reached end of life in 2026-04.
FROM node:26-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:26-trixie-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/client/dist ./client/dist
# Fonts the PDF reports embed, read at run time from the project root.
COPY --from=build /app/server/reports/fonts ./server/reports/fonts
# The common-password list new passwords are checked against, read at run time from the project root.
COPY --from=build /app/server/auth/common-passwords ./server/auth/common-passwords
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
