#!/usr/bin/env bash
# Builds the service image with the project's Dockerfile and checks that it really runs:
#   base images made from Debian packages (no registry is reachable here), `podman build`,
#   a container against the local MariaDB, /q/health/ready, a /start through the bot's stand-in for the
#   Bot API (sandbox mode: no BOT_TOKEN) answered, a non-root user. Prints the image size and start time.
# Run it with `./mvnw -B verify -Pcontainer` (or directly). Needs root, podman, mmdebstrap and runc
# (apt-get install podman mmdebstrap runc) and a MariaDB on 127.0.0.1:3306.
set -euo pipefail
cd "$(dirname "$0")/../../.."

PORT="${IMAGE_CHECK_PORT:-18080}"
DB="${IMAGE_CHECK_DB:-backcoach_image}"
IMAGE=localhost/back-coach:check
WORK=target/image-check
mkdir -p "$WORK"

# podman on this kind of machine: runc (crun is refused), cgroupfs, and no default ulimits.
cat > "$WORK/containers.conf" <<'CONF'
[containers]
default_ulimits = []
CONF
export CONTAINERS_CONF="$PWD/$WORK/containers.conf"
podman_() { podman --cgroup-manager=cgroupfs --runtime runc "$@"; }

base() { # name, packages, extra mmdebstrap arguments
  if ! podman_ image exists "localhost/$1"; then
    echo "image-check: making base image $1 from Debian packages"
    mmdebstrap --quiet --variant=apt --include="$2" "${@:3}" bookworm "$WORK/$1.tar"
    podman_ import --quiet "$WORK/$1.tar" "localhost/$1" >/dev/null
    rm -f "$WORK/$1.tar"
  fi
}
# The build stage downloads Maven and the dependencies: it trusts this machine's extra CAs too (an egress
# proxy's, in /usr/local/share/ca-certificates), for Java as well (ca-certificates-java).
extra_cas=()
if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
  extra_cas=(--customize-hook='copy-in /usr/local/share/ca-certificates /usr/local/share'
             --customize-hook='chroot "$1" update-ca-certificates --fresh >/dev/null')
fi
base backcoach-jdk17 "openjdk-17-jdk-headless,ca-certificates,ca-certificates-java" "${extra_cas[@]}"
base backcoach-jre17 "openjdk-17-jre-headless,ca-certificates,ca-certificates-java,fontconfig,fonts-dejavu-core"

echo "image-check: building $IMAGE"
build_started=$(date +%s)
podman_ build --network host --quiet \
  --build-arg BUILD_IMAGE=localhost/backcoach-jdk17 --build-arg RUNTIME_IMAGE=localhost/backcoach-jre17 \
  -t "$IMAGE" -f Dockerfile . >/dev/null
build_seconds=$(( $(date +%s) - build_started ))

mariadb --host=127.0.0.1 --user=root -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4"

name="back-coach-check-$$"
cleanup() { podman_ rm -f "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT
# Up to 30 s for a service on the given port to answer its readiness check.
wait_ready() {
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  return 1
}

started=$(date +%s%N)
podman_ run -d --name "$name" --network host \
  -e DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB" -e DB_USER=root -e DB_PASSWORD= \
  -e QUARKUS_HTTP_PORT="$PORT" "$IMAGE" >/dev/null

wait_ready "$PORT" || { podman_ logs "$name" | tail -30; echo "image-check: not ready" >&2; exit 1; }
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))

