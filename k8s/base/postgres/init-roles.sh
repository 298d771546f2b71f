# Runs once, on an empty data directory: the postgres image sources /docker-entrypoint-initdb.d/*.sh as
# POSTGRES_USER, the admin login that also runs rainbow-api's migrations. Used by docker-compose.yml (mounted)
# and by k8s/base (as a ConfigMap): one file for both.
#
# The services' own logins, whose privileges come from rainbow-api's migration V4__service_roles.sql
# (rainbow_api: the shop's tables; rainbow_capture: replication and the captured tables; rainbow_pipeline: the
# row history), and batch-pipeline's job-repository database, owned by its login.
: "${API_DB_PASSWORD:?API_DB_PASSWORD is not set}"
: "${CAPTURE_DB_PASSWORD:?CAPTURE_DB_PASSWORD is not set}"
: "${PIPELINE_DB_PASSWORD:?PIPELINE_DB_PASSWORD is not set}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v api_password="$API_DB_PASSWORD" \
    -v capture_password="$CAPTURE_DB_PASSWORD" \
    -v pipeline_password="$PIPELINE_DB_PASSWORD" <<'SQL'
CREATE ROLE rainbow_api LOGIN PASSWORD :'api_password';
CREATE ROLE rainbow_capture LOGIN REPLICATION PASSWORD :'capture_password';
CREATE ROLE rainbow_pipeline LOGIN PASSWORD :'pipeline_password';
CREATE DATABASE rainbow_batch OWNER rainbow_pipeline;
SQL
