#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on this machine, for the Galera check (./mvnw -B verify -Pgalera).
#   galera-cluster.sh start           bootstraps node 1 (--wsrep-new-cluster), then node 2 and 3 join (rsync SST)
#   galera-cluster.sh stop            stops every node cleanly and removes nothing
#   galera-cluster.sh stop-node N     a clean shutdown of node N
#   galera-cluster.sh kill-node N     SIGKILL to node N (the others keep quorum, 2 of 3)
#   galera-cluster.sh status          each node's port and wsrep state
#   galera-cluster.sh clean           stop, then remove the data directories
# Each node runs as the `mysql` user (as root, rsync state transfer fails) with its own datadir, socket, SQL
# port and Galera ports on 127.0.0.1: SQL $BASE+N, gcomm $BASE+100+N, IST $BASE+200+N, SST $BASE+300+N
# (BASE from GALERA_BASE_PORT, default 23300). Data under GALERA_DIR (default target/galera). A user
# `backcoach` (password `backcoach`) with every privilege is created for the service.
# Needs root and Debian's mariadb-server and galera-4 (and rsync).
set -euo pipefail
cd "$(dirname "$0")/../../.."

BASE="${GALERA_BASE_PORT:-23300}"
DIR="$(realpath -m "${GALERA_DIR:-target/galera}")"
PROVIDER="${GALERA_PROVIDER:-$(dpkg -L galera-4 2>/dev/null | grep -m1 '/libgalera_smm\.so$' || true)}"
NODES=(1 2 3)

sql_port() { echo $((BASE + $1)); }
gcomm_port() { echo $((BASE + 100 + $1)); }
node_dir() { echo "$DIR/node$1"; }
socket() { echo "$(node_dir "$1")/mysqld.sock"; }
q() { mariadb --no-defaults --user=root --socket="$(socket "$1")" -N -B -e "$2" 2>/dev/null; }
pid_of() { cat "$(node_dir "$1")/mysqld.pid" 2>/dev/null || true; }
running() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

configure() {
  local n=$1 d; d=$(node_dir "$n")
  local members="" m
  for m in "${NODES[@]}"; do members="${members:+$members,}127.0.0.1:$(gcomm_port "$m")"; done
  install -d -o mysql -g mysql "$d" "$d/data"
  cat > "$d/my.cnf" <<CNF
[mysqld]
datadir=$d/data
socket=$d/mysqld.sock
pid-file=$d/mysqld.pid
log-error=$d/error.log
port=$(sql_port "$n")
bind-address=127.0.0.1
skip-name-resolve
user=mysql
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
default-storage-engine=InnoDB
innodb_buffer_pool_size=96M
innodb_log_file_size=48M
innodb_flush_log_at_trx_commit=2
max_connections=300
binlog_format=ROW
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=backcoach-check
wsrep_cluster_address=gcomm://$members
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$(gcomm_port "$n")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_port "$n");ist.recv_addr=127.0.0.1:$((BASE + 200 + n));gcache.size=64M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((BASE + 300 + n))
CNF
  chown mysql:mysql "$d/my.cnf"
  if [ ! -d "$d/data/mysql" ]; then
    mariadb-install-db --defaults-file="$d/my.cnf" --user=mysql --skip-test-db >"$d/install.log" 2>&1 \
      || { cat "$d/install.log" >&2; exit 1; }
  fi
}

start_node() { # n, extra arguments (--wsrep-new-cluster for the first)
  local n=$1 d; d=$(node_dir "$n"); shift
  if running "$n"; then echo "galera: node $n already runs"; return; fi
  configure "$n"
  # As root with --user=mysql the server drops to mysql; the SST script it starts runs as mysql too.
  setsid /usr/sbin/mariadbd --defaults-file="$d/my.cnf" "$@" >>"$d/stdout.log" 2>&1 < /dev/null &
  local state=""
  for _ in $(seq 1 240); do
    state=$(q "$n" "SHOW STATUS LIKE 'wsrep_local_state_comment'" | cut -f2 || true)
    [ "$state" = Synced ] && break
    sleep 0.5
  done
  if [ "$state" != Synced ]; then
    echo "galera: node $n did not reach Synced (state '${state}'); last lines of $d/error.log:" >&2
    tail -30 "$d/error.log" >&2 || true
    exit 1
  fi
  echo "galera: node $n Synced on 127.0.0.1:$(sql_port "$n") (cluster size $(q "$n" "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2))"
}

stop_node() {
  local n=$1 pid; pid=$(pid_of "$n")
  running "$n" || return 0
  kill -TERM "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || { echo "galera: node $n stopped"; return 0; }; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  echo "galera: node $n did not stop in 60 s: killed"
}

case "${1:-}" in
  start)
    [ -n "$PROVIDER" ] && [ -f "$PROVIDER" ] || { echo "galera: libgalera_smm.so not found (apt-get install galera-4)" >&2; exit 1; }
    command -v rsync >/dev/null || { echo "galera: rsync is missing (apt-get install rsync)" >&2; exit 1; }
    mkdir -p "$DIR"; chmod 755 "$DIR"
    started=$(date +%s)
    # A previous run's datadirs: node 1 bootstraps again whatever grastate.dat says.
    for n in "${NODES[@]}"; do
      [ -f "$(node_dir "$n")/data/grastate.dat" ] && sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$(node_dir "$n")/data/grastate.dat"
    done
    start_node 1 --wsrep-new-cluster
    q 1 "CREATE USER IF NOT EXISTS 'backcoach'@'%' IDENTIFIED BY 'backcoach'; GRANT ALL PRIVILEGES ON *.* TO 'backcoach'@'%'"
    start_node 2
    start_node 3
    echo "galera: cluster of $(q 1 "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2) nodes up in $(( $(date +%s) - started )) s;" \
         "SQL ports $(sql_port 1) $(sql_port 2) $(sql_port 3), user backcoach/backcoach"
    ;;
  stop)
    for n in 3 2 1; do stop_node "$n"; done ;;
  stop-node) stop_node "${2:?node number}" ;;
  kill-node)
    n="${2:?node number}"; pid=$(pid_of "$n")
    if running "$n"; then kill -KILL "$pid"; echo "galera: node $n killed (pid $pid)"; rm -f "$(node_dir "$n")/mysqld.pid"; fi ;;
  start-node)
    start_node "${2:?node number}" ;;
  status)
    for n in "${NODES[@]}"; do
      if running "$n"; then
        echo "node $n: port $(sql_port "$n") $(q "$n" "SHOW STATUS LIKE 'wsrep_local_state_comment'" | cut -f2)" \
             "cluster size $(q "$n" "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2)"
      else
        echo "node $n: down"
      fi
    done ;;
  clean)
    for n in 3 2 1; do stop_node "$n"; done
    rm -rf "$DIR" ;;
  *) sed -n '2,13p' "$0"; exit 2 ;;
esac
