#!/bin/sh
# Runs once, when the database volume is first initialised, as the bootstrap superuser (POSTGRES_USER).
# Two roles, neither a superuser:
#   scopewise_owner  owns the database and every table; runs the migrations (the compose "migrate" job).
#   scopewise_app    what the app servers sign in as; the migrate job grants it reads and writes on the
#                    app's tables but only SELECT and INSERT on audit_events. Without ownership it cannot
#                    disable the audit triggers, and only a superuser may set session_replication_role.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v db="$POSTGRES_DB" -v owner_password="$SCOPEWISE_OWNER_PASSWORD" -v app_password="$SCOPEWISE_APP_PASSWORD" <<'SQL'
CREATE ROLE scopewise_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE scopewise_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
-- The public schema belongs to pg_database_owner, so to scopewise_owner from here on.
ALTER DATABASE :"db" OWNER TO scopewise_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
