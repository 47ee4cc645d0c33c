import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../server/config';

const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), 'utf8');

describe('production stack files', () => {
  const compose = parse(read('docker-compose.yml'));

  test('when the compose file is read, then it runs the app and PostgreSQL with a volume and healthchecks', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'db', 'migrate']);
    const { app, db } = compose.services;
    expect(db.image).toMatch(/^postgres:\d+/);
    expect(db.volumes.some((v: string) => v.endsWith(':/var/lib/postgresql/data'))).toBe(true);
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(app.build).toBe('.');
    expect(app.depends_on.db.condition).toBe('service_healthy');
    expect(app.healthcheck.test.join(' ')).toContain('/readyz');
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['pgdata']));
  });

  test('when the app service is configured, then every variable the server reads in production is set and secrets are required', () => {
    const env = compose.services.app.environment;
    for (const name of ['NODE_ENV', 'PORT', 'DATABASE_URL', 'SESSION_SECRET', 'APP_URL', 'TRUST_PROXY', 'SMTP_URL', 'MAIL_FROM', 'SEED_DEMO', 'DATA_DIR']) {
      expect(env).toHaveProperty(name);
    }
    expect(env.NODE_ENV).toBe('production');
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/scopewise_app:\$\{SCOPEWISE_APP_PASSWORD\}@db:5432\/scopewise$/);
    expect(env.SESSION_SECRET).toMatch(/:\?/);
    expect(compose.services.db.environment.POSTGRES_PASSWORD).toMatch(/:\?/);
  });

  test('when the compose file sets up the database, then migrations run once as the owner and the app signs in as the runtime role only', () => {
    const { app, db, migrate } = compose.services;
    expect(db.volumes).toContain('./deploy/postgres-init:/docker-entrypoint-initdb.d:ro');
    for (const secret of ['SCOPEWISE_OWNER_PASSWORD', 'SCOPEWISE_APP_PASSWORD']) expect(db.environment[secret]).toMatch(/:\?/);
    const init = read('deploy/postgres-init/10-scopewise-roles.sh');
    expect(init).toMatch(/CREATE ROLE scopewise_owner LOGIN NOSUPERUSER/);
    expect(init).toMatch(/CREATE ROLE scopewise_app LOGIN NOSUPERUSER/);
    expect(init).toMatch(/ALTER DATABASE :"db" OWNER TO scopewise_owner;/);
    expect(fs.statSync(path.join(projectRoot, 'deploy/postgres-init/10-scopewise-roles.sh')).mode & 0o111).not.toBe(0);

    expect(migrate.build).toBe(app.build);
    expect(migrate.command).toEqual(['node', '--enable-source-maps', 'dist/server/main.js', '--migrate-only']);
    expect(migrate.environment.MIGRATION_DATABASE_URL).toMatch(/^postgres:\/\/scopewise_owner:\$\{SCOPEWISE_OWNER_PASSWORD\}@db:5432\/scopewise$/);
    expect(migrate.environment.DATABASE_URL).toBe(app.environment.DATABASE_URL);
    expect(app.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(app.environment).not.toHaveProperty('MIGRATION_DATABASE_URL');
    expect(JSON.stringify(app)).not.toContain('OWNER_PASSWORD');
  });

  test('when the compose variables are compared with the configuration, then every one is a known setting', () => {
    const config = read('server/config.ts');
    for (const name of [...Object.keys(compose.services.app.environment), ...Object.keys(compose.services.migrate.environment)]) {
      expect(config).toContain(`${name}:`);
    }
  });

  test('when the Dockerfile is read, then it builds, drops dev dependencies and runs the compiled server as a non-root user', () => {
    const docker = read('Dockerfile');
    expect(docker).toMatch(/RUN npm ci/);
    expect(docker).toMatch(/npm run build/);
    expect(docker).toMatch(/npm prune --omit=dev/);
    expect(docker).toMatch(/^USER node$/m);
    expect(docker).toMatch(/CMD \[.*dist\/server\/main\.js"\]/);
  });

  test('when the Dockerfile is read, then every stage runs one supported Node LTS line, not the end-of-life 20', () => {
    const majors = [...read('Dockerfile').matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(majors.length).toBeGreaterThanOrEqual(2);
    // Node 26 became the Active LTS line on 2026-10-28; build and run stages use the same line.
    expect(new Set(majors)).toEqual(new Set([26]));
  });

  test('when the CI script is read, then it installs with npm ci, ensures Chromium and PostgreSQL, and runs npm test', () => {
    const ci = read('.ci/run');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toContain('apt-get install -y -qq chromium');
    expect(ci).toContain('export DATABASE_URL=');
    expect(ci.trim().split('\n').pop()).toBe('npm test');
  });
});
