#!/bin/sh
# The image's class data archive from a whole start (the Dockerfile's runtime stage runs this as root).
#
# A start against no database stops at Flyway and leaves out most of what a real start loads: Hibernate's
# session factory, the pools, the Telegram client and the poller. An archive of a whole start maps those too,
# which took a start to the first getUpdates from 1.9-2.0 s to 1.3-1.45 s (README, "Deploy with Docker"). So
# this runs one: a throwaway MariaDB inside the build, the service in sandbox mode against it (no token: its
# own stand-in for the Bot API, polled through the same client), one /start answered, then a normal stop, at
# which the JVM writes the archive. The database server and every package installed for it are removed again
# before the step ends, so the image does not keep them. Where no MariaDB server can be installed or started
# (a build without package access), the archive comes from a start that stops at the database, as before.
#
# usage: appcds-training.sh ARCHIVE [JAR]   (JAVA_OPTS as the entry point uses them; JAR /app/back-coach.jar)
set -eu

ARCHIVE=$1
JAR=${2:-/app/back-coach.jar}
DB_PORT=39306
HTTP_PORT=39080
WORK=$(mktemp -d /tmp/appcds-training.XXXXXX)

log() { echo "appcds-training: $*"; }
show_logs() {
  for file in "$WORK"/*.log; do
    if [ -f "$file" ]; then echo "--- $file"; tail -40 "$file"; fi
  done >&2
}
fail() {
  log "$*" >&2
  show_logs
  exit 1
}

installed_with=""
app_pid=""
db_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null || true
  if [ -n "$db_pid" ]; then
    kill "$db_pid" 2>/dev/null || true
    wait "$db_pid" 2>/dev/null || true
  fi
  case $installed_with in
    apt)
      # Every package that came with them, whether apt marked it automatic or not.
      added=$(dpkg-query -W -f '${Package}\n' | sort | comm -13 "$WORK/packages-before" -)
      [ -z "$added" ] || DEBIAN_FRONTEND=noninteractive apt-get purge -y -q $added >/dev/null 2>&1 || true
      apt-get clean
      rm -rf /var/lib/apt/lists/* /var/lib/mysql /etc/mysql /usr/sbin/policy-rc.d ;;
    apk) apk del --no-cache .appcds-training >/dev/null 2>&1 || true ;;
  esac
  rm -rf "$WORK"
}
trap cleanup EXIT

# A MariaDB server and curl, installed only where missing. Fails (returns 1) where they cannot be had.
install_tools() {
  missing=""
  command -v mariadbd >/dev/null 2>&1 || missing="$missing server"
  command -v curl >/dev/null 2>&1 || missing="$missing curl"
  [ -n "$missing" ] || return 0
  packages=""
  if command -v apt-get >/dev/null 2>&1; then
    for need in $missing; do
      case $need in server) packages="$packages mariadb-server" ;; curl) packages="$packages curl" ;; esac
    done
    dpkg-query -W -f '${Package}\n' | sort >"$WORK/packages-before" || return 1
    installed_with=apt
    # No service starts from a package's install script: this step starts its own server.
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d || return 1
    apt-get update -q >"$WORK/apt.log" 2>&1 || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $packages >>"$WORK/apt.log" 2>&1 \
      || return 1
  elif command -v apk >/dev/null 2>&1; then
    for need in $missing; do
      case $need in server) packages="$packages mariadb mariadb-client" ;; curl) packages="$packages curl" ;; esac
    done
    installed_with=apk
    apk add --no-cache --virtual .appcds-training $packages >"$WORK/apk.log" 2>&1 || return 1
  else
    return 1
  fi
}

start_database() {
  mariadb-install-db --no-defaults --user=root --datadir="$WORK/db" --auth-root-authentication-method=normal \
    --skip-test-db >"$WORK/db-install.log" 2>&1 || return 1
  mariadbd --no-defaults --user=root --datadir="$WORK/db" --socket="$WORK/db.sock" --bind-address=127.0.0.1 \
    --port=$DB_PORT --skip-name-resolve --innodb-buffer-pool-size=32M >"$WORK/db.log" 2>&1 &
  db_pid=$!
  i=0
  until mariadb --no-defaults --socket="$WORK/db.sock" -uroot -e "SELECT 1" >/dev/null 2>&1; do
    i=$((i + 1))
    [ $i -le 120 ] && kill -0 "$db_pid" 2>/dev/null || return 1
    sleep 0.25
  done
  mariadb --no-defaults --socket="$WORK/db.sock" -uroot -e "CREATE DATABASE training CHARACTER SET utf8mb4;
    CREATE USER 'training'@'127.0.0.1' IDENTIFIED BY 'training';
    GRANT ALL ON training.* TO 'training'@'127.0.0.1';" >>"$WORK/db.log" 2>&1 || return 1
}

# The service in sandbox mode, writing the archive at its exit, in the background.
start_service() { # DB_URL
  rm -f "$ARCHIVE"
  # Its home and temporary files in the work folder, which goes, and no perf data file in /tmp: this runs as
  # root, and what it left in /tmp would be root's where the service later runs as 10001. A heap limit of its
  # own: on a build host with much memory, 75 % of it would turn compressed pointers off, and with them the
  # JDK's base archive, without which no archive of ours can be written. The class-load log lets the service
  # link, as it stops, the classes Java 17 would otherwise leave out of the archive (ClassArchiveTraining).
  mkdir -p "$WORK/home" "$WORK/tmp"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags, as in the entry point
  env -u BOT_TOKEN HOME="$WORK/home" DB_URL="$1" DB_USER=training DB_PASSWORD=training \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$HTTP_PORT \
    java -XX:ArchiveClassesAtExit="$ARCHIVE" $JAVA_OPTS -Xmx512m -XX:-UsePerfData -Djava.io.tmpdir="$WORK/tmp" \
    -Xlog:class+load=info:file="$WORK/classes.log" -Dappcds.training-class-log="$WORK/classes.log" \
    -jar "$JAR" >"$WORK/app.log" 2>&1 &
  app_pid=$!
}

whole_start() {
  log "a whole start of the service, writing $ARCHIVE at its exit"
  start_service "jdbc:mariadb://127.0.0.1:$DB_PORT/training"
  base="http://127.0.0.1:$HTTP_PORT"
  i=0
  until curl -fsS "$base/q/health/ready" >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -le 240 ] || fail "the service did not get ready"
    kill -0 "$app_pid" 2>/dev/null || fail "the service stopped"
    sleep 0.25
  done
  # One update through intake, handling and the outbox, so their classes are in the archive as well.
  user=$(curl -fsS "$base/sandbox/api/state" | sed -n 's/.*"users":\[{"id":\([0-9]*\).*/\1/p')
  [ -n "$user" ] || fail "the sandbox named no test user"
  curl -fsS -X POST -H 'Content-Type: application/json' -d '{"text":"/start"}' \
    "$base/sandbox/api/chats/$user/messages" >/dev/null || fail "could not send /start"
  i=0
  until curl -fsS "$base/sandbox/api/chats/$user/messages" | grep -q "Back Coach"; do
    i=$((i + 1)); [ $i -le 120 ] || fail "/start got no answer"; sleep 0.25
  done
  # A normal stop (SIGTERM, as a container stop sends it): the JVM writes the archive on its way out.
  kill -TERM "$app_pid"
  wait "$app_pid" || true
  app_pid=""
}

# Without a database the service stops at Flyway, and the JVM writes what it had loaded until then.
start_without_database() {
  log "no MariaDB server could be installed or started here; the archive covers a start up to the database only"
  show_logs
  start_service "jdbc:mariadb://127.0.0.1:1/none"
  i=0
  while kill -0 "$app_pid" 2>/dev/null; do
    i=$((i + 1))
    [ $i -le 240 ] || { kill -TERM "$app_pid"; break; }
    sleep 0.25
  done
  wait "$app_pid" || true
  app_pid=""
}

if install_tools && start_database; then
  whole_start
else
  start_without_database
fi
[ -s "$ARCHIVE" ] || fail "no archive was written"
chmod 444 "$ARCHIVE"
log "wrote $ARCHIVE ($(($(wc -c <"$ARCHIVE") / 1000000)) MB)"
