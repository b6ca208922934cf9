#!/usr/bin/env bash
# Regenerates one migration for both drivers from the entities:
#   src/db/generate-migration.sh <Name> <timestamp>
# It builds, applies every *older* migration to scratch SQLite and MariaDB databases,
# and writes src/db/migrations/{sqlite,mysql}/<timestamp>-<Name>.ts (replacing them).
# Needs a local MariaDB where `mariadb -uroot` works.
set -euo pipefail
cd "$(dirname "$0")/../.."
name=$1 stamp=$2
rm -f src/db/migrations/*/"$stamp"-*.ts
npx tsc -p tsconfig.json
rm -f dist/src/db/migrations/*/"$stamp"-*.js
scratch="govapi_gen_$$"
sqlite="/tmp/$scratch.sqlite"
mariadb -uroot -e "CREATE DATABASE \`$scratch\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
trap 'mariadb -uroot -e "DROP DATABASE IF EXISTS \`$scratch\`"; rm -f "$sqlite"' EXIT
user=root
for url in "sqlite:$sqlite" "mariadb://$user@127.0.0.1:3306/$scratch"; do
  driver=$([[ $url == sqlite* ]] && echo sqlite || echo mysql)
  DATABASE_URL=$url LOG_LEVEL=warn node dist/src/db/migrate.js
  DATABASE_URL=$url LOG_LEVEL=warn npx typeorm migration:generate -d dist/ormconfig.js "src/db/migrations/$driver/$name" -t "$stamp"
done
npx tsc -p tsconfig.json