# A /start from the first test user of the stand-in, and the bot's answer.
user=$(curl -fsS "http://127.0.0.1:$PORT/sandbox/api/state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["users"][0]["id"])')
curl -fsS -X POST -H 'Content-Type: application/json' -d '{"text":"/start"}' \
  "http://127.0.0.1:$PORT/sandbox/api/chats/$user/messages" >/dev/null
answered=no
for _ in $(seq 1 40); do
  if curl -fsS "http://127.0.0.1:$PORT/sandbox/api/chats/$user/messages" | grep -q "Back Coach"; then answered=yes; break; fi
  sleep 0.25
done
[ "$answered" = yes ] || { podman_ logs "$name" | tail -30; echo "image-check: /start got no answer" >&2; exit 1; }

# The questionnaires reach the image and are read from its config folder, not only the packaged copy.
podman_ exec "$name" test -f /app/config/questionnaires/peg.yaml \
  || { echo "image-check: /app/config/questionnaires/peg.yaml is missing" >&2; exit 1; }
# The log is read whole first: under pipefail, grep -q leaving early would fail the pipe with SIGPIPE.
logs=$(podman_ logs "$name" 2>&1)
grep -q "Questionnaires: peg (version [0-9]*, weekly) from /app/config/questionnaires" <<<"$logs" \
  || { tail -30 <<<"$logs"; echo "image-check: the questionnaires were not loaded from /app/config/questionnaires" >&2; exit 1; }

# The class data archive is this image's JVM's own: with -Xshare:on a JVM that cannot map it refuses to start.
# The service container above ran with it; this one adds -Xshare:on and counts the classes it took from it.
image_opts=$(podman_ image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$IMAGE" | sed -n 's/^JAVA_OPTS=//p')
shared="back-coach-shared-$$"
podman_ run -d --name "$shared" --network host \
  -e DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB" -e DB_USER=root -e DB_PASSWORD= -e QUARKUS_HTTP_PORT="$((PORT + 1))" \
  -e JAVA_OPTS="$image_opts -Xshare:on -Xlog:class+load=info:file=/tmp/class-load.txt" "$IMAGE" >/dev/null
wait_ready "$((PORT + 1))" || true # not ready means no archive mapped: the count below says so
archived=$(podman_ exec "$shared" grep -c "source: shared objects file (top)" /tmp/class-load.txt || true)
podman_ rm -f "$shared" >/dev/null 2>&1 || true
[ "${archived:-0}" -gt 1000 ] || { echo "image-check: the class data archive is not used (${archived:-0} classes from it)" >&2; exit 1; }

uid=$(podman_ exec "$name" id -u)
[ "$uid" != 0 ] || { echo "image-check: the service runs as root" >&2; exit 1; }
size_mb=$(( $(podman_ image inspect --format '{{.Size}}' "$IMAGE") / 1000000 ))
# The service hands the dispatch lease on when it stops normally, so the starts below lead at once.
podman_ stop -t 20 "$name" >/dev/null

# Start to the first getUpdates against a stand-in for the Bot API on this machine, three starts with the archive
# and three without, the schema in place: from the container's start (podman's StartedAt) to the stand-in's first
# getUpdates, each start stopped normally before the next.
fake_port=$((PORT + 2))
polls="$WORK/getupdates.txt"
: >"$polls"
cat >"$WORK/fake_bot_api.py" <<'PY'
import http.server, json, sys, time
port, polls = int(sys.argv[1]), sys.argv[2]
class Api(http.server.BaseHTTPRequestHandler):
    def handle_one(self):
        method = self.path.rstrip('/').rsplit('/', 1)[-1].split('?')[0]
        length = int(self.headers.get('Content-Length') or 0)
        if length:
            self.rfile.read(length)
        if method.lower() == 'getupdates':
            with open(polls, 'a') as out:
                out.write(f'{time.time_ns()}\n')
            time.sleep(0.5)
            body = {'ok': True, 'result': []}
        else:
            body = {'ok': True, 'result': True}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    do_GET = do_POST = handle_one
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(('127.0.0.1', port), Api).serve_forever()
PY
python3 "$WORK/fake_bot_api.py" "$fake_port" "$polls" &
fake_pid=$!
trap 'cleanup; kill $fake_pid 2>/dev/null || true' EXIT
timed_start() { # label, then what follows the environment in podman run: options, the image, a command
  local label=$1 before started first
  shift
  before=$(wc -l <"$polls")
  podman_ run -d --name "$name-$label" --network host -e BOT_TOKEN=123456:image-check -e BOT_API_URL="http://127.0.0.1:$fake_port" \
    -e DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB" -e DB_USER=root -e DB_PASSWORD= -e QUARKUS_HTTP_PORT="$((PORT + 3))" \
    "$@" >/dev/null
  for _ in $(seq 1 600); do
    [ "$(wc -l <"$polls")" -gt "$before" ] && break
    sleep 0.05
  done
  first=$(sed -n "$((before + 1))p" "$polls")
  started=$(podman_ inspect --format '{{.State.StartedAt.UnixNano}}' "$name-$label")
  podman_ stop -t 20 "$name-$label" >/dev/null; podman_ rm -f "$name-$label" >/dev/null
  [ -n "$first" ] || { echo "image-check: the $label start never polled" >&2; exit 1; }
  awk -v first="$first" -v started="$started" 'BEGIN { printf "%.2f", (first - started) / 1e9 }'
}
with_archive=()
without_archive=()
for run in 1 2 3; do
  with_archive+=("$(timed_start "cds$run" "$IMAGE")")
  without_archive+=("$(timed_start "nocds$run" --entrypoint sh "$IMAGE" -c 'exec java $JAVA_OPTS -jar /app/back-coach.jar')")
done

echo "image-check: OK build=${build_seconds}s size=${size_mb}MB ready=${ready_ms}ms archived-classes=${archived} uid=${uid} start-answered=${answered}"
echo "image-check: start to the first getUpdates (s), with the archive: ${with_archive[*]}; without it: ${without_archive[*]}"
